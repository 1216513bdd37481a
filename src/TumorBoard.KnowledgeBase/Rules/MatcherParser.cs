using System.Text.RegularExpressions;
using TumorBoard.Core.Alterations;
using TumorBoard.Core.Rules.Matchers;
using TumorBoard.KnowledgeBase.Json;

namespace TumorBoard.KnowledgeBase.Rules;

/// <summary>Reads a rule's <c>biomarker</c> object into the closed <see cref="BiomarkerMatcher"/> vocabulary.</summary>
internal sealed partial class MatcherParser(NodeReader reader, decimal? defaultAmplificationCopyNumber)
{
    public static readonly IReadOnlyList<string> Kinds =
    [
        "protein", "variantList", "positional", "namedVariant", "codonRange", "exonSkipping", "lossOfFunction",
        "amplification", "deletion", "fusion", "mutation", "tmb", "msiHigh", "allOf", "anyOf", "not",
    ];

    private static readonly Dictionary<string, ProteinChangeKind> Consequences = new(StringComparer.Ordinal)
    {
        ["missense"] = ProteinChangeKind.Missense,
        ["nonsense"] = ProteinChangeKind.Nonsense,
        ["frameshift"] = ProteinChangeKind.Frameshift,
        ["inframeDeletion"] = ProteinChangeKind.InframeDeletion,
        ["inframeInsertion"] = ProteinChangeKind.InframeInsertion,
        ["delins"] = ProteinChangeKind.Delins,
        ["duplication"] = ProteinChangeKind.Duplication,
    };

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
                return Gene(node) is { } g1 && ProteinChange(node, "change") is { } change ? new ExactProteinChangeMatcher(g1, change) : null;
            case "variantList":
                reader.OnlyProperties(node, "kind", "gene", "name", "changes");
                return VariantList(node);
            case "positional":
                reader.OnlyProperties(node, "kind", "gene", "position", "excluding");
                return Positional(node);
            case "namedVariant":
                reader.OnlyProperties(node, "kind", "gene", "name", "terms");
                var namedGene = Gene(node);
                var variantName = reader.String(node, "name");
                var terms = reader.Strings(node, "terms", required: true);
                return namedGene is not null && variantName is not null && terms.Count > 0 ? new NamedVariantMatcher(namedGene, variantName, terms) : null;
            case "codonRange":
                reader.OnlyProperties(node, "kind", "gene", "name", "start", "end", "consequences", "excluding", "descriptionTerms");
                return CodonRange(node);
            case "exonSkipping":
                reader.OnlyProperties(node, "kind", "gene", "name", "spliceSites", "spliceCodonStart", "spliceCodonEnd", "descriptionTerms");
                return ExonSkipping(node);
            case "lossOfFunction":
                reader.OnlyProperties(node, "kind", "gene", "includeDeepDeletion", "includeSpliceSite", "additional", "excluding");
                return LossOfFunction(node);
            case "amplification":
                reader.OnlyProperties(node, "kind", "gene", "minCopyNumber");
                return Gene(node) is { } g2 ? new AmplificationMatcher(g2, reader.Number(node, "minCopyNumber", required: false) ?? defaultAmplificationCopyNumber) : null;
            case "deletion":
                reader.OnlyProperties(node, "kind", "gene");
                return Gene(node) is { } g3 ? new DeletionMatcher(g3) : null;
            case "fusion":
                reader.OnlyProperties(node, "kind", "gene", "partner");
                return Gene(node) is { } g4 ? new FusionMatcher(g4, Partner(node)) : null;
            case "mutation":
                reader.OnlyProperties(node, "kind", "gene", "consequences", "excludingPositions");
                return GeneMutation(node);
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

    private GeneMutationMatcher? GeneMutation(LineObject node)
    {
        var gene = Gene(node);
        var kinds = new List<ProteinChangeKind>();
        foreach (var text in reader.Strings(node, "consequences"))
        {
            if (!Consequences.TryGetValue(text, out var kind))
            {
                reader.Error(node["consequences"]!.Line, $"unknown consequence '{text}' (known: {string.Join(", ", Consequences.Keys)})");
                return null;
            }

            kinds.Add(kind);
        }

        var positions = new List<int>();
        foreach (var item in reader.Array(node, "excludingPositions", required: false)?.Items ?? [])
        {
            if (item is LineNumber { Value: var value } && value >= 1 && value == decimal.Truncate(value))
            {
                positions.Add((int)value);
            }
            else
            {
                reader.Error(item.Line, "'excludingPositions' lists positive codon numbers, e.g. [600]");
                return null;
            }
        }

        return gene is null ? null : new GeneMutationMatcher(gene, kinds.Count > 0 ? kinds : GeneMutationMatcher.ProteinAltering, positions);
    }

    private VariantListMatcher? VariantList(LineObject node)
    {
        var gene = Gene(node);
        var name = reader.String(node, "name");
        var changes = reader.Strings(node, "changes", required: true);
        var valid = changes.All(c => CheckProteinChange(c, node["changes"]!.Line));
        if (changes.Count == 0)
        {
            reader.Error(node.Line, "'changes' must list at least one protein change");
        }

        return gene is not null && name is not null && valid && changes.Count > 0 ? new VariantListMatcher(gene, name, changes) : null;
    }

