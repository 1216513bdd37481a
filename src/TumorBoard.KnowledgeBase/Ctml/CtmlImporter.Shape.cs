using System.Globalization;
using System.Text.Json.Nodes;

namespace TumorBoard.KnowledgeBase.Ctml;

/// <summary>
/// The shape half of the CTML importer: which keys each level (trial, step, arm, dose level) may carry, the Y/N flags,
/// the required texts and the trial-level accrual status, each problem with its JSON path.
/// </summary>
public sealed partial class CtmlImporter
{
    private static readonly string[] TrialKeys = ["protocol_no", "nct_id", "long_title", "short_title", "status", "_summary", "treatment_list", NotExportedKey];
    private static readonly string[] StepKeys = ["step_internal_id", "step_code", "step_type", "step_description", "arm", "match"];
    private static readonly string[] ArmKeys = ["arm_code", "arm_description", "arm_internal_id", "arm_suspended", "arm_type", "dose_level", "match"];
    private static readonly string[] DoseKeys = ["level_code", "level_description", "level_internal_id", "level_suspended"];

    /// <summary>matchengine-V2 reads <c>_summary.status[0].value</c> (default "open to accrual"); the top-level <c>status</c> is descriptive.</summary>
    private static bool TrialOpen(JsonObject root, List<CtmlProblem> problems)
    {
        if (root["_summary"] is null)
        {
            return true;
        }

        if (root["_summary"] is not JsonObject summary)
        {
            problems.Add(new CtmlProblem("$._summary", "'_summary' must be an object"));
            return true;
        }

        Unsupported(summary, "$._summary", ["status"], problems);
        if (summary["status"] is not JsonArray { Count: > 0 } statuses || statuses[0] is not JsonObject first || CtmlArmIds.Text(first["value"]) is not { } value)
        {
            problems.Add(new CtmlProblem("$._summary.status", "'_summary.status' must be a list of {value: ...}"));
            return true;
        }

        foreach (var (item, index) in statuses.Select((s, i) => (s, i)))
        {
            if (item is JsonObject o)
            {
                Unsupported(o, $"$._summary.status[{index.ToString(CultureInfo.InvariantCulture)}]", ["value"], problems);
            }
        }

        return string.Equals(value.Trim(), "open to accrual", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Every step, arm and dose level is an object with only the keys CTML gives it, and its flags are Y or N.</summary>
    private static void CheckSteps(JsonArray steps, List<CtmlProblem> problems)
    {
        for (var s = 0; s < steps.Count; s++)
        {
            var stepPath = $"$.treatment_list.step[{s.ToString(CultureInfo.InvariantCulture)}]";
            if (steps[s] is not JsonObject step)
            {
                problems.Add(new CtmlProblem(stepPath, "a step must be an object"));
                continue;
            }

            Unsupported(step, stepPath, StepKeys, problems);
            if (step["arm"] is { } armList and not JsonArray)
            {
                problems.Add(new CtmlProblem($"{stepPath}.arm", "'arm' must be a list"));
            }

            foreach (var (arm, a) in (step["arm"] as JsonArray ?? []).Select((x, i) => (x, i)))
            {
                var armPath = $"{stepPath}.arm[{a.ToString(CultureInfo.InvariantCulture)}]";
                if (arm is not JsonObject armObject)
                {
                    problems.Add(new CtmlProblem(armPath, "an arm must be an object"));
                    continue;
                }

                Unsupported(armObject, armPath, ArmKeys, problems);
                Required(armObject, "arm_code", armPath, problems);
                YesNo(armObject, "arm_suspended", armPath, problems);
                if (armObject["dose_level"] is { } doses and not JsonArray)
                {
                    problems.Add(new CtmlProblem($"{armPath}.dose_level", "'dose_level' must be a list"));
                }

                foreach (var (dose, d) in (armObject["dose_level"] as JsonArray ?? []).Select((x, i) => (x, i)))
                {
                    var dosePath = $"{armPath}.dose_level[{d.ToString(CultureInfo.InvariantCulture)}]";
                    if (dose is JsonObject doseObject)
                    {
                        // A dose level's own match is not supported: TumorBoard arms are arm- or step-level.
                        Unsupported(doseObject, dosePath, DoseKeys, problems);
                        YesNo(doseObject, "level_suspended", dosePath, problems);
                    }
                    else
                    {
                        problems.Add(new CtmlProblem(dosePath, "a dose level must be an object"));
                    }
                }
            }
        }
    }

    private static void YesNo(JsonObject node, string key, string path, List<CtmlProblem> problems)
    {
        if (node[key] is { } value && CtmlArmIds.Text(value)?.Trim().ToUpperInvariant() is not ("Y" or "N"))
        {
            problems.Add(new CtmlProblem($"{path}.{key}", $"'{key}' must be Y or N"));
        }
    }

    private static string? Required(JsonObject node, string key, string path, List<CtmlProblem> problems)
    {
        if (CtmlArmIds.Text(node[key]) is { Length: > 0 } text && node[key] is JsonValue)
        {
            return text.Trim();
        }

        problems.Add(new CtmlProblem($"{path}.{key}", $"'{key}' is required (a non-empty text)"));
        return null;
    }

    private static void Unsupported(JsonObject node, string path, IReadOnlyCollection<string> supported, List<CtmlProblem> problems)
    {
        foreach (var key in node.Select(p => p.Key).Where(k => !supported.Contains(k, StringComparer.Ordinal)))
        {
            problems.Add(new CtmlProblem($"{path}.{key}", $"unsupported field '{key}' (supported here: {string.Join(", ", supported)})"));
        }
    }
}
