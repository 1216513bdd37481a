using TumorBoard.Core.Rules.Matchers;
using TumorBoard.KnowledgeBase.Json;

namespace TumorBoard.KnowledgeBase.Rules;

/// <summary>
/// Reads a rule's <c>biomarker</c> object into the closed <see cref="BiomarkerMatcher"/> vocabulary: dispatches on
/// <c>kind</c> and combines (allOf, anyOf, not); the sequence-variant kinds are read by <see cref="VariantMatcherParser"/>.
/// </summary>
internal sealed class MatcherParser(NodeReader reader, decimal? defaultAmplificationCopyNumber)
{
    public static readonly IReadOnlyList<string> Kinds =
    [
        "protein", "variantList", "positional", "namedVariant", "codonRange", "exonSkipping", "lossOfFunction",
        "amplification", "deletion", "fusion", "mutation", "tmb", "msiHigh", "allOf", "anyOf", "not",
    ];

    private readonly MatcherFields _fields = new(reader);
    private readonly VariantMatcherParser _variants = new(reader);

    /// <summary>Parses a top-level biomarker: a bare NOT, or an AND of NOTs only, would fire for everyone and is refused.</summary>
    public BiomarkerMatcher? ParseTop(LineObject node)
    {
        var matcher = Parse(node);
        if (matcher is not null && matcher.TriggerKeys.Count == 0)
        {
            reader.Error(node.Line, "a biomarker needs at least one positive condition (a 'not' alone would match every patient)");
            return null;
        }

        return matcher;
    }

    private BiomarkerMatcher? Parse(LineObject node)
    {
        var kind = reader.String(node, "kind");
        switch (kind)
        {
            case null:
                return null;
            case "protein":
                reader.OnlyProperties(node, "kind", "gene", "change");
                return _fields.Gene(node) is { } g1 && _fields.ProteinChange(node, "change") is { } change ? new ExactProteinChangeMatcher(g1, change) : null;
            case "variantList":
                reader.OnlyProperties(node, "kind", "gene", "name", "changes");
                return _variants.VariantList(node);
            case "positional":
                reader.OnlyProperties(node, "kind", "gene", "position", "excluding");
                return _variants.Positional(node);
            case "namedVariant":
                reader.OnlyProperties(node, "kind", "gene", "name", "terms");
                var namedGene = _fields.Gene(node);
                var variantName = reader.String(node, "name");
                var terms = reader.Strings(node, "terms", required: true);
                return namedGene is not null && variantName is not null && terms.Count > 0 ? new NamedVariantMatcher(namedGene, variantName, terms) : null;
            case "codonRange":
                reader.OnlyProperties(node, "kind", "gene", "name", "start", "end", "consequences", "excluding", "descriptionTerms");
                return _variants.CodonRange(node);
            case "exonSkipping":
                reader.OnlyProperties(node, "kind", "gene", "name", "spliceSites", "spliceCodonStart", "spliceCodonEnd", "descriptionTerms");
                return _variants.ExonSkipping(node);
            case "lossOfFunction":
                reader.OnlyProperties(node, "kind", "gene", "includeDeepDeletion", "includeSpliceSite", "additional", "excluding");
                return _variants.LossOfFunction(node);
            case "amplification":
                reader.OnlyProperties(node, "kind", "gene", "minCopyNumber");
                return _fields.Gene(node) is { } g2 ? new AmplificationMatcher(g2, reader.Number(node, "minCopyNumber", required: false) ?? defaultAmplificationCopyNumber) : null;
            case "deletion":
                reader.OnlyProperties(node, "kind", "gene");
                return _fields.Gene(node) is { } g3 ? new DeletionMatcher(g3) : null;
            case "fusion":
                reader.OnlyProperties(node, "kind", "gene", "partner");
                return _fields.Gene(node) is { } g4 ? new FusionMatcher(g4, _fields.Partner(node)) : null;
            case "mutation":
                reader.OnlyProperties(node, "kind", "gene", "consequences", "excludingPositions");
                return _variants.GeneMutation(node);
            case "tmb":
                reader.OnlyProperties(node, "kind", "atLeast");
                return reader.Number(node, "atLeast") is { } threshold ? new TmbMatcher(threshold) : null;
            case "msiHigh":
                reader.OnlyProperties(node, "kind");
                return new MsiHighMatcher();
            case "allOf":
            case "anyOf":
                reader.OnlyProperties(node, "kind", "of");
                return Composite(node, kind);
            case "not":
                reader.OnlyProperties(node, "kind", "of");
                return reader.Object(node, "of") is { } inner && Parse(inner) is { } negated ? new NotMatcher(negated) : null;
            default:
                reader.Error(node["kind"]!.Line, $"unknown matcher kind '{kind}' (known: {string.Join(", ", Kinds)})");
                return null;
        }
    }

    private BiomarkerMatcher? Composite(LineObject node, string kind)
    {
        var array = reader.Array(node, "of");
        if (array is null)
        {
            return null;
        }

        var parts = new List<BiomarkerMatcher>();
        foreach (var item in array.Items)
        {
            if (item is LineObject child)
            {
                if (Parse(child) is { } part)
                {
                    parts.Add(part);
                }
            }
            else
            {
                reader.Error(item.Line, $"every item of '{kind}.of' must be a matcher object");
            }
        }

        if (array.Items.Count < 2)
        {
            reader.Error(array.Line, $"'{kind}' needs at least two conditions");
        }

        if (parts.Count != array.Items.Count)
        {
            return null;
        }

        return kind == "allOf" ? new AllOfMatcher(parts) : new AnyOfMatcher(parts);
    }
}
