using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using TumorBoard.Fhir.Parsing;
using TumorBoard.Fhir.Reading;

namespace TumorBoard.Fhir.Tests;

/// <summary>
/// The reader's stored report form and content hash, rewritten for speed (issue 12), must not change: a stored
/// report's hash decides whether a re-post is "unchanged" or a conflicting "final". Compared here with the previous
/// implementation (serialise every resource again, parse into a JsonNode tree) on every fixture bundle.
/// </summary>
public sealed class ReportContentTests
{
    public static TheoryData<string> Fixtures() =>
    [
        "breast-hr-positive-her2-low.json", "ctdna-plasma.json", "paired-lung-liver.json", "paired-lung.xml", "stu2-mcode.json", "stu3-genomic-study.json",
    ];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Hash_and_stored_bundle_are_what_the_previous_implementation_made(string fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        var text = TestFiles.Fixture(fixture);
        var bundle = Parse(text, xml: fixture.EndsWith(".xml", StringComparison.Ordinal));
        var index = new BundleIndex(bundle);
        var reports = index.All<DiagnosticReport>().ToList();
        Assert.NotEmpty(reports);
        foreach (var report in reports)
        {
            // The report, then every Observation and Specimen of the bundle: references inside and outside the list.
            var stored = new List<Located<Resource>> { new(report.Resource, report.Path) };
            stored.AddRange(index.All<Observation>().Select(o => new Located<Resource>(o.Resource, o.Path)));
            stored.AddRange(index.All<Specimen>().Select(s => new Located<Resource>(s.Resource, s.Path)));

            var (hash, fhirJson) = ReportContent.FirelyForm(stored, index);

            Assert.Equal(PreviousHash(stored, index), hash);
            Assert.Equal(PreviousFhirJson(stored.Select(s => s.Resource).ToList(), index), fhirJson);
        }
    }

    [Fact]
    public void Text_with_markup_characters_and_non_ascii_letters_is_stored_and_hashed_as_before()
    {
        // The resources are now serialised as UTF-8 into the writer directly; its escaping must be Firely's ToJson's.
        var bundle = Parse(TestFiles.Fixture("paired-lung-liver.json"), xml: false);
        var index = new BundleIndex(bundle);
        var report = index.All<DiagnosticReport>().First();
        report.Resource.Conclusion = "Befund: KRAS G12C > 5 % & <b>HER2</b> 2+, Tumorzellgehalt ≈ 40 %, Ödem 'ja' \"laut\" \u00e9\u4e2d\ud83e\uddec";
        List<Located<Resource>> stored = [new(report.Resource, report.Path)];

        var (hash, fhirJson) = ReportContent.FirelyForm(stored, index);

        Assert.Equal(PreviousHash(stored, index), hash);
        Assert.Equal(PreviousFhirJson([report.Resource], index), fhirJson);
    }

    [Fact]
    public void A_different_value_gives_a_different_hash()
    {
        var bundle = Parse(TestFiles.Fixture("paired-lung-liver.json"), xml: false);
        var index = new BundleIndex(bundle);
        var report = index.All<DiagnosticReport>().First();
        List<Located<Resource>> stored = [new(report.Resource, report.Path)];
        var before = ReportContent.FirelyForm(stored, index).Hash;

        report.Resource.Conclusion = "changed";

        Assert.NotEqual(before, ReportContent.FirelyForm(stored, index).Hash);
    }

    /// <summary>As the reader parses: strict, keeping the partial resource when Firely reports content problems.</summary>
    private static Bundle Parse(string text, bool xml)
    {
        try
        {
            return xml
                ? new FhirXmlDeserializer(new DeserializerSettings()).Deserialize<Bundle>(text)
                : new FhirJsonDeserializer(new DeserializerSettings()).Deserialize<Bundle>(text);
        }
        catch (DeserializationFailedException e)
        {
            return (Bundle)e.PartialResult!;
        }
    }

    private static string PreviousFhirJson(IReadOnlyList<Resource> resources, BundleIndex index)
    {
        var bundle = new Bundle { Type = Bundle.BundleType.Collection };
        foreach (var resource in resources)
        {
            bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = index.FullUrlOf(resource), Resource = resource });
        }

        return bundle.ToJson();
    }

    private static string PreviousHash(List<Located<Resource>> resources, BundleIndex index)
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
            foreach (var name in new[] { "meta", "id", "text" })
            {
                node.Remove(name);
            }

            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                Write(node, writer, reference =>
                {
                    var target = index.Resolve(new ResourceReference(reference), located);
                    return target is null ? reference : positions.TryGetValue(target.Resource, out var position) ? $"#{position}" : target.Resource.TypeName;
                });
            }

            builder.Append(Encoding.UTF8.GetString(stream.ToArray())).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
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
