using System.Text.Json.Nodes;
using TumorBoard.Core.Ingestion;
using TumorBoard.Core.Patients;

namespace TumorBoard.Fhir.Tests;

/// <summary>The specimen-role rules (docs/fhir.md), each exercised by changing the paired fixture.</summary>
public class SpecimenRoleTests
{
    private const string Paired = "paired-lung-liver.json";
    private const int LiverSpecimen = 4;

    [Fact]
    public void Given_a_tumour_specimen_whose_only_finding_is_germline_Then_the_role_comes_from_the_specimen_not_the_finding()
    {
        var body = Mutations.Of(Paired, b =>
        {
            Mutations.Resource(b, 9)["result"] = JsonNode.Parse("[{\"reference\": \"urn:uuid:11111111-0000-4000-8000-000000000021\"}]");
            Mutations.Resource(b, 10)["component"]![2]!["valueCodeableConcept"] = JsonNode.Parse("{\"coding\": [{\"system\": \"http://loinc.org\", \"code\": \"LA6683-2\"}]}");
        });

        var bundle = Reader.Accepted(body);
        var report = bundle.Reports.Single(r => r.Identifier.Value == "ACC-2");

        Assert.Equal(SpecimenRole.Metastasis, report.Specimen!.Role);
        Assert.NotEmpty(report.Alterations);
    }

    [Fact]
    public void Given_a_blood_specimen_whose_only_findings_are_germline_Then_the_specimen_is_normal()
    {
        var body = Mutations.Of(Paired, b =>
        {
            Mutations.Resource(b, 9)["result"] = JsonNode.Parse("[{\"reference\": \"urn:uuid:11111111-0000-4000-8000-000000000021\"}]");
            Mutations.Resource(b, 10)["component"]![2]!["valueCodeableConcept"] = JsonNode.Parse("{\"coding\": [{\"system\": \"http://loinc.org\", \"code\": \"LA6683-2\"}]}");
            Mutations.Resource(b, LiverSpecimen)["type"] = JsonNode.Parse("{\"coding\": [{\"system\": \"http://snomed.info/sct\", \"code\": \"119297000\"}]}");
        });

        Assert.Equal(SpecimenRole.Normal, Metastasis(body).Role);
    }

    [Fact]
    public void Given_a_specimen_type_saying_normal_Then_the_specimen_is_normal()
    {
        var body = Mutations.Of(Paired, b => Mutations.Resource(b, LiverSpecimen)["type"] = new JsonObject { ["text"] = "Normal tissue adjacent to tumour" });

        Assert.Equal(SpecimenRole.Normal, Metastasis(body).Role);
    }

    [Theory]
    [InlineData("{\"coding\": [{\"system\": \"http://terminology.hl7.org/CodeSystem/v2-0487\", \"code\": \"PLAS\"}]}")]
    [InlineData("{\"coding\": [{\"system\": \"http://snomed.info/sct\", \"code\": \"119297000\"}]}")]
    [InlineData("{\"text\": \"Peripheral blood for cfDNA\"}")]
    public void Given_blood_or_plasma_in_a_somatic_report_Then_the_specimen_is_ctdna(string type)
    {
        var body = Mutations.Of(Paired, b => Mutations.Resource(b, LiverSpecimen)["type"] = JsonNode.Parse(type));

        Assert.Equal(SpecimenRole.Ctdna, Metastasis(body).Role);
    }

    [Fact]
    public void Given_a_body_site_text_saying_metastasis_Then_the_specimen_is_a_metastasis()
    {
        var body = Mutations.Of(Paired, b =>
        {
            Mutations.Resource(b, LiverSpecimen)["collection"]!["bodySite"] = new JsonObject { ["text"] = "Adrenal metastasis" };
            b["entry"]!.AsArray().RemoveAt(2);
        });

        Assert.Equal(SpecimenRole.Metastasis, Reader.Accepted(body).Reports[1].Specimen!.Role);
    }

    [Fact]
    public void Given_a_site_other_than_the_primary_while_metastatic_disease_is_recorded_Then_the_specimen_is_a_metastasis()
    {
        var body = Mutations.Of(Paired, b => Mutations.Resource(b, LiverSpecimen)["collection"]!["bodySite"] = new JsonObject { ["text"] = "Bone" });

        var specimen = Metastasis(body);

        Assert.Equal(SpecimenRole.Metastasis, specimen.Role);
        Assert.Contains("differs from the primary site", specimen.RoleReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_site_other_than_the_primary_and_no_metastatic_disease_Then_the_role_is_unknown_with_a_warning()
    {
        var body = Mutations.Of(Paired, b =>
        {
            Mutations.Resource(b, LiverSpecimen)["collection"]!["bodySite"] = new JsonObject { ["text"] = "Bone" };
            b["entry"]!.AsArray().RemoveAt(2);
        });

        var bundle = Reader.Accepted(body);

        Assert.Equal(SpecimenRole.Unknown, bundle.Reports[1].Specimen!.Role);
        Assert.Contains(bundle.Issues, i => i is { Severity: IssueSeverity.Warning, Code: "incomplete", Expression: "Bundle.entry[3].resource" });
    }

    [Fact]
    public void Given_a_site_matching_both_primary_and_metastatic_sites_Then_the_role_is_unknown()
    {
        var body = Mutations.Of(Paired, b => Mutations.Resource(b, 2)["bodySite"] = JsonNode.Parse("[{\"text\": \"Lung\"}]"));

        Assert.Equal(SpecimenRole.Unknown, Reader.Accepted(body).Reports[0].Specimen!.Role);
    }

    [Fact]
    public void Given_icd_topography_codes_Then_a_subcode_matches_its_category()
    {
        var body = Mutations.Of(Paired, b =>
        {
            Mutations.Resource(b, 1)["bodySite"] = JsonNode.Parse("[{\"coding\": [{\"system\": \"http://hl7.org/fhir/sid/icd-10-cm\", \"code\": \"C34\"}]}]");
            Mutations.Resource(b, 3)["collection"]!["bodySite"] = JsonNode.Parse("{\"coding\": [{\"system\": \"http://hl7.org/fhir/sid/icd-10-cm\", \"code\": \"C34.1\"}]}");
        });

        Assert.Equal(SpecimenRole.Primary, Reader.Accepted(body).Reports[0].Specimen!.Role);
    }

    private static ParsedSpecimen Metastasis(string body) =>
        Reader.Accepted(body).Reports.Single(r => r.Identifier.Value == "ACC-2").Specimen!;
}
