namespace TumorBoard.Core.Alterations;

/// <summary>
/// The genes of a fusion in the order the lab gave them (5' then 3'). A single gene means the
/// partner is unknown ("ROS1 fusion", "ALK rearrangement"): the service does not invent a partner.
/// <paramref name="Unresolved"/> lists names that are not HGNC symbols, previous symbols or aliases;
/// they are kept upper-case in <paramref name="Genes"/>.
/// </summary>
public sealed record FusionPartners(IReadOnlyList<string> Genes, IReadOnlyList<string> Unresolved)
{
    /// <summary>The 3' gene, or the only known gene when the partner is unknown.</summary>
    public string ThreePrimeGene => Genes[^1];

    /// <summary>The 5' gene; null when the partner is unknown.</summary>
    public string? FivePrimeGene => Genes.Count == 2 ? Genes[0] : null;

    public bool PartnerKnown => Genes.Count == 2;
}
