using System.Text.Json.Nodes;
using TumorBoard.Core.Ingestion;
using TumorBoard.Core.Patients;

namespace TumorBoard.Fhir.Tests;

/// <summary>
/// The mCODE STU1 example resources (vendored in tests/fixtures/mcode-stu1-json) assembled at test time into one collection Bundle,
/// referenced the way the examples reference each other (<c>Type/id</c>).
/// </summary>
public class McodeStu1ExampleTests
{
    private static readonly string[] Files =
    [
        "Patient-mCODEPatientExample01.json",
        "Condition-mCODEPrimaryCancerConditionExample01.json",
        "Condition-mCODESecondaryCancerConditionExample01.json",
        "Specimen-mCODEGeneticSpecimenExample01.json",
        "DiagnosticReport-mCODECancerGenomicsReportExample01.json",
        "Observation-mCODECancerGeneticVariantExample01.json",
        "Observation-mCODEGenomicRegionStudiedExample01.json",
        "MedicationStatement-mCODECancerRelatedMedicationStatementExample01.json",
    ];

    private readonly ParsedBundle _bundle = Reader.Parsed(Assemble());

    [Fact]
    public void Patient_and_primary_cancer_are_read_and_the_histology_morphology_refines_nsclc_to_luad()
    {
        Assert.Equal(new BusinessIdentifier("http://hospital.example.org", "m123"), Assert.Single(_bundle.Patient!.Identifiers));
        Assert.Equal("LUAD", _bundle.Diagnosis!.TumorType!.OncotreeCode);
        Assert.Equal("254637007", _bundle.Diagnosis.SourceCode);
        Assert.Equal("39607008", _bundle.Diagnosis.PrimarySite);
    }

    [Fact]
    public void A_variant_given_only_as_genomic_hgvs_and_clinvar_id_cannot_be_interpreted_so_the_report_is_unprocessable()
    {
        var report = Assert.Single(_bundle.Reports);

        Assert.False(Assert.Single(report.Alterations).Interpreted);
        var error = Assert.Single(_bundle.Issues, i => i.Severity == IssueSeverity.Error);
        Assert.Equal(("processing", "Bundle.entry[4].resource"), (error.Code, error.Expression));
    }

    [Fact]
    public void Body_sites_given_as_bare_snomed_codes_leave_the_role_unknown_with_a_warning()
    {
        Assert.Equal(SpecimenRole.Unknown, _bundle.Reports[0].Specimen!.Role);
        Assert.Contains(_bundle.Issues, i => i is { Severity: IssueSeverity.Warning, Expression: "Bundle.entry[3].resource" });
    }

    [Fact]
    public void An_unresolvable_panel_gene_is_left_out_with_a_warning()
    {
        Assert.Null(_bundle.Reports[0].PanelGenes);
        Assert.Contains(_bundle.Issues, i => i is { Severity: IssueSeverity.Warning, Expression: "Bundle.entry[6].resource.component[0]" });
    }

    private static string Assemble()
    {
        var entries = new JsonArray();
        foreach (var file in Files)
        {
            var resource = JsonNode.Parse(TestFiles.VendoredFile($"mcode-stu1-json/{file}"))!.AsObject();
            entries.Add(new JsonObject
            {
                ["fullUrl"] = $"http://example.org/fhir/{resource["resourceType"]}/{resource["id"]}",
                ["resource"] = resource,
            });
        }

        return new JsonObject { ["resourceType"] = "Bundle", ["type"] = "collection", ["entry"] = entries }.ToJsonString();
    }
}
