using TumorBoard.Core.Ingestion;

namespace TumorBoard.Fhir.Tests;

public class BadInputTests
{
    private const string Paired = "paired-lung-liver.json";

    [Theory]
    [InlineData("this is not json")]
    [InlineData("{\"resourceType\": \"Bundle\", \"type\": ")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{\"type\": \"collection\"}")]
    [InlineData("{\"resourceType\": \"Foo\", \"id\": \"x\"}")]
    [InlineData("")]
    public void Bodies_that_are_not_fhir_resources_are_malformed(string body)
    {
        var result = Reader.Read(body);

        Assert.True(result.IsMalformed);
        Assert.Null(result.Bundle);
        var issue = Assert.Single(result.Issues);
        Assert.Equal((IssueSeverity.Error, "structure", "Bundle"), (issue.Severity, issue.Code, issue.Expression));
    }

    [Fact]
    public void A_json_syntax_error_reports_its_line_and_position()
    {
        var issue = Assert.Single(Reader.Read("{\n  \"resourceType\": \"Bundle\",\n  \"type\" \"collection\"\n}").Issues);

        Assert.Contains("line 3", issue.Diagnostics, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<Bundle xmlns=\"http://hl7.org/fhir\"><type value=\"collection\"></Bundle>")]
    [InlineData("<Bundle><type value=\"collection\"/></Bundle>")]
    [InlineData("<!DOCTYPE foo [<!ENTITY x \"y\">]><Bundle xmlns=\"http://hl7.org/fhir\"/>")]
    [InlineData("not xml")]
    public void Xml_that_is_not_well_formed_fhir_is_malformed(string body)
    {
        var result = Reader.Read(body, FhirFormat.Xml);

        Assert.True(result.IsMalformed);
        Assert.Equal("structure", Assert.Single(result.Issues).Code);
    }

    [Fact]
    public void A_resource_other_than_a_bundle_is_unprocessable()
    {
        var bundle = Reader.Parsed("{\"resourceType\": \"Patient\", \"id\": \"p\"}");

        var issue = Assert.Single(bundle.Issues);
        Assert.Equal((IssueSeverity.Error, "invalid", "Patient"), (issue.Severity, issue.Code, issue.Expression));
        Assert.Empty(bundle.Reports);
    }

    [Theory]
    [InlineData("searchset", "not-supported")]
    [InlineData("batch", "not-supported")]
    [InlineData("collectionx", "not-supported")]
    public void Bundle_types_other_than_transaction_collection_or_document_are_errors(string type, string code)
    {
        var bundle = Reader.Parsed(Mutations.Of(Paired, b => b["type"] = type));

        var issue = Assert.Single(bundle.Issues, i => i.Expression == "Bundle.type");
        Assert.Equal((IssueSeverity.Error, code), (issue.Severity, issue.Code));
    }

    [Fact]
    public void A_bundle_without_a_patient_cannot_be_paired()
    {
        var bundle = Reader.Parsed(Mutations.Of(Paired, b => b["entry"]!.AsArray().RemoveAt(0)));

        Assert.Contains(bundle.Issues, i => i is { Severity: IssueSeverity.Error, Code: "required", Expression: "Bundle.entry" } && i.Diagnostics.Contains("Patient", StringComparison.Ordinal));
        Assert.Null(bundle.Patient);
    }

