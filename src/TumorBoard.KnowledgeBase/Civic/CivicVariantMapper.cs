using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TumorBoard.Core.Alterations;
using TumorBoard.Core.Vocabularies;

namespace TumorBoard.KnowledgeBase.Civic;

/// <summary>
/// Maps a CIViC molecular profile (<c>EGFR T790M</c>, <c>EML4::ALK Fusion</c>, <c>ERBB2 Amplification</c>,
/// <c>EGFR T790M AND EGFR L858R</c>) to a biomarker in the rule-file syntax, or says why not. Only what maps
/// cleanly onto TumorBoard's matchers is taken; gene-level "Mutation", expression and polymorphisms are not.
/// </summary>
public sealed partial class CivicVariantMapper(GeneSymbols genes, IReadOnlyList<(string Gene, string Variant, JsonObject Biomarker)> classes)
{
    /// <summary>Reads the curated variant classes (<c>Data/civic/variant-classes.json</c>).</summary>
    public static IReadOnlyList<(string Gene, string Variant, JsonObject Biomarker)> ParseClasses(string json)
    {
        var root = JsonNode.Parse(json)?.AsObject() ?? throw new FormatException("variant classes: not a JSON object");
        return root["classes"]!.AsArray().Select(c => c!.AsObject())
            .Select(c => ((string)c["gene"]!, (string)c["variant"]!, c["biomarker"]!.AsObject()))
            .ToList();
    }

    /// <summary>The biomarker, or null with the skip reason.</summary>
    public (JsonObject? Biomarker, string? Skip) Map(string molecularProfile)
    {
        ArgumentNullException.ThrowIfNull(molecularProfile);
        // Flat AND (allOf) or flat OR (anyOf) of variants; NOT, parentheses and mixed AND/OR are not taken.
        var hasAnd = molecularProfile.Contains(" AND ", StringComparison.Ordinal);
        var hasOr = molecularProfile.Contains(" OR ", StringComparison.Ordinal);
        if (Not().IsMatch(molecularProfile) || molecularProfile.Contains('(', StringComparison.Ordinal) || (hasAnd && hasOr))
        {
            return (null, CivicSkipReasons.ProfileNotOrNested);
        }

        var parts = molecularProfile.Split(hasOr ? " OR " : " AND ", StringSplitOptions.TrimEntries);
        var matchers = new List<JsonObject>();
        foreach (var part in parts)
        {
            var (matcher, skip) = MapVariant(part);
            if (matcher is null)
            {
                return (null, skip);
            }

            matchers.Add(matcher);
        }

        return matchers.Count == 1
            ? (matchers[0], null)
            : (new JsonObject { ["kind"] = hasOr ? "anyOf" : "allOf", ["of"] = new JsonArray([.. matchers]) }, null);
    }

