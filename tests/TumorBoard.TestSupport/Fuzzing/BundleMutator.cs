using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TumorBoard.TestSupport.Fuzzing;

/// <summary>
/// A bounded, seeded mutation fuzzer over FHIR JSON bundles: for every primitive (JSON leaf) of every
/// seed it can break the value in each <see cref="MutationKind"/>. <see cref="Plan"/> picks
/// <c>count</c> of those variants reproducibly from a seed, layered so that every primitive is broken
/// once before any is broken twice.
/// </summary>
[SuppressMessage("Security", "CA5394:Do not use insecure randomness", Justification = "Seeded Random makes every fuzz case reproducible from its seed; nothing here is a secret.")]
public static class BundleMutator
{
    private const string Marker = "@@tumorboard-fuzz@@";
    private static readonly MutationKind[] Kinds = Enum.GetValues<MutationKind>();

    /// <summary>Every leaf of the document, as a path of property names and array indexes.</summary>
    public static IReadOnlyList<JsonPath> Primitives(JsonNode root)
    {
        var paths = new List<JsonPath>();
        Walk(root, [], paths);
        return paths;
    }

    /// <summary>How many variants the seeds allow in all (every primitive times every kind).</summary>
    public static int Candidates(IEnumerable<(string Name, string Json)> seeds) =>
        seeds.Sum(s => Primitives(JsonNode.Parse(s.Json)!).Count) * Kinds.Length;

    /// <summary>
    /// Up to <paramref name="count"/> variants chosen reproducibly by <paramref name="seed"/>. Each body
    /// is built only when enumerated; <paramref name="prepare"/> may change the parsed seed first (to make
    /// identifiers unique per variant), given the variant's ordinal.
    /// </summary>
    public static IEnumerable<BundleMutation> Plan(IReadOnlyList<(string Name, string Json)> seeds, int seed, int count, Action<JsonObject, int>? prepare = null)
    {
        var random = new Random(seed);
        var targets = seeds
            .SelectMany(s => Primitives(JsonNode.Parse(s.Json)!).Select(p => (Seed: s, Path: p, Kinds: Shuffled(Kinds, random))))
            .ToList();
        var chosen = new List<(string Name, string Json, JsonPath Path, MutationKind Kind)>();
        for (var layer = 0; layer < Kinds.Length && chosen.Count < count; layer++)
        {
            foreach (var target in Shuffled(targets, random))
            {
                if (chosen.Count == count)
                {
                    break;
                }

                chosen.Add((target.Seed.Name, target.Seed.Json, target.Path, target.Kinds[layer]));
            }
        }

        for (var i = 0; i < chosen.Count; i++)
        {
            var (name, json, path, kind) = chosen[i];
            var root = JsonNode.Parse(json)!.AsObject();
            prepare?.Invoke(root, i);
            yield return new BundleMutation(name, path.ToString(), kind, Apply(root, path, kind, new Random(HashCode.Combine(seed, i))));
        }
    }

