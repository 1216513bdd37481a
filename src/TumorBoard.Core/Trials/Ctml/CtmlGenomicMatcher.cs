using TumorBoard.Core.Alterations;
using TumorBoard.Core.Rules.Matchers;

namespace TumorBoard.Core.Trials.Ctml;

/// <summary>MatchMiner's <c>variant_category</c> values (matchengine-V2 <c>variant_category_map</c>).</summary>
public enum CtmlVariantCategory
{
    /// <summary>No category given: any alteration of the gene.</summary>
    None,

    Mutation,

    /// <summary><c>Copy Number Variation</c>.</summary>
    CopyNumber,

    /// <summary><c>Structural Variation</c>.</summary>
    Structural,

    /// <summary><c>Any Variation</c>: a mutation or a copy-number change.</summary>
    Any,
}

/// <summary>
/// One CTML <c>genomic</c> node as MatchMiner's matchengine-V2 reads it: a single alteration must satisfy every
/// key of the node at once (the node is one query on one genomic document). Gene (<c>hugo_symbol</c>), exact
/// <c>protein_change</c>, <c>wildcard_protein_change</c> (a prefix followed by exactly one amino-acid letter, the
/// regex <c>^p.V600[ACDEFGHIKLMNPQRSTVWY]$</c>), <c>variant_category</c>, <c>cnv_call</c> and
/// <c>fusion_partner_hugo_symbol</c> (a gene, <c>any_gene</c> or <c>intergenic</c>; either order, as
/// matchengine-V2's structured-SV query). Negation ('!') is not here: a negated node is a <c>NotCriterion</c>.
/// </summary>
public sealed record CtmlGenomicMatcher : AlterationMatcher
{
    /// <summary>Key under which trial evaluation files every fusion, for nodes naming no gene (<c>any_gene</c>).</summary>
    public const string AnyFusionKey = "#FUSION";

    public const string AnyGene = "any_gene";

    public const string Intergenic = "intergenic";

    private const string AminoAcids = "ACDEFGHIKLMNPQRSTVWY";

    /// <summary>HGNC symbol, or <see cref="AnyGene"/> for a structural variant with any gene on this side; null when the node names only a fusion partner (this side is free).</summary>
    public required string? Gene { get; init; }

    public CtmlVariantCategory Category { get; init; }

    /// <summary>One-letter change without <c>p.</c> (<c>G12D</c>).</summary>
    public string? ProteinChange { get; init; }

    /// <summary>Prefix without <c>p.</c> (<c>V600</c>).</summary>
    public string? WildcardProteinChange { get; init; }

    /// <summary>The lab call a copy-number node asks for; null = any copy-number change.</summary>
    public CnaCall? CnvCall { get; init; }

    /// <summary>A gene, <see cref="AnyGene"/> or <see cref="Intergenic"/>; null = any partner or none.</summary>
    public string? FusionPartner { get; init; }

    public override string IndexKey => Gene is { } gene && !IsAny(gene) ? gene
        : FusionPartner is { } partner && !IsAny(partner) && !IsIntergenic(partner) ? partner
        : AnyFusionKey;

    public override bool Matches(Alteration alteration)
    {
        ArgumentNullException.ThrowIfNull(alteration);
        if (!CategoryAllows(alteration))
        {
            return false;
        }

        if (alteration.Kind == AlterationKind.Fusion || Category == CtmlVariantCategory.Structural)
        {
            return alteration.Kind == AlterationKind.Fusion && FusionMatches(alteration) && ProteinChange is null && WildcardProteinChange is null;
        }

        if (!string.Equals(alteration.Gene, Gene, StringComparison.Ordinal))
        {
            return false;
        }

        if (ProteinChange is { } exact && !string.Equals(alteration.Protein?.Text, exact, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (WildcardProteinChange is { } prefix
            && !(alteration.Protein?.Text is { } text
                && text.Length == prefix.Length + 1
                && text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                && AminoAcids.Contains(char.ToUpperInvariant(text[^1]), StringComparison.Ordinal)))
        {
            return false;
        }

        return CnvCall is not { } call || alteration.CnaCall == call;
    }

    private bool CategoryAllows(Alteration alteration) => Category switch
    {
        CtmlVariantCategory.Mutation => alteration.Kind is AlterationKind.Snv or AlterationKind.Indel,
        CtmlVariantCategory.CopyNumber => alteration.Kind == AlterationKind.Cna,
        CtmlVariantCategory.Structural => alteration.Kind == AlterationKind.Fusion,
        CtmlVariantCategory.Any => alteration.Kind is AlterationKind.Snv or AlterationKind.Indel or AlterationKind.Cna,
        _ => alteration.Kind is AlterationKind.Snv or AlterationKind.Indel or AlterationKind.Cna or AlterationKind.Fusion,
    };

    /// <summary>
    /// matchengine-V2 <c>build_structured_sv_query</c>: (left = gene and right = partner) or (left = partner and
    /// right = gene); a side not given is free, <c>intergenic</c> means no gene there, <c>any_gene</c> any gene.
    /// TumorBoard keeps a fusion with one known gene as one gene (partner unknown or intergenic), read as the
    /// other side being empty.
    /// </summary>
    private bool FusionMatches(Alteration alteration)
    {
        var genes = alteration.FusionGenes is { Count: > 0 } list ? list : [alteration.Gene];
        var left = genes[0];
        var right = genes.Count > 1 ? genes[1] : null;
        return (Side(Gene, left) && Side(FusionPartner, right)) || (Side(FusionPartner, left) && Side(Gene, right));
    }

    private static bool Side(string? wanted, string? actual) => wanted switch
    {
        null => true,
        _ when IsIntergenic(wanted) => string.IsNullOrEmpty(actual),
        _ when IsAny(wanted) => !string.IsNullOrEmpty(actual),
        _ => string.Equals(wanted, actual, StringComparison.Ordinal),
    };

    public static bool IsAny(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return string.Equals(value.Replace(' ', '_'), AnyGene, StringComparison.OrdinalIgnoreCase);
    }

    public static bool IsIntergenic(string value) => string.Equals(value, Intergenic, StringComparison.OrdinalIgnoreCase);

    public override string Describe()
    {
        var parts = new List<string> { Gene is null || IsAny(Gene) ? "any gene" : Gene };
        if (ProteinChange is { } exact)
        {
            parts.Add(exact);
        }

        if (WildcardProteinChange is { } prefix)
        {
            parts.Add($"{prefix} (any single amino-acid change)");
        }

        parts.Add(Category switch
        {
            CtmlVariantCategory.Mutation => "mutation",
            CtmlVariantCategory.CopyNumber => CnvCall is { } call ? $"copy-number {call.ToString().ToLowerInvariant()}" : "copy-number change",
            CtmlVariantCategory.Structural => FusionPartner is { } partner
                ? $"structural variant with {(IsAny(partner) ? "any gene" : IsIntergenic(partner) ? "no gene (intergenic or partner not reported)" : partner)}"
                : "structural variant",
            CtmlVariantCategory.Any => "mutation or copy-number change",
            _ => "alteration",
        });
        return string.Join(' ', parts);
    }
}