    [Fact]
    public void A_patient_identifier_without_system_cannot_be_paired()
    {
        var bundle = Reader.Parsed(Mutations.Of(Paired, b => Mutations.Resource(b, 0)["identifier"]![0]!.AsObject().Remove("system")));

        var issue = Assert.Single(bundle.Issues, i => i.Severity == IssueSeverity.Error);
        Assert.Equal(("required", "Bundle.entry[0].resource.identifier[0]"), (issue.Code, issue.Expression));
        Assert.Contains("cannot be paired", issue.Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public void A_patient_without_any_identifier_points_at_the_missing_element()
    {
        var bundle = Reader.Parsed(Mutations.Of(Paired, b => Mutations.Resource(b, 0).Remove("identifier")));

        Assert.Contains(bundle.Issues, i => i is { Severity: IssueSeverity.Error, Expression: "Bundle.entry[0].resource.identifier" });
    }

    [Fact]
    public void Two_patients_in_one_bundle_are_an_error_at_the_second()
    {
        var bundle = Reader.Parsed(Mutations.Of(Paired, b => b["entry"]!.AsArray().Add(System.Text.Json.Nodes.JsonNode.Parse(
            "{\"resource\": {\"resourceType\": \"Patient\", \"identifier\": [{\"system\": \"urn:test:mrn\", \"value\": \"MRN-2\"}]}}"))));

        Assert.Contains(bundle.Issues, i => i is { Severity: IssueSeverity.Error, Expression: "Bundle.entry[19].resource" });
    }

    [Fact]
    public void A_bundle_without_a_genomics_report_is_unprocessable()
    {
        var body = Mutations.Of(Paired, b =>
        {
            foreach (var entry in new[] { 5, 9 })
            {
                var report = Mutations.Resource(b, entry);
                report["code"] = System.Text.Json.Nodes.JsonNode.Parse("{\"coding\": [{\"system\": \"http://loinc.org\", \"code\": \"11502-2\"}]}");
                report.Remove("category");
            }
        });

        var bundle = Reader.Parsed(body);

        Assert.Contains(bundle.Issues, i => i is { Severity: IssueSeverity.Error, Code: "required", Expression: "Bundle.entry" } && i.Diagnostics.Contains("genomics", StringComparison.Ordinal));
        Assert.Contains(bundle.Issues, i => i is { Severity: IssueSeverity.Information, Expression: "Bundle.entry[5].resource" });
    }

    [Fact]
    public void An_unresolvable_result_reference_is_an_error_at_the_reference()
    {
        var bundle = Reader.Parsed(Mutations.Of(Paired, b => Mutations.Resource(b, 5)["result"]![1]!["reference"] = "Observation/missing"));

        var issue = Assert.Single(bundle.Issues, i => i.Severity == IssueSeverity.Error);
        Assert.Equal(("not-found", "Bundle.entry[5].resource.result[1]"), (issue.Code, issue.Expression));
    }

    [Fact]
    public void An_invalid_report_status_is_an_error_at_the_status_and_reported_once()
    {
        var bundle = Reader.Parsed(Mutations.Of(Paired, b => Mutations.Resource(b, 9)["status"] = "finalx"));

        var issue = Assert.Single(bundle.Issues, i => i.Expression == "Bundle.entry[9].resource.status");
        Assert.Equal((IssueSeverity.Error, "code-invalid"), (issue.Severity, issue.Code));
        Assert.Contains("finalx", issue.Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_report_status_is_required()
    {
        var bundle = Reader.Parsed(Mutations.Of(Paired, b => Mutations.Resource(b, 9).Remove("status")));

        Assert.Contains(bundle.Issues, i => i is { Severity: IssueSeverity.Error, Code: "required", Expression: "Bundle.entry[9].resource.status" });
    }

    [Fact]
    public void Every_problem_is_reported_not_only_the_first()
    {
        var body = Mutations.Of(Paired, b =>
        {
            Mutations.Resource(b, 0)["identifier"]![0]!.AsObject().Remove("system");
            Mutations.Resource(b, 9)["status"] = "finalx";
            Mutations.Resource(b, 5)["result"]![0]!["reference"] = "urn:uuid:00000000-0000-4000-8000-00000000dead";
            b["type"] = "searchset";
        });

        var errors = Reader.Parsed(body).Issues.Where(i => i.Severity == IssueSeverity.Error).Select(i => i.Expression).ToList();

        Assert.Equal(
            new[] { "Bundle.entry[0].resource.identifier[0]", "Bundle.entry[5].resource.result[0]", "Bundle.entry[9].resource.status", "Bundle.type" },
            errors.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_unknown_element_is_ignored_with_a_located_warning()
    {
        var bundle = Reader.Parsed(Mutations.Of(Paired, b => Mutations.Resource(b, 3)["flavour"] = "strawberry"));

        Assert.False(bundle.HasErrors);
        var issue = Assert.Single(bundle.Issues, i => i.Expression == "Bundle.entry[3].resource.flavour");
        Assert.Equal(IssueSeverity.Warning, issue.Severity);
    }

    [Fact]
    public void An_unreadable_protein_change_is_kept_with_a_warning_at_its_component()
    {
        var bundle = Reader.Parsed(Mutations.Of(Paired, b => Mutations.Resource(b, 10)["component"]![1]!["valueCodeableConcept"] = System.Text.Json.Nodes.JsonNode.Parse("{\"text\": \"p.Leu858Xyz\"}")));

        Assert.Contains(bundle.Issues, i => i is { Severity: IssueSeverity.Warning, Code: "value", Expression: "Bundle.entry[10].resource.component[1]" });
        var kept = bundle.Reports.Single(r => r.Identifier.Value == "ACC-2").Alterations[0];
        Assert.Equal("EGFR", kept.Gene);
        Assert.False(kept.Interpreted);
    }

    [Fact]
    public void A_vaf_above_one_without_a_percent_unit_is_ignored_with_a_warning()
    {
        var bundle = Reader.Parsed(Mutations.Of(Paired, b => Mutations.Resource(b, 6)["component"]![4]!["valueQuantity"] = System.Text.Json.Nodes.JsonNode.Parse("{\"value\": 34}")));

        Assert.Null(bundle.Reports.Single(r => r.Identifier.Value == "ACC-1").Alterations[0].Vaf);
        Assert.Contains(bundle.Issues, i => i is { Severity: IssueSeverity.Warning, Expression: "Bundle.entry[6].resource.component[4]" });
    }

    [Fact]
    public void A_report_where_nothing_can_be_interpreted_is_unprocessable()
    {
        var body = Mutations.Of(Paired, b => Mutations.Resource(b, 5)["result"] = System.Text.Json.Nodes.JsonNode.Parse(
            "[{\"reference\": \"urn:uuid:11111111-0000-4000-8000-000000000025\"}]"));

        var bundle = Reader.Parsed(body);

        Assert.Contains(bundle.Issues, i => i is { Severity: IssueSeverity.Error, Code: "processing", Expression: "Bundle.entry[5].resource" });
    }

    [Fact]
    public void A_report_whose_subject_is_not_the_bundles_patient_is_an_error()
    {
        var bundle = Reader.Parsed(Mutations.Of(Paired, b => Mutations.Resource(b, 9)["subject"]!["reference"] = "Condition/primary"));

        Assert.Contains(bundle.Issues, i => i is { Severity: IssueSeverity.Error, Code: "invalid", Expression: "Bundle.entry[9].resource.subject" });
    }
}
