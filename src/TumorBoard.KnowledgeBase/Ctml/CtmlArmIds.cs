using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace TumorBoard.KnowledgeBase.Ctml;

/// <summary>Where a TumorBoard arm sits in a CTML document: a step's own match (<see cref="ArmIndex"/> -1) or an arm of a step.</summary>
public sealed record CtmlArmPlace(int StepIndex, int ArmIndex, string ArmId)
{
    public bool IsStepMatch => ArmIndex < 0;
}

/// <summary>
/// Gives every match-carrying place of a CTML document a TumorBoard arm id, the same way on import and export:
/// the <c>arm_code</c> with anything but letters, digits, '+' and '-' turned into '-' (<c>EXP 3</c> -> <c>EXP-3</c>);
/// codes used twice in one trial get their <c>arm_internal_id</c> (or position) appended; a step-level match is
/// <c>step-</c> and the step code.
/// </summary>
public static class CtmlArmIds
{
    public static IReadOnlyList<CtmlArmPlace> Assign(JsonObject document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var raw = new List<(int Step, int Arm, string Code, string? InternalId)>();
        var steps = (document["treatment_list"] as JsonObject)?["step"] as JsonArray ?? [];
        for (var s = 0; s < steps.Count; s++)
        {
            if (steps[s] is not JsonObject step)
            {
                continue;
            }

            if (step.ContainsKey("match"))
            {
                raw.Add((s, -1, "step-" + (Text(step["step_code"]) ?? (s + 1).ToString(CultureInfo.InvariantCulture)), null));
            }

            var arms = step["arm"] as JsonArray ?? [];
            for (var a = 0; a < arms.Count; a++)
            {
                if (arms[a] is JsonObject arm)
                {
                    raw.Add((s, a, Text(arm["arm_code"]) ?? $"arm-{(a + 1).ToString(CultureInfo.InvariantCulture)}", Text(arm["arm_internal_id"])));
                }
            }
        }

        var sanitized = raw.Select(r => Sanitize(r.Code)).ToList();
        var counts = sanitized.GroupBy(s => s, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var places = new List<CtmlArmPlace>();
        for (var i = 0; i < raw.Count; i++)
        {
            var id = sanitized[i];
            if (counts[id] > 1)
            {
                id = $"{id}-{Sanitize(raw[i].InternalId ?? (i + 1).ToString(CultureInfo.InvariantCulture))}";
            }

            var unique = id;
            for (var n = 2; !used.Add(unique); n++)
            {
                unique = $"{id}-{n.ToString(CultureInfo.InvariantCulture)}";
            }

            places.Add(new CtmlArmPlace(raw[i].Step, raw[i].Arm, unique));
        }

        return places;
    }

    internal static string? Text(JsonNode? node) => node is JsonValue value
        ? value.TryGetValue<string>(out var text) ? text : value.ToJsonString()
        : null;

    private static string Sanitize(string code)
    {
        var builder = new StringBuilder(code.Length);
        foreach (var c in code.Trim())
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' ? c : '-');
        }

        var id = builder.ToString().Trim('-');
        while (id.Contains("--", StringComparison.Ordinal))
        {
            id = id.Replace("--", "-", StringComparison.Ordinal);
        }

        return id.Length == 0 ? "arm" : id;
    }
}
