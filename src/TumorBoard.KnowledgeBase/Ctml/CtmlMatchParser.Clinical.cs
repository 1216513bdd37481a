using System.Globalization;
using System.Text.Json.Nodes;
using TumorBoard.Core.Rules;
using TumorBoard.Core.Trials.Criteria;
using TumorBoard.Core.Trials.Ctml;

namespace TumorBoard.KnowledgeBase.Ctml;

/// <summary>The clinical half of the CTML reader: age, diagnosis (OncoTree, <c>_SOLID_</c>/<c>_LIQUID_</c>), gender, TMB.</summary>
internal sealed partial class CtmlMatchParser
{
    private static readonly Dictionary<string, string> LegacyTissueNames = new(StringComparer.OrdinalIgnoreCase)
    {
        // matchengine-V2's oncotree_mapping.json still names two tissues by older OncoTree names.
        ["Lymph"] = "LYMPH",
        ["Blood"] = "MYELOID",
    };

    private TrialCriterion? Clinical(JsonObject node, string path)
    {
        var leaves = new List<TrialCriterion>();
        var valid = node.Count > 0;
        if (node.Count == 0)
        {
            problems.Add(new CtmlProblem(path, "an empty clinical node"));
        }

        foreach (var (key, value) in node)
        {
            var keyPath = $"{path}.{key}";
            var text = value is JsonValue ? CtmlArmIds.Text(value)?.Trim() : null;
            if (!ClinicalKeys.Contains(key, StringComparer.Ordinal))
            {
                problems.Add(new CtmlProblem(keyPath, $"unsupported clinical field '{key}' (supported: {string.Join(", ", ClinicalKeys)})"));
                valid = false;
                continue;
            }

            if (text is not { Length: > 0 })
            {
                problems.Add(new CtmlProblem(keyPath, $"'{key}' must be a non-empty text"));
                valid = false;
                continue;
            }

            var leaf = key switch
            {
                "age_numerical" => Age(text, keyPath),
                "tmb_numerical" => Tmb(text, keyPath),
                "gender" => Gender(text, keyPath),
                "oncotree_primary_diagnosis" => Diagnosis(text, keyPath),
                _ => new CtmlCheckCriterion("clinical", [new(key, text)], "matchengine-V2 ignores this key and TumorBoard does not evaluate it"),
            };
            valid &= leaf is not null;
            if (leaf is not null)
            {
                leaves.Add(leaf);
            }
        }

        return !valid ? null : leaves.Count == 1 ? leaves[0] : new AllCriteria(leaves);
    }

    private AgeExpressionCriterion? Age(string text, string path)
    {
        var match = ComparisonPattern().Match(text);
        if (!match.Success)
        {
            return Fail<AgeExpressionCriterion>(path, $"age_numerical '{text}' must be an operator (>=, >, <=, <, ==) and years, e.g. >=18");
        }

        // matchengine-V2: the integer part is years, the fraction a share of a year rounded to months (0.083 = 1 month).
        var number = decimal.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        var years = (int)decimal.Truncate(number);
        var months = (int)Math.Round((number - years) * 12m, MidpointRounding.ToEven);
        return new AgeExpressionCriterion(match.Groups[1].Value, years, months, text);
    }

    private GenomicCriterion? Tmb(string text, string path)
    {
        var match = ComparisonPattern().Match(text);
        return match.Success
            ? new GenomicCriterion(new TmbComparisonMatcher(match.Groups[1].Value, decimal.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture)), SampleScope.Any, RequiredOrigin.Any)
            : Fail<GenomicCriterion>(path, $"tmb_numerical '{text}' must be an operator (>=, >, <=, <, ==) and mutations per megabase, e.g. >=10");
    }

    private TrialCriterion? Gender(string text, string path)
    {
        var negated = text.StartsWith('!');
        TrialCriterion? sex = text.TrimStart('!').ToUpperInvariant() switch
        {
            "MALE" => new SexCriterion("male"),
            "FEMALE" => new SexCriterion("female"),
            _ => null,
        };
        if (sex is null)
        {
            return Fail<TrialCriterion>(path, $"gender '{text}' must be Male or Female");
        }

        return negated ? new NotCriterion(sex) : sex;
    }

    private TrialCriterion? Diagnosis(string text, string path)
    {
        var negated = text.StartsWith('!');
        var name = text.TrimStart('!').Trim();
        TumorScope? scope = name switch
        {
            "_SOLID_" => new TumorScope(TumorScopeKind.AllSolid, [], []),
            "_LIQUID_" => new TumorScope(TumorScopeKind.Listed, ["LYMPH", "MYELOID"], []),
            _ when _codeByName.TryGetValue(name, out var code) => TumorScope.Codes(code),
            _ when LegacyTissueNames.TryGetValue(name, out var tissue) => TumorScope.Codes(tissue),
            _ when vocabulary.OncoTree.Find(name) is { } node => TumorScope.Codes(node.Code),
            _ => null,
        };
        if (scope is null)
        {
            return Fail<TrialCriterion>(path, $"oncotree_primary_diagnosis '{name}' is not an OncoTree {vocabulary.OncoTree.Version} name or code, _SOLID_ or _LIQUID_");
        }

        var tumor = new TumorCriterion(scope);
        return negated ? new NotCriterion(tumor) : tumor;
    }
}
