using System.Text.Json.Nodes;
using TumorBoard.Core.Ingestion;

namespace TumorBoard.Fhir.Tests;

public class ReportIdentityTests
{
    private const string Paired = "paired-lung-liver.json";

    [Fact]
    public void Reposting_the_same_bundle_gives_the_same_content_hash()
    {
        var first = Reader.Accepted(TestFiles.Fixture(Paired));
        var second = Reader.Accepted(TestFiles.Fixture(Paired));

        Assert.Equal(first.Reports.Select(r => r.ContentHash), second.Reports.Select(r => r.ContentHash));
        Assert.Matches("^[0-9a-f]{64}$", first.Reports[0].ContentHash);
        Assert.NotEqual(first.Reports[0].ContentHash, first.Reports[1].ContentHash);
    }

    [Fact]
    public void Changing_a_result_changes_the_hash_of_that_report_only()
    {
        var original = Reader.Accepted(TestFiles.Fixture(Paired));
        var changed = Reader.Accepted(Mutations.Of(Paired, b => Mutations.Resource(b, 11)["component"]![4]!["valueQuantity"]!["value"] = 13));

        Assert.Equal(original.Reports[0].ContentHash, changed.Reports[0].ContentHash);
        Assert.NotEqual(original.Reports[1].ContentHash, changed.Reports[1].ContentHash);
    }

    [Fact]
    public void New_uuids_meta_and_narrative_do_not_change_the_hash()
    {
        var original = Reader.Accepted(TestFiles.Fixture(Paired));
        var reminted = TestFiles.Fixture(Paired).Replace("11111111-0000-4000-8000", "99999999-0000-4000-8000", StringComparison.Ordinal);
        var decorated = Mutations.Of(Paired, b =>
        {
            Mutations.Resource(b, 5)["meta"] = JsonNode.Parse("{\"versionId\": \"7\", \"lastUpdated\": \"2025-01-01T00:00:00Z\"}");
            Mutations.Resource(b, 6)["text"] = JsonNode.Parse("{\"status\": \"generated\", \"div\": \"<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\">EGFR L858R</div>\"}");
        });

        Assert.Equal(original.Reports[0].ContentHash, Reader.Accepted(reminted).Reports[0].ContentHash);
        Assert.Equal(original.Reports[0].ContentHash, Reader.Accepted(decorated).Reports[0].ContentHash);
    }

    [Fact]
    public void Without_a_report_identifier_the_key_is_the_bundle_identifier_plus_the_resource_id()
    {
        var bundle = Reader.Accepted(Mutations.Of(Paired, b => Mutations.Resource(b, 5).Remove("identifier")));
        var report = bundle.Reports[0];

        Assert.True(report.IdentifierIsDerived);
        Assert.Equal(("urn:test:bundles", "B-PAIRED-1/DiagnosticReport/report-primary"), (report.Identifier.System, report.Identifier.Value));
        Assert.Contains(bundle.Issues, i => i is { Severity: IssueSeverity.Warning, Expression: "Bundle.entry[5].resource.identifier" });
    }

    [Fact]
    public void Without_any_identifier_the_key_is_the_content_hash()
    {
        var bundle = Reader.Accepted(Mutations.Of(Paired, b =>
        {
            Mutations.Resource(b, 5).Remove("identifier");
            b.Remove("identifier");
        }));
        var report = bundle.Reports[0];

        Assert.True(report.IdentifierIsDerived);
        Assert.Equal(report.ContentHash, report.Identifier.Value);
        Assert.Equal(ReportContentHash.FirelyForm, report.ContentHashVersion);
    }
}
