using System.Text.RegularExpressions;
using TumorBoard.Core.Alterations;
using TumorBoard.Core.Rules.Matchers;
using TumorBoard.KnowledgeBase.Json;

namespace TumorBoard.KnowledgeBase.Rules;

/// <summary>
/// Reads the sequence-variant matcher kinds (variantList, positional, codonRange, exonSkipping, lossOfFunction, mutation):
/// the ones that name residues, codons, consequences or splice sites.
/// </summary>
internal sealed partial class VariantMatcherParser(NodeReader reader)
{
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

    private readonly MatcherFields _fields = new(reader);

    public GeneMutationMatcher? GeneMutation(LineObject node)
    {
        var gene = _fields.Gene(node);
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

    public VariantListMatcher? VariantList(LineObject node)
    {
        var gene = _fields.Gene(node);
        var name = reader.String(node, "name");
        var changes = reader.Strings(node, "changes", required: true);
        var valid = changes.All(c => _fields.CheckProteinChange(c, node["changes"]!.Line));
        if (changes.Count == 0)
        {
            reader.Error(node.Line, "'changes' must list at least one protein change");
        }

        return gene is not null && name is not null && valid && changes.Count > 0 ? new VariantListMatcher(gene, name, changes) : null;
    }

    public PositionalMatcher? Positional(LineObject node)
    {
        var gene = _fields.Gene(node);
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

    public CodonRangeMatcher? CodonRange(LineObject node)
    {
        var gene = _fields.Gene(node);
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
        if (!excluded.All(c => _fields.CheckProteinChange(c, node["excluding"]!.Line)) || !_fields.CheckRange(node, start, end))
        {
            return null;
        }

        return gene is null || name is null || (consequences.Count == 0 && !netInserting)
            ? null
            : new CodonRangeMatcher(gene, name, start!.Value, end!.Value, consequences, excluded, reader.Strings(node, "descriptionTerms")) { NetInsertingDelins = netInserting };
    }

    public ExonSkippingMatcher? ExonSkipping(LineObject node)
    {
        var gene = _fields.Gene(node);
        var name = reader.String(node, "name");
        var sites = reader.Strings(node, "spliceSites", required: true);
        foreach (var site in sites.Where(s => !SpliceSitePattern().IsMatch(s)))
        {
            reader.Error(node["spliceSites"]!.Line, $"splice site '{site}' must look like c.3028+1 or c.3029-2");
            return null;
        }

        var start = reader.Integer(node, "spliceCodonStart");
        var end = reader.Integer(node, "spliceCodonEnd");
        return gene is null || name is null || !_fields.CheckRange(node, start, end)
            ? null
            : new ExonSkippingMatcher(gene, name, sites, start!.Value, end!.Value, reader.Strings(node, "descriptionTerms"));
    }

    public LossOfFunctionMatcher? LossOfFunction(LineObject node)
    {
        var gene = _fields.Gene(node);
        var additional = reader.Strings(node, "additional");
        var excluded = reader.Strings(node, "excluding");
        var valid = additional.All(c => _fields.CheckProteinChange(c, node["additional"]!.Line)) && excluded.All(c => _fields.CheckProteinChange(c, node["excluding"]!.Line));
        return gene is null || !valid
            ? null
            : new LossOfFunctionMatcher(gene, reader.Bool(node, "includeDeepDeletion", true), reader.Bool(node, "includeSpliceSite", true), additional, excluded);
    }

    [GeneratedRegex(@"^[A-Z](\d+)$")]
    private static partial Regex PositionPattern();

    [GeneratedRegex(@"^c\.\d+[+-]\d+$")]
    private static partial Regex SpliceSitePattern();
}
