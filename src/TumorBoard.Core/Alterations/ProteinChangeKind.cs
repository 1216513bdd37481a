namespace TumorBoard.Core.Alterations;

/// <summary>Consequence class of a protein change, derived from its HGVS p. notation.</summary>
public enum ProteinChangeKind
{
    /// <summary>One residue replaced by another (V600E).</summary>
    Missense,

    /// <summary>A stop codon gained (K3326*).</summary>
    Nonsense,

    /// <summary>Frameshift (S1982Rfs*22).</summary>
    Frameshift,

    /// <summary>In-frame deletion of one or more residues (E746_A750del).</summary>
    InframeDeletion,

    /// <summary>In-frame insertion (D770_N771insSVD).</summary>
    InframeInsertion,

    /// <summary>In-frame deletion-insertion (L747_P753delinsS).</summary>
    Delins,

    /// <summary>Duplication of one or more residues (A767_V769dup).</summary>
    Duplication,

    /// <summary>Same residue (synonymous, p.=).</summary>
    Synonymous,

    /// <summary>Loss of the start codon (M1?).</summary>
    StartLoss,

    /// <summary>Stop codon lost (*1000Qext*10).</summary>
    StopLoss,

    /// <summary>A change the parser could name but not classify.</summary>
    Other,
}
