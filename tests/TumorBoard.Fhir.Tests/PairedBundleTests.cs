using TumorBoard.Core.Alterations;
using TumorBoard.Core.Ingestion;
using TumorBoard.Core.Patients;

namespace TumorBoard.Fhir.Tests;

public class PairedBundleTests
{
    private readonly ParsedBundle _bundle = Reader.Accepted(TestFiles.Fixture("paired-lung-liver.json"));

    private ParsedReport Primary => _bundle.Reports.Single(r => r.Identifier.Value == "ACC-1");

    private ParsedReport Metastasis => _bundle.Reports.Single(r => r.Identifier.Value == "ACC-2");

    [Fact]
    public void Patient_is_keyed_by_its_identifier_and_keeps_only_sex_and_birth_date()
    {
        Assert.Equal([new BusinessIdentifier("urn:test:mrn", "MRN-1001")], _bundle.Patient!.Identifiers);
        Assert.Equal("female", _bundle.Patient.Sex);
        Assert.Equal(new DateOnly(1961, 4, 12), _bundle.Patient.BirthDate);
    }

    [Fact]
    public void Given_a_lung_primary_condition_Then_the_tumour_type_maps_through_the_snomed_crosswalk()
    {
        Assert.Equal(new TumorType("NSCLC", "Non-Small Cell Lung Cancer"), _bundle.Diagnosis!.TumorType);
        Assert.Equal(("http://snomed.info/sct", "254637007"), (_bundle.Diagnosis.SourceSystem, _bundle.Diagnosis.SourceCode));
        Assert.Equal("Lung structure", _bundle.Diagnosis.PrimarySite);
        Assert.Equal(["Liver structure"], _bundle.Diagnosis.MetastaticSites);
    }

    [Fact]
    public void Given_an_icd_o_3_adenocarcinoma_morphology_Then_the_lung_tumour_type_is_refined_to_luad()
    {
        var body = Mutations.Of("paired-lung-liver.json", b => Mutations.Resource(b, 1)["extension"] = System.Text.Json.Nodes.JsonNode.Parse(
            "[{\"url\": \"http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-histology-morphology-behavior\", \"valueCodeableConcept\": {\"coding\": [{\"system\": \"http://terminology.hl7.org/CodeSystem/icd-o-3\", \"code\": \"8140/3\"}]}}]"));

        Assert.Equal("LUAD", Reader.Accepted(body).Diagnosis!.TumorType!.OncotreeCode);
    }

    [Fact]
    public void Given_a_small_cell_morphology_on_an_nsclc_code_Then_the_code_wins_with_a_warning()
    {
        var body = Mutations.Of("paired-lung-liver.json", b => Mutations.Resource(b, 1)["extension"] = System.Text.Json.Nodes.JsonNode.Parse(
            "[{\"url\": \"http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-histology-morphology-behavior\", \"valueCodeableConcept\": {\"coding\": [{\"system\": \"http://terminology.hl7.org/CodeSystem/icd-o-3\", \"code\": \"8041/3\"}]}}]"));

        var bundle = Reader.Accepted(body);

        Assert.Equal("NSCLC", bundle.Diagnosis!.TumorType!.OncotreeCode);
        Assert.Contains(bundle.Issues, i => i is { Severity: IssueSeverity.Warning, Expression: "Bundle.entry[1].resource.extension" });
    }

    [Fact]
    public void Given_a_right_lung_biopsy_and_a_lung_primary_Then_the_specimen_is_primary()
    {
        var specimen = Primary.Specimen!;

        Assert.Equal(SpecimenRole.Primary, specimen.Role);
        Assert.Contains("matches the primary", specimen.RoleReason, StringComparison.Ordinal);
        Assert.Equal("Right lung structure", specimen.Site);
        Assert.Equal(new DateTimeOffset(2023, 1, 10, 0, 0, 0, TimeSpan.Zero), specimen.CollectedAt);
    }

    [Fact]
    public void Given_a_liver_specimen_and_a_liver_secondary_condition_Then_the_specimen_is_a_metastasis()
    {
        var specimen = Metastasis.Specimen!;

        Assert.Equal(SpecimenRole.Metastasis, specimen.Role);
        Assert.Contains("metastatic site", specimen.RoleReason, StringComparison.Ordinal);
        Assert.Equal("Liver", specimen.Site);
    }

