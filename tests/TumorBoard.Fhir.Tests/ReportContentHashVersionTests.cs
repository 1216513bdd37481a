using System.Text.Json;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using TumorBoard.Core.Ingestion;
using TumorBoard.Fhir.Parsing;

namespace TumorBoard.Fhir.Tests;

/// <summary>
/// Version 2 of a report's content hash is made from the posted JSON (docs/adr/0005-report-content-hash-versions.md):
/// what counts as the same report, what does not, and the version 1 hash a report stored before it is compared with.
/// </summary>
public sealed class ReportContentHashVersionTests
{
    private const string Paired = "paired-lung-liver.json";

    [Fact]
    public void A_json_post_is_hashed_from_its_posted_json_and_stored_as_posted()
    {
        var text = TestFiles.Fixture(Paired);
        var bundle = Reader.Accepted(text);
        var posted = JsonNode.Parse(text)!.AsObject();

        Assert.All(bundle.Reports, r => Assert.Equal(ReportContentHash.PostedJson, r.ContentHashVersion));
        Assert.All(bundle.Reports, r => Assert.NotNull(r.FirelyFormHash));
        // The stored Bundle's report entry is the posted report resource itself (entry 5 of the fixture), not Firely's rewrite.
        var stored = JsonNode.Parse(bundle.Reports[0].FhirJson)!;
        Assert.True(JsonNode.DeepEquals(Mutations.Resource(posted, 5), stored["entry"]![0]!["resource"]));
        Assert.Equal(posted["entry"]![5]!["fullUrl"]!.GetValue<string>(), stored["entry"]![0]!["fullUrl"]!.GetValue<string>());
    }

    [Fact]
    public void Whitespace_and_key_order_do_not_change_the_hash()
    {
        var text = TestFiles.Fixture(Paired);
        var reordered = Reordered(JsonNode.Parse(text)!)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        var compact = JsonNode.Parse(text)!.ToJsonString();
        Assert.NotEqual(text, reordered);

        var original = Reader.Accepted(text).Reports.Select(r => r.ContentHash).ToList();

        Assert.Equal(original, Reader.Accepted(reordered).Reports.Select(r => r.ContentHash));
        Assert.Equal(original, Reader.Accepted(compact).Reports.Select(r => r.ContentHash));
    }

    [Fact]
    public void Both_versions_give_the_same_hash_when_the_posted_json_is_what_firely_writes_back()
    {
        // The usual case: the canonical forms are the same bytes, so a report stored under version 1 matches directly.
        var reports = Reader.Accepted(TestFiles.Fixture(Paired)).Reports;

        Assert.All(reports, r => Assert.Equal(r.FirelyFormHash!(), r.ContentHash));
    }

    [Fact]
    public void The_same_number_written_another_way_reads_as_changed_under_version_2_only()
    {
        // Never merge two different posts: version 2 compares what was posted, so 3.4e-1 for 0.34 reads as a change.
        // Version 1 compared Firely's number, which is the same.
        var original = Reader.Accepted(TestFiles.Fixture(Paired)).Reports[0];
        var exponent = Reader.Accepted(Exponent()).Reports[0];

        Assert.NotEqual(original.ContentHash, exponent.ContentHash);
        Assert.Equal(original.FirelyFormHash!(), exponent.FirelyFormHash!());
    }

    [Fact]
    public void An_element_the_reader_ignores_changes_the_hash_of_both_versions()
    {
        // Firely keeps an unknown element (with a warning) and writes it back, so version 1 saw it as well.
        var original = Reader.Accepted(TestFiles.Fixture(Paired)).Reports[0];
        var decorated = Reader.Accepted(Mutations.Of(Paired, b => Mutations.Resource(b, 5)["labNote"] = "sent twice")).Reports[0];

        Assert.NotEqual(original.ContentHash, decorated.ContentHash);
        Assert.NotEqual(original.FirelyFormHash!(), decorated.FirelyFormHash!());
    }

    [Fact]
    public void The_version_1_hash_of_a_json_post_is_the_hash_of_the_same_report_posted_as_xml()
    {
        // Version 1 is made from Firely's model, so it does not depend on the posted format; XML posts are hashed that way.
        var json = TestFiles.Fixture(Paired);
        var xml = new FhirJsonDeserializer(new DeserializerSettings()).Deserialize<Bundle>(json).ToXml();

        var fromJson = Reader.Accepted(json).Reports;
        var fromXml = Reader.Accepted(xml, FhirFormat.Xml).Reports;

        Assert.All(fromXml, r => Assert.Equal(ReportContentHash.FirelyForm, r.ContentHashVersion));
        Assert.All(fromXml, r => Assert.Null(r.FirelyFormHash));
        Assert.Equal(fromXml.Select(r => r.ContentHash), fromJson.Select(r => r.FirelyFormHash!()));
        Assert.Equal(fromXml.Select(r => r.ContentHash), fromJson.Select(r => r.ContentHashOf(ReportContentHash.FirelyForm)));
    }

    [Fact]
    public void A_key_made_of_the_content_hash_is_the_version_1_hash()
    {
        var json = Mutations.Of(Paired, b =>
        {
            Mutations.Resource(b, 5).Remove("identifier");
            b.Remove("identifier");
        });
        var xml = new FhirJsonDeserializer(new DeserializerSettings()).Deserialize<Bundle>(json).ToXml();

        var report = Reader.Accepted(json).Reports[0];

        Assert.Equal(ReportContentHash.FirelyForm, report.ContentHashVersion);
        Assert.Equal(Reader.Accepted(xml, FhirFormat.Xml).Reports[0].Identifier, report.Identifier);
        Assert.Equal(report.ContentHash, report.Identifier.Value);
    }

    [Fact]
    public void Entries_that_do_not_line_up_with_the_posted_json_are_not_matched_at_all()
    {
        var text = TestFiles.Fixture(Paired);
        using var document = JsonDocument.Parse(text);
        Bundle Parsed() => new FhirJsonDeserializer(new DeserializerSettings()).Deserialize<Bundle>(text);

        var lined = Parsed();
        var renamed = Parsed();
        renamed.Entry[3].Resource!.Id = "not-the-posted-id";
        var shorter = Parsed();
        shorter.Entry.RemoveAt(shorter.Entry.Count - 1);

        Assert.All(lined.Entry, e => Assert.True(new PostedJson(lined, document.RootElement).TryGet(e.Resource!, out _)));
        // One entry that does not agree, or a different count, and no resource is matched: each falls back to version 1.
        Assert.All(renamed.Entry, e => Assert.False(new PostedJson(renamed, document.RootElement).TryGet(e.Resource!, out _)));
        Assert.All(shorter.Entry, e => Assert.False(new PostedJson(shorter, document.RootElement).TryGet(e.Resource!, out _)));
    }

    /// <summary>The fixture with the first report's variant allele fraction 0.34 written as 3.4e-1.</summary>
    internal static string Exponent()
    {
        var text = TestFiles.Fixture(Paired);
        Assert.Contains("\"value\": 0.34,", text, StringComparison.Ordinal);
        return text.Replace("\"value\": 0.34,", "\"value\": 3.4e-1,", StringComparison.Ordinal);
    }

    private static JsonNode? Reordered(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Reverse().Select(p => KeyValuePair.Create(p.Key, Reordered(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Reordered).ToArray()),
        _ => node?.DeepClone(),
    };
}
