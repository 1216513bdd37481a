using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
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
/// <remarks>
/// Each resource is serialised by Firely once; the hash and the stored Bundle are both made from that text
/// (the stored Bundle is the one Firely would write for the same entries). Serialising twice and walking a
/// mutable JSON tree for the hash was most of the reader's own cost (docs/performance.md, issue 12).
/// </remarks>
internal static class ReportContent
{
    private static readonly JsonWriterOptions StoredForm = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The content hash and the stored FHIR JSON of a report's resources (the report first).</summary>
    public static (string Hash, string FhirJson) Of(IReadOnlyList<Located<Resource>> resources, BundleIndex index)
    {
        // Every resource serialised once, as UTF-8 into one buffer (what ToJson writes, without making a string of it
        // and turning that back into UTF-8 twice); the hash and the stored Bundle read slices of it.
        var buffer = new ArrayBufferWriter<byte>(8192);
        var ends = new int[resources.Count];
        // Firely's ToJson escapes as StoredForm does (relaxed); the stored text must stay byte for byte what it was.
        using (var writer = new Utf8JsonWriter(buffer, StoredForm))
        {
            for (var i = 0; i < resources.Count; i++)
            {
                FhirJsonSerializer.Default.Serialize(resources[i].Resource, writer);
                writer.Flush();
                ends[i] = buffer.WrittenCount;
                writer.Reset();
            }
        }

        // Sliced once everything is written: the buffer may have moved while it grew.
        var json = new ReadOnlyMemory<byte>[resources.Count];
        for (var i = 0; i < resources.Count; i++)
        {
            var start = i == 0 ? 0 : ends[i - 1];
            json[i] = buffer.WrittenMemory[start..ends[i]];
        }

        return (Hash(resources, json, index), Stored(resources, json, index));
    }

    private static string Stored(IReadOnlyList<Located<Resource>> resources, ReadOnlyMemory<byte>[] json, BundleIndex index)
    {
        var buffer = new ArrayBufferWriter<byte>(json.Sum(j => j.Length) + 256);
        using (var writer = new Utf8JsonWriter(buffer, StoredForm))
        {
            writer.WriteStartObject();
            writer.WriteString("resourceType", "Bundle");
            writer.WriteString("type", "collection");
            writer.WriteStartArray("entry");
            for (var i = 0; i < resources.Count; i++)
            {
                writer.WriteStartObject();
                if (index.FullUrlOf(resources[i].Resource) is { } fullUrl)
                {
                    writer.WriteString("fullUrl", fullUrl);
                }

                writer.WritePropertyName("resource");
                writer.WriteRawValue(json[i].Span, skipInputValidation: true);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string Hash(IReadOnlyList<Located<Resource>> resources, ReadOnlyMemory<byte>[] json, BundleIndex index)
    {
        var positions = new Dictionary<object, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < resources.Count; i++)
        {
            positions.TryAdd(resources[i].Resource, i);
        }

        var canonical = new ArrayBufferWriter<byte>(json.Sum(j => j.Length));
        for (var i = 0; i < resources.Count; i++)
        {
            var located = resources[i];
            using var document = JsonDocument.Parse(json[i]);
            using (var writer = new Utf8JsonWriter(canonical))
            {
                Write(document.RootElement, writer, reference => Token(reference, located, index, positions), root: true);
            }

            canonical.Write("\n"u8);
        }

        return Convert.ToHexStringLower(SHA256.HashData(canonical.WrittenSpan));
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

    private static bool IsVolatile(string name) => name is "meta" or "id" or "text";

    private static void Write(JsonElement element, Utf8JsonWriter writer, Func<string, string> reference, bool root = false)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var properties = new List<JsonProperty>();
                foreach (var property in element.EnumerateObject())
                {
                    if (!(root && IsVolatile(property.Name)))
                    {
                        properties.Add(property);
                    }
                }

                properties.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
                writer.WriteStartObject();
                foreach (var property in properties)
                {
                    writer.WritePropertyName(property.Name);
                    if (property.Name == "reference" && property.Value.ValueKind == JsonValueKind.String)
                    {
                        writer.WriteStringValue(reference(property.Value.GetString()!));
                    }
                    else
                    {
                        Write(property.Value, writer, reference);
                    }
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(item, writer, reference);
                }

                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
