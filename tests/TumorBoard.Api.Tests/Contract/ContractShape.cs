using System.Globalization;
using System.Text.Json;

namespace TumorBoard.Api.Tests.Contract;

/// <summary>
/// Checks a JSON answer against the fields the HTTP contract (docs/api.md; the shared contract v2) names, by JSON property
/// name. A spec is <c>path:type</c>: the path is dot-separated property names, <c>name[]</c> stepping into every item of
/// an array (the items of all parents together must not be empty, so a spec is never satisfied vacuously) and a bare
/// <c>[]</c> meaning the items themselves; the type is <c>string</c>, <c>number</c>, <c>boolean</c>, <c>array</c>,
/// <c>object</c>, <c>id</c> (a non-empty string), <c>instant</c> (ISO 8601 in UTC) or <c>enum(a|b)</c>, a trailing
/// <c>?</c> allowing null. Every violation is reported at once.
/// </summary>
internal static class ContractShape
{
    public static void AssertConforms(JsonElement root, string what, params string[] specs)
    {
        var problems = specs.SelectMany(spec => Check(root, spec)).ToList();
        Assert.True(problems.Count == 0, $"{what} does not match the contract:\n  {string.Join("\n  ", problems)}\nin {Truncate(root.GetRawText())}");
    }

    private static IEnumerable<string> Check(JsonElement root, string spec)
    {
        var colon = spec.LastIndexOf(':');
        var (path, type) = (spec[..colon], spec[(colon + 1)..]);
        var nullable = type.EndsWith('?');
        type = type.TrimEnd('?');
        var current = new List<(string Where, JsonElement Value)> { ("$", root) };
        foreach (var segment in path.Split('.'))
        {
            var name = segment.EndsWith("[]", StringComparison.Ordinal) ? segment[..^2] : segment;
            var next = new List<(string, JsonElement)>();
            foreach (var (where, value) in current)
            {
                var here = where;
                var element = value;
                if (name.Length > 0)
                {
                    if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(name, out element))
                    {
                        yield return $"{spec}: {where}.{name} is missing";
                        continue;
                    }

                    here = $"{where}.{name}";
                }

                if (!segment.EndsWith("[]", StringComparison.Ordinal))
                {
                    next.Add((here, element));
                }
                else if (element.ValueKind == JsonValueKind.Array)
                {
                    next.AddRange(element.EnumerateArray().Select((item, i) => ($"{here}[{i}]", item)));
                }
                else if (element.ValueKind != JsonValueKind.Null)
                {
                    yield return $"{spec}: {here} is {element.ValueKind}, not an array";
                }
            }

            if (next.Count == 0 && segment.EndsWith("[]", StringComparison.Ordinal) && current.Count > 0)
            {
                yield return $"{spec}: no items at {segment} to check (the test case must exercise it)";
            }

            current = next;
        }

        foreach (var (where, value) in current)
        {
            if (value.ValueKind == JsonValueKind.Null)
            {
                if (!nullable)
                {
                    yield return $"{spec}: {where} is null";
                }

                continue;
            }

            if (!HasType(value, type))
            {
                yield return $"{spec}: {where} = {Truncate(value.GetRawText())} is not {type}";
            }
        }
    }

    private static bool HasType(JsonElement value, string type) => type switch
    {
        "string" => value.ValueKind == JsonValueKind.String,
        "id" => value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0,
        "number" => value.ValueKind == JsonValueKind.Number,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "array" => value.ValueKind == JsonValueKind.Array,
        "object" => value.ValueKind == JsonValueKind.Object,
        "instant" => value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) && at.Offset == TimeSpan.Zero,
        _ when type.StartsWith("enum(", StringComparison.Ordinal) => value.ValueKind == JsonValueKind.String
            && type[5..^1].Split('|').Contains(value.GetString(), StringComparer.Ordinal),
        _ => throw new ArgumentException($"unknown type '{type}' in a contract spec", nameof(type)),
    };

    private static string Truncate(string text) => text.Length <= 600 ? text : text[..600] + "…";
}
