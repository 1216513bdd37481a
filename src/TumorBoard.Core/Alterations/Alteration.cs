namespace TumorBoard.Core.Alterations;

/// <summary>
/// One normalised alteration of one report: the unit the rules engine, the pair comparison and the
/// HTTP contract share. Genes are HGNC-approved symbols; <see cref="Key"/> identifies the same
/// biological event across reports regardless of how each lab spelled it.
/// </summary>
public sealed record Alteration
{
    /// <summary>Stable identity across reports: <c>EGFR T790M</c>, <c>EGFR amplification</c>, <c>EML4::ALK</c>, <c>TMB</c>, <c>MSI-H</c>.</summary>
    public required string Key { get; init; }

    /// <summary>HGNC-approved symbol; for fusions the 3' (usually kinase) partner; empty for TMB/MSI.</summary>
    public required string Gene { get; init; }

    public required AlterationKind Kind { get; init; }

    public ProteinChange? Protein { get; init; }

    /// <summary>HGVS c. change without the transcript (<c>c.2369C&gt;T</c>).</summary>
    public string? CodingChange { get; init; }

    /// <summary>Transcript the coding change is on (<c>NM_005228.4</c>), when reported.</summary>
    public string? Transcript { get; init; }

    public decimal? CopyNumber { get; init; }

    public CnaCall? CnaCall { get; init; }

    /// <summary>Fusion partners, 5' first then 3'; null for non-fusions.</summary>
    public IReadOnlyList<string>? FusionGenes { get; init; }

    /// <summary>Numeric value of a biomarker: TMB in mutations per megabase.</summary>
    public decimal? Value { get; init; }

    /// <summary>Variant allele fraction 0..1.</summary>
    public decimal? Vaf { get; init; }

    public VariantOrigin Origin { get; init; } = VariantOrigin.Unknown;

    /// <summary>Free text the lab gave (variation code text, description); used for exon-level classes such as MET exon 14 skipping.</summary>
    public string? Description { get; init; }

    /// <summary>False when the service kept the alteration but could not interpret it; such alterations never match a rule.</summary>
    public bool Interpreted { get; init; } = true;
}