    /// <summary>The document with the primitive at <paramref name="path"/> broken in the given way.</summary>
    public static string Apply(JsonObject root, JsonPath path, MutationKind kind, Random random)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(random);
        var (parent, leaf) = path.Locate(root);
        var original = leaf?.DeepClone();
        switch (kind)
        {
            case MutationKind.Removed:
                Remove(parent, path.Last);
                return root.ToJsonString();
            case MutationKind.DuplicatedKey:
                return Duplicated(root, path, random);
            default:
                Set(parent, path.Last, JsonValue.Create(Marker));
                return root.ToJsonString().Replace(JsonSerializer.Serialize(Marker), Replacement(kind, original, random), StringComparison.Ordinal);
        }
    }

    private static string Replacement(MutationKind kind, JsonNode? original, Random random) => kind switch
    {
        MutationKind.WrongJsonType => WrongType(original),
        MutationKind.EmptyString => "\"\"",
        MutationKind.Null => "null",
        MutationKind.HugeNumber => Pick(random, "1e400", "-1e400", "123456789012345678901234567890123456789012345678901234567890", "1.0000000000000000000000000000000000000001", "2147483648"),
        MutationKind.Negative => original is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? Negated(v) : Pick(random, "-1", "-0.5", "-2147483649"),
        MutationKind.NaNLikeString => JsonSerializer.Serialize(Pick(random, "NaN", "Infinity", "-Infinity", "-NaN", "1e999", "0x1F", "1,5", " 0.3 ")),
        MutationKind.LongUnicodeString => JsonSerializer.Serialize(LongUnicode(random)),
        MutationKind.DeeplyNestedObject => Nested(random.Next(10, 400)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static string WrongType(JsonNode? original) => original?.GetValueKind() switch
    {
        JsonValueKind.String => decimal.TryParse(original.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, out _) ? "true" : "42",
        JsonValueKind.Number => JsonSerializer.Serialize("abc" + original.ToJsonString()),
        JsonValueKind.True or JsonValueKind.False => "\"yes\"",
        _ => "{}",
    };

    private static string Negated(JsonValue value)
    {
        var text = value.ToJsonString();
        return text.StartsWith('-') ? "-1e6" : "-" + text;
    }

    /// <summary>About 10 kB of text from many scripts, with combining marks, emoji, RTL marks, controls, a NUL and half a surrogate pair.</summary>
    private static string LongUnicode(Random random)
    {
        string[] pieces = ["é", "中文", "🧬", "\u0301", "\u200F", "\u200B", "ß", "Ωμέγα", "\u0000", "\t", "\n", "\uFEFF", "עברית", "\\", "\"", "𝔘", "\uD834"];
        var builder = new System.Text.StringBuilder(10_500);
        while (System.Text.Encoding.UTF8.GetByteCount(builder.ToString()) < 10_240)
        {
            for (var i = 0; i < 64; i++)
            {
                builder.Append(pieces[random.Next(pieces.Length)]);
            }
        }

        return builder.ToString();
    }

    private static string Nested(int depth) => string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);

    /// <summary>
    /// The nearest enclosing object property is written twice: first as sent, then with the leaf given
    /// the wrong JSON type, so readers that keep the first and readers that keep the last both see one.
    /// </summary>
    private static string Duplicated(JsonObject root, JsonPath path, Random random)
    {
        var (owner, key, depth) = path.NearestProperty(root);
        var sent = owner[key]?.DeepClone();
        var changedRoot = root.DeepClone().AsObject();
        var (changedParent, changedLeaf) = path.Locate(changedRoot);
        Set(changedParent, path.Last, JsonNode.Parse(random.Next(2) == 0 ? WrongType(changedLeaf) : "null"));
        var changed = path.Prefix(depth + 1).Locate(changedRoot).Leaf;
        owner[key] = JsonValue.Create(Marker);
        var duplicate = (sent?.ToJsonString() ?? "null") + "," + JsonSerializer.Serialize(key) + ":" + (changed?.ToJsonString() ?? "null");
        return root.ToJsonString().Replace(JsonSerializer.Serialize(Marker), duplicate, StringComparison.Ordinal);
    }

    private static void Set(JsonNode parent, object step, JsonNode? value)
    {
        if (step is int index)
        {
            parent.AsArray()[index] = value;
        }
        else
        {
            parent.AsObject()[(string)step] = value;
        }
    }

    private static void Remove(JsonNode parent, object step)
    {
        if (step is int index)
        {
            parent.AsArray().RemoveAt(index);
        }
        else
        {
            parent.AsObject().Remove((string)step);
        }
    }

    private static void Walk(JsonNode? node, List<object> steps, List<JsonPath> paths)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    Walk(child, [.. steps, key], paths);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], [.. steps, i], paths);
                }

                break;
            default:
                paths.Add(new JsonPath(steps));
                break;
        }
    }

    private static T[] Shuffled<T>(IReadOnlyList<T> items, Random random)
    {
        var copy = items.ToArray();
        random.Shuffle(copy);
        return copy;
    }

    private static string Pick(Random random, params string[] options) => options[random.Next(options.Length)];
}
