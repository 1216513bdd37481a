namespace TumorBoard.Core.Pairs;

/// <summary>
/// Thresholds of the comparison flags. The defaults are documented in docs/pairs.md; they are heuristics
/// for the board's attention, not calls.
/// </summary>
public sealed record PairComparisonOptions
{
    public static PairComparisonOptions Default { get; } = new();

    /// <summary>Lower bound (inclusive) of the heterozygous-germline VAF band.</summary>
    public decimal GermlineVafLow { get; init; } = 0.40m;

    /// <summary>Upper bound (inclusive) of the heterozygous-germline VAF band.</summary>
    public decimal GermlineVafHigh { get; init; } = 0.60m;

    /// <summary>
    /// An SNV/indel is subclonal in a report when its VAF is strictly below this fraction of the report's
    /// clonal reference (the highest VAF among its SNVs/indels not labelled or suspected germline).
    /// </summary>
    public decimal SubclonalFraction { get; init; } = 0.25m;

    /// <summary>
    /// Genes in which a ctDNA-only variant may come from clonal haematopoiesis (DNMT3A, TET2, ...). Empty by
    /// default: the list is knowledge and comes from the knowledge base, not from code.
    /// </summary>
    public IReadOnlySet<string> ClonalHematopoiesisGenes { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
}
