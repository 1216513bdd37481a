using TumorBoard.Core.Alterations;
using TumorBoard.Core.Ingestion;
using TumorBoard.Core.Patients;

namespace TumorBoard.Fhir.Tests;

public class ShapeFixtureTests
{
    [Fact]
    public void Stu2_mcode_bundle_reads_gene_id_system_panel_biomarkers_and_amended_status()
    {
        var bundle = Reader.Accepted(TestFiles.Fixture("stu2-mcode.json"));
        var report = Assert.Single(bundle.Reports);

        Assert.Equal("amended", report.Status);
        Assert.Equal(["KRAS G12C", "MET exon 14 skipping", "PTEN deletion", "TMB", "MSI-H"], report.Alterations.Select(a => a.Key));
        Assert.Equal(["KRAS", "MET", "PTEN", "EGFR"], report.PanelGenes);
        Assert.Equal(("c.34G>T", "NM_004985.5"), (report.Alterations[0].CodingChange, report.Alterations[0].Transcript));
        Assert.True(report.Alterations[1].Interpreted);
        Assert.Equal((CnaCall.Deletion, 0m), (report.Alterations[2].CnaCall!.Value, report.Alterations[2].CopyNumber!.Value));
        Assert.Equal(4m, report.Alterations[3].Value);
    }

    [Fact]
    public void Stu2_icd10_condition_maps_by_category_and_a_lung_specimen_is_primary()
    {
        var bundle = Reader.Accepted(TestFiles.Fixture("stu2-mcode.json"));

        Assert.Equal("LUNG", bundle.Diagnosis!.TumorType!.OncotreeCode);
        Assert.Equal(SpecimenRole.Primary, bundle.Reports[0].Specimen!.Role);
    }

    [Fact]
    public void Stu2_lab_implications_are_kept_as_the_labs_annotations()
    {
        var annotation = Assert.Single(Reader.Accepted(TestFiles.Fixture("stu2-mcode.json")).Reports[0].LabAnnotations);

        Assert.Equal(new LabAnnotation("therapeutic", "sotorasib", "Responsive", "Tier I - Level A", null), annotation);
    }

    [Fact]
    public void An_unknown_rxnorm_code_is_kept_as_the_code_with_a_warning()
    {
        var bundle = Reader.Accepted(TestFiles.Fixture("stu2-mcode.json"));

        Assert.Equal(["rxnorm:999999001"], Assert.Single(bundle.PriorTherapies).Drugs);
        Assert.Contains(bundle.Issues, i => i is { Severity: IssueSeverity.Warning, Expression: "Bundle.entry[11].resource.medication" });
    }

    [Fact]
    public void Stu3_genomic_study_gives_the_panel_and_the_tumour_specimen_of_a_tumour_normal_pair()
    {
        var report = Assert.Single(Reader.Accepted(TestFiles.Fixture("stu3-genomic-study.json")).Reports);

        Assert.Equal(["EGFR", "ALK", "ROS1", "KRAS"], report.PanelGenes);
        Assert.Equal("tumor", report.Specimen!.FhirId);
    }

    [Fact]
    public void Stu3_single_gene_fusion_and_grouped_exon19_deletion_are_read()
    {
        var report = Reader.Accepted(TestFiles.Fixture("stu3-genomic-study.json")).Reports[0];

        Assert.Equal(["ROS1 fusion", "EGFR E746_A750del"], report.Alterations.Select(a => a.Key));
        Assert.Equal(["ROS1"], report.Alterations[0].FusionGenes);
        Assert.Equal(AlterationKind.Indel, report.Alterations[1].Kind);
    }

    [Fact]
    public void Without_a_condition_the_tumour_type_comes_from_the_orders_reason_code()
    {
        var bundle = Reader.Accepted(TestFiles.Fixture("stu3-genomic-study.json"));

        Assert.Equal(new TumorType("LUAD", "Lung Adenocarcinoma"), bundle.Diagnosis!.TumorType);
        Assert.Contains(bundle.Issues, i => i.Expression == "Bundle.entry[1].resource.reasonCode[0]");
    }

    [Fact]
    public void Without_a_primary_site_the_specimen_role_is_unknown_with_a_warning()
    {
        var bundle = Reader.Accepted(TestFiles.Fixture("stu3-genomic-study.json"));

        Assert.Equal(SpecimenRole.Unknown, bundle.Reports[0].Specimen!.Role);
        Assert.Contains(bundle.Issues, i => i is { Severity: IssueSeverity.Warning, Code: "incomplete", Expression: "Bundle.entry[2].resource" });
    }

    [Fact]
    public void A_report_identifier_without_system_is_used_with_a_warning()
    {
        var bundle = Reader.Accepted(TestFiles.Fixture("stu3-genomic-study.json"));

        Assert.Equal(new BusinessIdentifier(string.Empty, "23-0000999"), bundle.Reports[0].Identifier);
        Assert.Contains(bundle.Issues, i => i.Expression == "Bundle.entry[6].resource.identifier[0]");
    }

    [Fact]
    public void Given_a_plasma_specimen_in_a_somatic_report_Then_the_role_is_ctdna()
    {
        var bundle = Reader.Accepted(TestFiles.Fixture("ctdna-plasma.json"));
        var report = Assert.Single(bundle.Reports);

        Assert.Equal(SpecimenRole.Ctdna, report.Specimen!.Role);
        Assert.Equal("BREAST", bundle.Diagnosis!.TumorType!.OncotreeCode);
    }

    [Fact]
    public void Percent_vaf_is_divided_by_100_and_absent_variants_are_not_alterations()
    {
        var report = Reader.Accepted(TestFiles.Fixture("ctdna-plasma.json")).Reports[0];

        var esr1 = Assert.Single(report.Alterations);
        Assert.Equal(("ESR1 Y537S", 0.009m, VariantOrigin.Somatic), (esr1.Key, esr1.Vaf, esr1.Origin));
    }

    [Fact]
    public void Xml_bundle_reads_like_its_json_equivalent()
    {
        var bundle = Reader.Accepted(TestFiles.Fixture("paired-lung.xml"), FhirFormat.Xml);
        var report = Assert.Single(bundle.Reports);

        Assert.Equal(new BusinessIdentifier("urn:test:mrn", "MRN-1001"), Assert.Single(bundle.Patient!.Identifiers));
        Assert.Equal(["EGFR L858R"], report.Alterations.Select(a => a.Key));
        Assert.Equal(0.34m, report.Alterations[0].Vaf);
        Assert.Equal(SpecimenRole.Primary, report.Specimen!.Role);
        Assert.Equal("NSCLC", bundle.Diagnosis!.TumorType!.OncotreeCode);
    }
}
