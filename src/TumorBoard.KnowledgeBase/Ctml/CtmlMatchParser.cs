using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TumorBoard.Core.Trials.Criteria;
using TumorBoard.Core.Vocabularies;

namespace TumorBoard.KnowledgeBase.Ctml;

/// <summary>
/// Reads a CTML <c>match</c> tree (<c>and</c>/<c>or</c> of <c>genomic</c> and <c>clinical</c> nodes) into TumorBoard
/// criteria with matchengine-V2's semantics, collecting every problem with its path instead of stopping at the first.
/// </summary>
internal sealed partial class CtmlMatchParser(Vocabulary vocabulary, bool allowUnknownGenes, List<CtmlProblem> problems, List<CtmlProblem> warnings)
{
    /// <summary>Signature keys: the FHIR reader does not read mutational signatures, so they become unknown check criteria.</summary>
    public static readonly IReadOnlyList<string> SignatureKeys =
        ["temozolomide_signature", "tobacco_signature", "pole_signature", "apobec_signature", "uva_signature"];

    /// <summary>Keys matchengine-V2's DFCI configuration marks <c>ignore</c>: kept as unknown check criteria, never dropped.</summary>
    public static readonly IReadOnlyList<string> IgnoredClinicalKeys = ["her2_status", "er_status", "pr_status", "disease_status"];

    public static readonly IReadOnlyList<string> GenomicKeys =
    [
        "hugo_symbol", "protein_change", "wildcard_protein_change", "variant_category", "cnv_call", "fusion_partner_hugo_symbol",
        "display_name", "mmr_status", "ms_status", .. SignatureKeys,
    ];

    public static readonly IReadOnlyList<string> ClinicalKeys =
        ["age_numerical", "oncotree_primary_diagnosis", "gender", "tmb_numerical", .. IgnoredClinicalKeys];

    private readonly Dictionary<string, string> _codeByName = vocabulary.OncoTree.Nodes
        .OrderBy(n => n.Code, StringComparer.Ordinal)
        .GroupBy(n => n.Name, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.First().Code, StringComparer.OrdinalIgnoreCase);

    /// <summary>The conjuncts of a <c>match</c> list: the list and every top-level <c>and</c> flattened, so each becomes one trace line.</summary>
    public List<TrialCriterion>? Conjuncts(JsonNode? match, string path)
    {
        if (match is not JsonArray list || list.Count == 0)
        {
            problems.Add(new CtmlProblem(path, "'match' must be a non-empty list of and/or/genomic/clinical nodes"));
            return null;
        }

        var conjuncts = new List<TrialCriterion>();
        var valid = true;
        for (var i = 0; i < list.Count; i++)
        {
            var itemPath = $"{path}[{i.ToString(CultureInfo.InvariantCulture)}]";
            if (list[i] is JsonObject { Count: 1 } and && and["and"] is JsonArray parts)
            {
                for (var j = 0; j < parts.Count; j++)
                {
                    var part = Node(parts[j], $"{itemPath}.and[{j.ToString(CultureInfo.InvariantCulture)}]");
                    valid &= part is not null;
                    Flatten(part, conjuncts);
                }

                if (parts.Count == 0)
                {
                    problems.Add(new CtmlProblem($"{itemPath}.and", "'and' needs at least one node"));
                    valid = false;
                }

                continue;
            }

            var node = Node(list[i], itemPath);
            valid &= node is not null;
            Flatten(node, conjuncts);
        }

        return valid ? conjuncts : null;
    }

    private static void Flatten(TrialCriterion? criterion, List<TrialCriterion> into)
    {
        if (criterion is AllCriteria { Label: null } all)
        {
            all.Criteria.ToList().ForEach(c => Flatten(c, into));
        }
        else if (criterion is not null)
        {
            into.Add(criterion);
        }
    }

    private TrialCriterion? Node(JsonNode? node, string path)
    {
        if (node is not JsonObject obj || obj.Count != 1)
        {
            problems.Add(new CtmlProblem(path, "a match node is an object with exactly one of 'and', 'or', 'genomic', 'clinical'"));
            return null;
        }

        var (key, value) = obj.First();
        var inner = $"{path}.{key}";
        switch (key)
        {
            case "and" or "or":
                if (value is not JsonArray { Count: > 0 } parts)
                {
                    problems.Add(new CtmlProblem(inner, $"'{key}' needs a non-empty list of nodes"));
                    return null;
                }

                var children = new List<TrialCriterion>();
                for (var i = 0; i < parts.Count; i++)
                {
                    if (Node(parts[i], $"{inner}[{i.ToString(CultureInfo.InvariantCulture)}]") is { } child)
                    {
                        children.Add(child);
                    }
                }

                return children.Count != parts.Count ? null
                    : children.Count == 1 ? children[0]
                    : key == "and" ? new AllCriteria(children) : new AnyCriteria(children);
            case "genomic":
                return value is JsonObject genomic ? Genomic(genomic, inner) : Fail<TrialCriterion>(inner, "'genomic' must be an object of CTML genomic keys");
            case "clinical":
                return value is JsonObject clinical ? Clinical(clinical, inner) : Fail<TrialCriterion>(inner, "'clinical' must be an object of CTML clinical keys");
            default:
                return Fail<TrialCriterion>(inner, $"unsupported match node '{key}' (supported: and, or, genomic, clinical)");
        }
    }

    private T? Fail<T>(string path, string message)
        where T : class
    {
        problems.Add(new CtmlProblem(path, message));
        return null;
    }

    [GeneratedRegex(@"^\s*(>=|<=|==|>|<)\s*(\d+(?:\.\d+)?|\.\d+)\s*$")]
    private static partial Regex ComparisonPattern();
}