    private (JsonObject? Matcher, string? Skip) MapVariant(string text)
    {
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
        {
            return (null, CivicSkipReasons.UnsupportedVariant);
        }

        var genePart = text[..space];
        var variant = text[(space + 1)..].Trim();
        var lower = variant.ToLowerInvariant();
        if (genePart.Contains("::", StringComparison.Ordinal))
        {
            return lower is "fusion" or "fusions" ? Fusion(genePart) : (null, CivicSkipReasons.UnsupportedVariant);
        }

        // Biomarkers CIViC writes like genes: MSI-high maps; a TMB "high" has no threshold to match on.
        if (string.Equals(genePart, "MSI", StringComparison.Ordinal))
        {
            return lower == "high" ? (new JsonObject { ["kind"] = "msiHigh" }, null) : (null, CivicSkipReasons.Expression);
        }

        if (string.Equals(genePart, "TMB", StringComparison.Ordinal))
        {
            return (null, CivicSkipReasons.Expression);
        }

        if (Symbol(genePart) is not { } gene)
        {
            return (null, CivicSkipReasons.GeneUnresolved);
        }

        foreach (var (classGene, classVariant, biomarker) in classes)
        {
            if (string.Equals(classGene, gene, StringComparison.Ordinal) && string.Equals(classVariant, variant, StringComparison.OrdinalIgnoreCase))
            {
                return ((JsonObject)biomarker.DeepClone(), null);
            }
        }

        switch (lower)
        {
            case "amplification":
                return (new JsonObject { ["kind"] = "amplification", ["gene"] = gene }, null);
            case "deletion":
                return (new JsonObject { ["kind"] = "deletion", ["gene"] = gene }, null);
            case "loss-of-function" or "truncating mutation":
                return (new JsonObject { ["kind"] = "lossOfFunction", ["gene"] = gene }, null);
            case "fusion" or "fusions" or "rearrangement":
                return (new JsonObject { ["kind"] = "fusion", ["gene"] = gene }, null);
            case "mutation" or "mutations" or "activating mutation" or "deleterious mutation" or "alteration" or "gain-of-function"
                or "frameshift" or "frameshift truncation" or "tkd mutation":
                return (null, CivicSkipReasons.GeneLevel);
            case "wildtype":
                return (null, CivicSkipReasons.Wildtype);
        }

        if (Expression().IsMatch(lower))
        {
            return (null, CivicSkipReasons.Expression);
        }

        if (lower.StartsWith("rs", StringComparison.Ordinal) && lower.Skip(2).All(char.IsAsciiDigit) || lower.StartsWith("c.", StringComparison.Ordinal)
            || lower.Contains("polymorphism", StringComparison.Ordinal) || lower.Contains("genotype", StringComparison.Ordinal))
        {
            return (null, CivicSkipReasons.Polymorphism);
        }

        if (Region().IsMatch(lower))
        {
            return (null, CivicSkipReasons.RegionWithoutClass);
        }

        var alternatives = variant.Split('/');
        var mapped = alternatives.Select(a => Protein(gene, a.Trim())).ToList();
        if (mapped.Any(m => m is null))
        {
            return (null, CivicSkipReasons.UnsupportedVariant);
        }

        return mapped.Count == 1 ? (mapped[0], null) : (new JsonObject { ["kind"] = "anyOf", ["of"] = new JsonArray([.. mapped]) }, null);
    }

    private static JsonObject? Protein(string gene, string variant)
    {
        if (Codon().Match(variant) is { Success: true })
        {
            return new JsonObject { ["kind"] = "positional", ["gene"] = gene, ["position"] = variant };
        }

        var change = ProteinChangeParser.Parse(variant);
        return change is null || change.Kind is ProteinChangeKind.Synonymous or ProteinChangeKind.Other
            ? null
            : new JsonObject { ["kind"] = "protein", ["gene"] = gene, ["change"] = change.Text };
    }

    // CIViC fusions name the 5' gene first; '?' or 'v' stands for any partner. The matcher accepts either order.
    private (JsonObject? Matcher, string? Skip) Fusion(string genePart)
    {
        var sides = genePart.Split("::");
        var known = sides.Where(s => s is not ("?" or "v" or "")).ToList();
        if (sides.Length != 2 || known.Count == 0)
        {
            return (null, CivicSkipReasons.UnsupportedVariant);
        }

        var symbols = known.Select(Symbol).ToList();
        if (symbols.Any(s => s is null))
        {
            return (null, CivicSkipReasons.GeneUnresolved);
        }

        var matcher = new JsonObject { ["kind"] = "fusion", ["gene"] = symbols[^1] };
        if (symbols.Count == 2)
        {
            matcher["partner"] = symbols[0];
        }

        return (matcher, null);
    }

    private string? Symbol(string name)
    {
        var resolution = genes.Resolve(name);
        return resolution.Kind is GeneResolutionKind.Approved or GeneResolutionKind.PreviousSymbol or GeneResolutionKind.Alias or GeneResolutionKind.HgncId
            ? resolution.Symbol
            : null;
    }

    [GeneratedRegex(@"(^|\s)NOT\s")]
    private static partial Regex Not();

    [GeneratedRegex(@"expression|methylation|phosphorylation|serum|^high$|^loss$|^low|^h-btmb$|^mtmb$|^loh$")]
    private static partial Regex Expression();

    [GeneratedRegex(@"exon|intron|domain|^viii$|^itd$")]
    private static partial Regex Region();

    [GeneratedRegex(@"^[ACDEFGHIKLMNPQRSTVWY]\d{1,5}$")]
    private static partial Regex Codon();
}
