using System.Text.Json;
using Hl7.Fhir.Model;

namespace TumorBoard.Fhir.Parsing;

/// <summary>
/// The posted JSON of each entry's resource, matched to the resource Firely made of it, so a report's content hash and
/// stored form can be made from what was posted instead of serialising the resources again (docs/adr/0005).
/// </summary>
/// <remarks>
/// Entries are matched by position only when the posted <c>entry</c> array and Firely's list have the same length and every
/// pair agrees on resource type and id; otherwise nothing is matched and every report falls back to Firely's form. A
/// resource that is not an entry's own (a contained one) is never matched either.
/// </remarks>
internal sealed class PostedJson
{
    private readonly Dictionary<object, JsonElement> _byResource = new(ReferenceEqualityComparer.Instance);

    public PostedJson(Bundle bundle, JsonElement root)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        if (!root.TryGetProperty("entry", out var entries) || entries.ValueKind != JsonValueKind.Array || entries.GetArrayLength() != bundle.Entry.Count)
        {
            return;
        }

        var matched = new List<(Resource, JsonElement)>(bundle.Entry.Count);
        var i = 0;
        foreach (var entry in entries.EnumerateArray())
        {
            var resource = bundle.Entry[i++].Resource;
            if (resource is null)
            {
                continue;
            }

            if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("resource", out var json) || !Same(resource, json))
            {
                // Positions do not line up: match nothing rather than risk pairing a resource with another's JSON.
                return;
            }

            matched.Add((resource, json));
        }

        foreach (var (resource, json) in matched)
        {
            _byResource.TryAdd(resource, json);
        }
    }

    /// <summary>The posted JSON of an entry's resource, if it was matched.</summary>
    public bool TryGet(Resource resource, out JsonElement json) => _byResource.TryGetValue(resource, out json);

    private static bool Same(Resource resource, JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object
            || !json.TryGetProperty("resourceType", out var type) || type.ValueKind != JsonValueKind.String || !type.ValueEquals(resource.TypeName))
        {
            return false;
        }

        return json.TryGetProperty("id", out var id)
            ? id.ValueKind == JsonValueKind.String && resource.Id is { } parsedId && id.ValueEquals(parsedId)
            : resource.Id is null;
    }
}