    private PositionalMatcher? Positional(LineObject node)
    {
        var gene = Gene(node);
        var position = reader.String(node, "position");
        if (gene is null || position is null)
        {
            return null;
        }

        var parsed = PositionPattern().Match(position);
        if (!parsed.Success)
        {
            reader.Error(node["position"]!.Line, $"position '{position}' must be a one-letter residue and a codon, e.g. V600");
            return null;
        }

        var excluded = reader.Strings(node, "excluding");
        if (excluded.Any(e => e.Length != 1 || !char.IsAsciiLetterUpper(e[0])))
        {
            reader.Error(node["excluding"]!.Line, "'excluding' lists one-letter alternate residues, e.g. [\"E\", \"K\"]");
            return null;
        }

        return new PositionalMatcher(gene, position[0], int.Parse(parsed.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), excluded.Select(e => e[0]).ToList());
    }

    private CodonRangeMatcher? CodonRange(LineObject node)
    {
        var gene = Gene(node);
        var name = reader.String(node, "name");
        var start = reader.Integer(node, "start");
        var end = reader.Integer(node, "end");
        var consequences = new List<ProteinChangeKind>();
        var netInserting = false;
        foreach (var text in reader.Strings(node, "consequences", required: true))
        {
            if (text == "netInsertingDelins")
            {
                netInserting = true;
            }
            else if (Consequences.TryGetValue(text, out var kind))
            {
                consequences.Add(kind);
            }
            else
            {
                reader.Error(node["consequences"]!.Line, $"unknown consequence '{text}' (known: {string.Join(", ", Consequences.Keys)})");
                return null;
            }
        }

        var excluded = reader.Strings(node, "excluding");
        if (!excluded.All(c => CheckProteinChange(c, node["excluding"]!.Line)) || !CheckRange(node, start, end))
        {
            return null;
        }

        return gene is null || name is null || (consequences.Count == 0 && !netInserting)
            ? null
            : new CodonRangeMatcher(gene, name, start!.Value, end!.Value, consequences, excluded, reader.Strings(node, "descriptionTerms")) { NetInsertingDelins = netInserting };
    }

    private ExonSkippingMatcher? ExonSkipping(LineObject node)
    {
        var gene = Gene(node);
        var name = reader.String(node, "name");
        var sites = reader.Strings(node, "spliceSites", required: true);
        foreach (var site in sites.Where(s => !SpliceSitePattern().IsMatch(s)))
        {
            reader.Error(node["spliceSites"]!.Line, $"splice site '{site}' must look like c.3028+1 or c.3029-2");
            return null;
        }

        var start = reader.Integer(node, "spliceCodonStart");
        var end = reader.Integer(node, "spliceCodonEnd");
        return gene is null || name is null || !CheckRange(node, start, end)
            ? null
            : new ExonSkippingMatcher(gene, name, sites, start!.Value, end!.Value, reader.Strings(node, "descriptionTerms"));
    }

    private LossOfFunctionMatcher? LossOfFunction(LineObject node)
    {
        var gene = Gene(node);
        var additional = reader.Strings(node, "additional");
        var excluded = reader.Strings(node, "excluding");
        var valid = additional.All(c => CheckProteinChange(c, node["additional"]!.Line)) && excluded.All(c => CheckProteinChange(c, node["excluding"]!.Line));
        return gene is null || !valid
            ? null
            : new LossOfFunctionMatcher(gene, reader.Bool(node, "includeDeepDeletion", true), reader.Bool(node, "includeSpliceSite", true), additional, excluded);
    }

    private bool CheckRange(LineObject node, int? start, int? end)
    {
        if (start is null || end is null)
        {
            return false;
        }

        if (start < 1 || end < start)
        {
            reader.Error(node.Line, $"codon range {start}-{end} is empty or not positive");
            return false;
        }

        return true;
    }

    private string? Gene(LineObject node) => Symbol(node, "gene", required: true);

    private string? Partner(LineObject node) => Symbol(node, "partner", required: false);

    private string? Symbol(LineObject node, string name, bool required)
    {
        var gene = reader.String(node, name, required);
        if (gene is not null && !GenePattern().IsMatch(gene))
        {
            reader.Error(node[name]!.Line, $"'{gene}' is not an HGNC-style gene symbol (letters, digits, '-')");
            return null;
        }

        return gene;
    }

    private string? ProteinChange(LineObject node, string name)
    {
        var change = reader.String(node, name);
        return change is not null && CheckProteinChange(change, node[name]!.Line) ? change : null;
    }

    private bool CheckProteinChange(string change, int line)
    {
        if (ProteinPattern().IsMatch(change))
        {
            return true;
        }

        reader.Error(line, $"protein change '{change}' is not in canonical one-letter form without 'p.' (e.g. L858R, E746_A750del, K3326*)");
        return false;
    }

    [GeneratedRegex(@"^[A-Z](\d+)$")]
    private static partial Regex PositionPattern();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9-]*$")]
    private static partial Regex GenePattern();

    [GeneratedRegex(@"^c\.\d+[+-]\d+$")]
    private static partial Regex SpliceSitePattern();

    [GeneratedRegex(@"^[A-Z*]\d+(_[A-Z*]\d+)?([A-Z*]|del|dup|ins[A-Z]+|delins[A-Z]+|[A-Z]?fs(\*\d+)?)$")]
    private static partial Regex ProteinPattern();
}
