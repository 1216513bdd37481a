namespace TumorBoard.Core.Rules;

/// <summary>
/// Genes whose plasma-only findings may come from clonal haematopoiesis (white blood cells), not the tumour:
/// every recommendation such a finding drives carries a "confirm in tissue" caveat. Curated, cited data.
/// </summary>
public sealed record ClonalHaematopoiesisGenes(IReadOnlySet<string> Genes, IReadOnlyList<Citation> Citations)
{
    public static readonly ClonalHaematopoiesisGenes None = new(new HashSet<string>(StringComparer.Ordinal), []);
}

/// <summary>
/// When a tumour-only finding suggests a germline variant: a cancer-predisposition gene (cited list), an
/// alteration a rule treats as actionable or a truncating one, origin not proven (unknown), and a VAF in
/// [<see cref="HeterozygousMin"/>, <see cref="HeterozygousMax"/>] (heterozygous) or at least <see cref="HomozygousMin"/>
/// (loss of the other allele). The board sees "consider germline testing"; nothing is declined on it.
/// </summary>
public sealed record GermlineReferralRule(
    IReadOnlySet<string> Genes,
    decimal HeterozygousMin,
    decimal HeterozygousMax,
    decimal HomozygousMin,
    IReadOnlyList<Citation> Citations)
{
    public static readonly GermlineReferralRule None = new(new HashSet<string>(StringComparer.Ordinal), 1m, 0m, 2m, []);

    public bool VafSuggestsGermline(decimal? vaf) =>
        vaf is { } v && ((v >= HeterozygousMin && v <= HeterozygousMax) || v >= HomozygousMin);
}
