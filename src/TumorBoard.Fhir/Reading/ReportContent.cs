using System.Buffers;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using TumorBoard.Core.Ingestion;
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
/// <para>Version 2 (<see cref="ReportContentHash.PostedJson"/>, every JSON post whose resources were matched to their posted
/// JSON): the canonical form is made from the posted JSON and the stored Bundle holds the posted resources as they were
/// sent. Nothing is serialised again; Firely's serialisation was most of what the reader did beyond Firely's parse
/// (docs/performance.md, issue 12, sessions 4 to 6).</para>
/// <para>Version 1 (<see cref="ReportContentHash.FirelyForm"/>, XML posts and anything not matched): each resource is
/// serialised by Firely once and the hash and the stored Bundle are both made from that text, byte for byte as before
/// version 2 existed. A report stored under version 1 is compared with this hash (docs/adr/0005).</para>
/// </remarks>
internal static class ReportContent
{
    private static readonly JsonWriterOptions StoredForm = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The content hash (with its version) and the stored FHIR JSON of a report's resources (the report first).</summary>
    public static (string Hash, int Version, string FhirJson) Of(IReadOnlyList<Located<Resource>> resources, BundleIndex index, PostedJson? posted)
    {
        if (posted is not null && Posted(resources, posted) is { } elements)
        {
            // The posted elements live in the reader's parsed body, which outlives this call: nothing is copied or parsed again.
            return (Hash(resources, elements, index), ReportContentHash.PostedJson,
                Stored(resources, index, (writer, i) => writer.WriteRawValue(JsonMarshal.GetRawUtf8Value(elements[i]), skipInputValidation: true)));
        }

        var (hash, fhirJson) = FirelyForm(resources, index);
        return (hash, ReportContentHash.FirelyForm, fhirJson);
    }

    /// <summary>The version 1 content hash and stored FHIR JSON, from Firely's serialisation of the resources.</summary>
    public static (string Hash, string FhirJson) FirelyForm(IReadOnlyList<Located<Resource>> resources, BundleIndex index)
    {
        var json = Serialized(resources);
        return (FirelyFormHash(resources, json, index), Stored(resources, index, (writer, i) => writer.WriteRawValue(json[i].Span, skipInputValidation: true)));
    }

    /// <summary>The version 1 content hash alone (a re-post compared with a report stored under version 1).</summary>
    public static string FirelyFormHash(IReadOnlyList<Located<Resource>> resources, BundleIndex index) =>
        FirelyFormHash(resources, Serialized(resources), index);

    /// <summary>The posted JSON of every resource; null when any of them has none (then version 1 is used).</summary>
    private static JsonElement[]? Posted(IReadOnlyList<Located<Resource>> resources, PostedJson posted)
    {
        var elements = new JsonElement[resources.Count];
        for (var i = 0; i < resources.Count; i++)
        {
            if (!posted.TryGet(resources[i].Resource, out elements[i]))
            {
                return null;
            }
        }

        return elements;
    }

    private static ReadOnlyMemory<byte>[] Serialized(IReadOnlyList<Located<Resource>> resources)
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

        return json;
    }

    /// <summary>The stored collection Bundle: each entry's fullUrl and the resource <paramref name="writeResource"/> writes.</summary>
    private static string Stored(IReadOnlyList<Located<Resource>> resources, BundleIndex index, Action<Utf8JsonWriter, int> writeResource)
    {
        using var buffer = new PooledBufferWriter(16384);
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
                writeResource(writer, i);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string FirelyFormHash(IReadOnlyList<Located<Resource>> resources, ReadOnlyMemory<byte>[] json, BundleIndex index)
    {
        var documents = new JsonDocument[json.Length];
        try
        {
            var elements = new JsonElement[json.Length];
            for (var i = 0; i < json.Length; i++)
            {
                documents[i] = JsonDocument.Parse(json[i]);
                elements[i] = documents[i].RootElement;
            }

            return Hash(resources, elements, index);
        }
        finally
        {
            foreach (var document in documents)
            {
                document?.Dispose();
            }
        }
    }

    /// <summary>SHA-256 of the canonical form of every resource, one line each, in the order given.</summary>
    private static string Hash(IReadOnlyList<Located<Resource>> resources, JsonElement[] json, BundleIndex index)
    {
        var positions = new Dictionary<object, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < resources.Count; i++)
        {
            positions.TryAdd(resources[i].Resource, i);
        }

        using var canonical = new PooledBufferWriter(16384);
        using var writer = new Utf8JsonWriter(canonical);
        var canonicalWriter = new CanonicalJsonWriter(writer);
        for (var i = 0; i < resources.Count; i++)
        {
            var located = resources[i];
            canonicalWriter.WriteResource(json[i], reference => Token(reference, located, index, positions));
            writer.Flush();
            writer.Reset();
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
}
