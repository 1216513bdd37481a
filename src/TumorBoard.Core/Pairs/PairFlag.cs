namespace TumorBoard.Core.Pairs;

/// <summary>Cautions on a compared alteration; serialised camelCase. Thresholds live in <see cref="PairComparisonOptions"/>.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "A pair comparison's flag, the word the board and docs/pairs.md use; not a [Flags] enum.")]
public enum PairFlag
{
    /// <summary>Acquired in <c>to</c>, and a resistance finding exists for it.</summary>
    EmergentResistance,

    /// <summary>Labelled germline in either report, or VAF in the heterozygous band in both and labelled somatic in neither.</summary>
    GermlineSuspect,

    /// <summary>An SNV/indel whose VAF is below a fraction of the report's clonal reference VAF, in a report that carries it.</summary>
    Subclonal,

    /// <summary>Seen only in the ctDNA side of the pair, in a gene the caller lists as a clonal-haematopoiesis gene.</summary>
    PossibleClonalHematopoiesis,

    /// <summary>The service kept the alteration but could not interpret it; it is listed but not counted in concordance.</summary>
    Uninterpreted,
}