    [Fact]
    public void Report_status_dates_and_identifier_are_read()
    {
        Assert.Equal("final", Metastasis.Status);
        Assert.False(Metastasis.IdentifierIsDerived);
        Assert.Equal(new DateTimeOffset(2024, 3, 12, 8, 30, 0, TimeSpan.Zero), Metastasis.IssuedAt);
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 0, 0, 0, TimeSpan.Zero), Metastasis.EffectiveAt);
    }

    [Fact]
    public void Primary_report_has_the_variant_tmb_and_msi_with_urn_and_relative_references()
    {
        Assert.Equal(["EGFR L858R", "TMB", "MSS"], Primary.Alterations.Select(a => a.Key));
        var l858r = Primary.Alterations[0];
        Assert.Equal(("EGFR", AlterationKind.Snv, "c.2573T>G", "NM_005228.4"), (l858r.Gene, l858r.Kind, l858r.CodingChange, l858r.Transcript));
        Assert.Equal((0.34m, VariantOrigin.Somatic), (l858r.Vaf, l858r.Origin));
        Assert.Equal(12.5m, Primary.Alterations[1].Value);
    }

    [Fact]
    public void Metastasis_report_normalises_every_alteration_kind()
    {
        var byKey = Metastasis.Alterations.ToDictionary(a => a.Key);

        Assert.Equal(["EGFR L858R", "EGFR T790M", "ERBB2 amplification", "EML4::ALK", "FOO9 R123C"], Metastasis.Alterations.Select(a => a.Key));
        Assert.Equal(0.28m, byKey["EGFR L858R"].Vaf);
        Assert.Equal(0.12m, byKey["EGFR T790M"].Vaf);
        Assert.Equal((AlterationKind.Cna, CnaCall.Amplification, 8m), (byKey["ERBB2 amplification"].Kind, byKey["ERBB2 amplification"].CnaCall, byKey["ERBB2 amplification"].CopyNumber));
        Assert.Equal(["EML4", "ALK"], byKey["EML4::ALK"].FusionGenes);
        Assert.Equal(("ALK", AlterationKind.Fusion), (byKey["EML4::ALK"].Gene, byKey["EML4::ALK"].Kind));
    }

    [Fact]
    public void Given_an_unknown_gene_Then_the_alteration_is_kept_uninterpreted_with_a_located_warning()
    {
        var unknown = Metastasis.Alterations.Single(a => a.Gene == "FOO9");

        Assert.False(unknown.Interpreted);
        Assert.All(Metastasis.Alterations.Where(a => a.Gene != "FOO9"), a => Assert.True(a.Interpreted));
        var warning = Assert.Single(_bundle.Issues, i => i.Diagnostics.Contains("FOO9", StringComparison.Ordinal));
        Assert.Equal((IssueSeverity.Warning, "Bundle.entry[14].resource.component[0]"), (warning.Severity, warning.Expression));
    }

    [Fact]
    public void Prior_therapies_are_inns_and_drugs_given_together_form_one_combination()
    {
        var therapies = _bundle.PriorTherapies;

        Assert.Equal(3, therapies.Count);
        Assert.Equal(["erlotinib"], therapies[0].Drugs);
        Assert.Equal(new DateTimeOffset(2024, 2, 15, 0, 0, 0, TimeSpan.Zero), therapies[0].End);
        Assert.Equal(["carboplatin", "pemetrexed"], therapies[1].Drugs);
        Assert.Null(therapies[1].End);
    }

    [Fact]
    public void An_unknown_drug_is_kept_lower_cased_with_a_warning()
    {
        Assert.Contains(_bundle.PriorTherapies, t => t.Drugs.SequenceEqual(["zorbatinib"]));
        Assert.Contains(_bundle.Issues, i => i.Severity == IssueSeverity.Warning && i.Expression == "Bundle.entry[18].resource.medication");
    }

    [Fact]
    public void Stored_fhir_holds_the_report_with_its_results_and_specimen()
    {
        using var json = System.Text.Json.JsonDocument.Parse(Metastasis.FhirJson);
        var types = json.RootElement.GetProperty("entry").EnumerateArray()
            .Select(e => e.GetProperty("resource").GetProperty("resourceType").GetString())
            .ToList();

        Assert.Equal("Bundle", json.RootElement.GetProperty("resourceType").GetString());
        Assert.Equal(["DiagnosticReport", "Observation", "Observation", "Observation", "Observation", "Observation", "Specimen"], types);
    }
}
