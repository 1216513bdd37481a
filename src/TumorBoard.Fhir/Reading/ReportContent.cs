using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using TumorBoard.Fhir.Parsing;

namespace TumorBoard.Fhir.Reading;

/// <summary>
/// The stored form of a report: a FHIR collection Bundle of the report, its results and specimen
/// (provenance), and the SHA-256 of a canonical form of the same resources that decides whether a
/// re-posted report is the same. The canonical form drops <c>meta</c>, <c>id</c> and the generated
/// narrative, replaces references by what they point to (a position in the report, or the resource
/// type) because senders mint new <c>urn:uuid</c>s on every post, and sorts object keys.
/// </summary>
internal static class ReportContent
{
    private static readonly string[] Volatile = ["meta", "id", "text"];

    public static string FhirJson(IReadOnlyList<Resource> resources, BundleIndex index)
    {
        var bundle = new Bundle { Type = Bundle.BundleType.Collection };
        foreach (var resource in resources)
        {
            bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = index.FullUrlOf(resource), Resource = resource });
        }

        return bundle.ToJson();
    }

    public static string Hash(IReadOnlyList<Located<Resource>> resources, BundleIndex index)
    {
        var positions = new Dictionary<object, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < resources.Count; i++)
        {
            positions.TryAdd(resources[i].Resource, i);
        }

        var builder = new StringBuilder();
        foreach (var located in resources)
        {
            var node = JsonNode.Parse(located.Resource.ToJson())!.AsObject();
            foreach (var name in Volatile)
            {
                node.Remove(name);
            }

            builder.Append(Canonical(node, reference => Token(reference, located, index, positions))).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }

    private static string Token(string reference, Located<Resource> from, BundleIndex index, Dictionary<object, int> positions)
    {
        var target = index.Resolve(new ResourceReference(reference), from);
        if (target is null)
        {
            return reference;
        }

        return positions.TryGetValue(target.Resource, out var position) ? $"#{position}" : target.Resource.TypeName;
    }

    private static string Canonical(JsonNode node, Func<string, string> reference)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Write(node, writer, reference);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(JsonNode? node, Utf8JsonWriter writer, Func<string, string> reference)
    {
        switch (node)
        {
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (name, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(name);
                    if (name == "reference" && value is JsonValue v && v.TryGetValue<string>(out var text))
                    {
                        writer.WriteStringValue(reference(text));
                    }
                    else
                    {
                        Write(value, writer, reference);
                    }
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    Write(item, writer, reference);
                }

                writer.WriteEndArray();
                break;
            case null:
                writer.WriteNullValue();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
