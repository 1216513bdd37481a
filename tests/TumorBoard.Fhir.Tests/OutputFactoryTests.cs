using System.Text.Json;
using TumorBoard.Core.Ingestion;
using TumorBoard.Fhir.Output;

namespace TumorBoard.Fhir.Tests;

public class OutputFactoryTests
{
    [Fact]
    public void OperationOutcome_lists_every_issue_with_severity_code_diagnostics_and_expression()
    {
        var json = OperationOutcomeFactory.FromIssues(
        [
            new IngestIssue(IssueSeverity.Error, "required", "No patient identifier.", "Bundle.entry[0].resource.identifier"),
            new IngestIssue(IssueSeverity.Warning, "code-invalid", "Unknown gene.", "Bundle.entry[4].resource.component[2]"),
        ]);

        using var document = JsonDocument.Parse(json);
        var issues = document.RootElement.GetProperty("issue").EnumerateArray().ToList();
        Assert.Equal("OperationOutcome", document.RootElement.GetProperty("resourceType").GetString());
        Assert.Equal(2, issues.Count);
        Assert.Equal("error", issues[0].GetProperty("severity").GetString());
        Assert.Equal("required", issues[0].GetProperty("code").GetString());
        Assert.Equal("No patient identifier.", issues[0].GetProperty("diagnostics").GetString());
        Assert.Equal("Bundle.entry[4].resource.component[2]", issues[1].GetProperty("expression")[0].GetString());
        Assert.Equal("code-invalid", issues[1].GetProperty("code").GetString());
    }

    [Fact]
    public void A_bad_bundle_becomes_an_operation_outcome_of_its_issues()
    {
        var result = Reader.Read("[]");

        using var document = JsonDocument.Parse(OperationOutcomeFactory.FromIssues(result.Issues));

        Assert.Equal("structure", document.RootElement.GetProperty("issue")[0].GetProperty("code").GetString());
    }

    [Fact]
    public void Size_and_media_type_errors_are_single_issue_outcomes()
    {
        using var tooLarge = JsonDocument.Parse(OperationOutcomeFactory.PayloadTooLarge(10_485_760));
        using var wrongType = JsonDocument.Parse(OperationOutcomeFactory.UnsupportedMediaType("text/plain"));

        Assert.Equal("too-costly", tooLarge.RootElement.GetProperty("issue")[0].GetProperty("code").GetString());
        Assert.Contains("10485760", tooLarge.RootElement.GetProperty("issue")[0].GetProperty("diagnostics").GetString(), StringComparison.Ordinal);
        Assert.Equal("not-supported", wrongType.RootElement.GetProperty("issue")[0].GetProperty("code").GetString());
    }

    [Fact]
    public void CapabilityStatement_declares_bundle_create_the_recommendations_operation_and_both_formats()
    {
        using var document = JsonDocument.Parse(CapabilityStatementFactory.Create("1.2.3", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        var root = document.RootElement;
        var resources = root.GetProperty("rest")[0].GetProperty("resource").EnumerateArray().ToList();

        Assert.Equal("CapabilityStatement", root.GetProperty("resourceType").GetString());
        Assert.Equal("TumorBoard", root.GetProperty("software").GetProperty("name").GetString());
        Assert.Equal("4.0.1", root.GetProperty("fhirVersion").GetString());
        Assert.Contains("application/fhir+xml", root.GetProperty("format").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("create", resources.Single(r => r.GetProperty("type").GetString() == "Bundle").GetProperty("interaction")[0].GetProperty("code").GetString());
        Assert.Equal("recommendations", resources.Single(r => r.GetProperty("type").GetString() == "Patient").GetProperty("operation")[0].GetProperty("name").GetString());
    }
}
