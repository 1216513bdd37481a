using System.Text.Json.Nodes;
using TumorBoard.Core.Alterations;
using TumorBoard.Core.Patients;
using TumorBoard.TestSupport.Fhir;
using static TumorBoard.Fhir.Tests.Knowledge.FhirGolden;

namespace TumorBoard.Fhir.Tests.Knowledge;

/// <summary>Issue 10 golden cases through the FHIR reader: the codings hospitals really send, and the trap beside each.</summary>
public class KnowledgeClaimsThroughFhirTests
{
    [Fact]
    public void Given_a_colon_cancer_coded_C18_7_with_BRAF_V600E_Then_encorafenib_cetuximab_fires_with_a_histology_caveat_and_dabrafenib_trametinib_does_not()
    {
        var (bundle, result) = Evaluate(Patient(Icd10Cm, "C18.7", "Malignant neoplasm of sigmoid colon", TestSite.Colon)
            .Report(new TestReport("ACC-1", TestSite.Colon, Diagnosed, [new TestVariant("BRAF", "p.Val600Glu", null, 0.3m)]))
            .ToJson());

        Assert.Equal("BOWEL", bundle.Diagnosis?.TumorType?.OncotreeCode);
        var match = Fired(result, "CRC-BRAF-V600E/encorafenib+cetuximab");
        Assert.Contains(match.Caveats, c => c.Contains("histology not coded", StringComparison.Ordinal) && c.Contains("COADREAD", StringComparison.Ordinal));
        NotFired(result, "AGNOSTIC-BRAF-V600E/");
    }

    [Fact]
    public void Given_a_carcinoma_of_breast_by_SNOMED_with_ERBB2_amplification_Then_breast_HER2_rules_fire_and_the_all_solid_rule_excluding_breast_does_not()
    {
        var (_, result) = Evaluate(Patient(Snomed, "254838004", "Carcinoma of breast (disorder)", TestSite.Breast)
            .Report(new TestReport("ACC-1", TestSite.Breast, Diagnosed, [new TestCopyNumber("ERBB2", 14)]))
            .ToJson());

        Assert.Contains("histology-assumed", Fired(result, "BREAST-ERBB2-AMP/trastuzumab").Flags);
        NotFired(result, "SOLID-ERBB2-AMP/");
    }

    [Theory]
    [InlineData("H3-3A", null)]
    [InlineData("H3F3A", null)]
    [InlineData("Histone H3.3", "4764")]
    [InlineData("H3F3A", "HGNC:4764")]
    public void Given_a_diffuse_midline_glioma_with_histone_H3_K27M_named_by_any_symbol_or_HGNC_id_Then_dordaviprone_fires(string display, string? hgncCode)
    {
        var json = Patient(OncoTree, "DMG", "Diffuse Midline Glioma, H3 K27-Altered", Brain)
            .Report(new TestReport("ACC-1", Brain, Diagnosed, [new TestVariant(display, "p.Lys27Met", null, 0.4m)]))
            .ToJson();
        if (hgncCode is not null)
        {
            json = WithGeneCode(json, display, hgncCode);
        }

        var (bundle, result) = Evaluate(json);

        Assert.Equal("H3-3A", Assert.Single(bundle.Reports[0].Alterations).Gene);
        Assert.Equal(Core.Rules.EvidenceLevel.Level1, Fired(result, "DMG-H3-K28M/dordaviprone").Level);
    }

    [Fact]
    public void Given_KIT_D816V_in_GIST_after_imatinib_Then_sunitinib_is_not_offered_as_sensitive_for_it_and_imatinib_resistance_is_shown()
    {
        var (_, result) = Evaluate(Patient(OncoTree, "GIST", "Gastrointestinal Stromal Tumor", Stomach)
            .Therapy("imatinib 400 mg", Diagnosed, Later.AddMonths(-1))
            .Report(new TestReport("ACC-1", Stomach, Later, [new TestVariant("KIT", "p.Asp816Val", null, 0.2m)]))
            .ToJson());

        NotFired(result, "GIST-KIT-SECONDARY/");
        NotFired(result, "GIST-KIT-AFTER-IMATINIB/");
        Fired(result, "GIST-KIT-SECONDARY-RES/imatinib");
        Assert.Equal(Core.Rules.EvidenceLevel.Level4, Fired(result, "GIST-KIT-EX17-18/nilotinib").Level);
    }

    [Fact]
    public void Given_BCR_ABL1_with_T315I_in_CML_Then_ponatinib_and_asciminib_are_level_1_and_imatinib_is_flagged_in_conflict()
    {
        var blood = new TestSite("14016003", "Bone marrow structure", "119359002", "Bone marrow specimen");
        var (_, result) = Evaluate(Patient(OncoTree, "CML", "Chronic Myelogenous Leukemia", blood)
            .Report(new TestReport("ACC-1", blood, Diagnosed, [new TestFusion("BCR", "ABL1"), new TestVariant("ABL1", "p.Thr315Ile", null, 0.3m)]))
            .ToJson());

        Fired(result, "ABL1-T315I/ponatinib");
        Fired(result, "CML-ABL1-T315I/asciminib");
        Assert.True(Fired(result, "CML-BCR-ABL1/imatinib").InConflict);
        Assert.True(Fired(result, "ABL1-T315I-RES/imatinib").InConflict);
    }

    [Fact]
    public void Given_a_breast_tumour_specimen_whose_only_finding_is_a_germline_BRCA2_variant_Then_the_sample_stays_a_tumour_sample_and_the_germline_rule_fires()
    {
        var (bundle, result) = Evaluate(Patient(OncoTree, "IDC", "Breast Invasive Ductal Carcinoma", TestSite.Breast)
            .Report(new TestReport("ACC-1", TestSite.Breast, Diagnosed, [new TestVariant("BRCA2", "p.Ser1982ArgfsTer22", null, 0.5m, Origin: "germline")]))
            .ToJson());

        Assert.Equal(SpecimenRole.Primary, bundle.Reports[0].Specimen!.Role);
        Assert.Equal(VariantOrigin.Germline, Assert.Single(bundle.Reports[0].Alterations).Origin);
        Fired(result, "BREAST-BRCA-GERMLINE/olaparib");
    }

    [Fact]
    public void Given_an_ATM_nonsense_variant_only_in_plasma_in_prostate_cancer_Then_olaparib_carries_the_clonal_haematopoiesis_caveat()
    {
        var (_, result) = Evaluate(Patient(OncoTree, "PRAD", "Prostate Adenocarcinoma", Prostate)
            .Report(new TestReport("ACC-1", Prostate, Diagnosed, [new TestVariant("TP53", "p.Arg175His", null, 0.3m)]))
            .Report(new TestReport("ACC-2", TestSite.Plasma, Later, [new TestVariant("ATM", "p.Arg2993Ter", null, 0.02m)]))
            .ToJson());

        var olaparib = Fired(result, "PRAD-ATM/olaparib");
        Assert.Contains("possible-clonal-haematopoiesis", olaparib.Flags);
        Assert.Contains(olaparib.Caveats, c => c.Contains("confirm in tissue", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_the_same_ATM_variant_in_the_prostate_tissue_too_Then_there_is_no_clonal_haematopoiesis_caveat()
    {
        var (_, result) = Evaluate(Patient(OncoTree, "PRAD", "Prostate Adenocarcinoma", Prostate)
            .Report(new TestReport("ACC-1", Prostate, Diagnosed, [new TestVariant("ATM", "p.Arg2993Ter", null, 0.2m)]))
            .Report(new TestReport("ACC-2", TestSite.Plasma, Later, [new TestVariant("ATM", "p.Arg2993Ter", null, 0.02m)]))
            .ToJson());

        Assert.DoesNotContain("possible-clonal-haematopoiesis", Fired(result, "PRAD-ATM/olaparib").Flags);
    }

    [Theory]
    [InlineData(0.49, true)]
    [InlineData(0.95, true)]
    [InlineData(0.15, false)]
    public void Given_a_BRCA2_frameshift_of_unknown_origin_from_tumour_only_sequencing_Then_a_germline_referral_follows_the_VAF_rule(double vaf, bool referred)
    {
        var (_, result) = Evaluate(Patient(OncoTree, "IDC", "Breast Invasive Ductal Carcinoma", TestSite.Breast)
            .Report(new TestReport("ACC-1", TestSite.Breast, Diagnosed, [new TestVariant("BRCA2", "p.Ser1982ArgfsTer22", null, (decimal)vaf, Origin: "unknown")]))
            .ToJson());

        Assert.Equal(referred, result.GermlineReferrals.Any(r => r.Gene == "BRCA2"));
        Assert.Equal(referred, result.Warnings.Any(w => w.Contains("consider germline testing", StringComparison.Ordinal)));
    }

    [Fact]
    public void Given_HER2_amplified_gastric_cancer_Then_trastuzumab_is_level_1_only_with_chemotherapy()
    {
        var (_, result) = Evaluate(Patient(OncoTree, "STAD", "Stomach Adenocarcinoma", Stomach)
            .Report(new TestReport("ACC-1", Stomach, Diagnosed, [new TestCopyNumber("ERBB2", 12)]))
            .ToJson());

        var match = Fired(result, "EGC-ERBB2-AMP/trastuzumab+chemotherapy");
        Assert.Equal(["chemotherapy"], match.With);
        NotFired(result, "EGC-ERBB2-AMP/trastuzumab");
    }

    private static string WithGeneCode(string json, string display, string code)
    {
        var root = JsonNode.Parse(json)!;
        foreach (var entry in root["entry"]!.AsArray())
        {
            foreach (var component in entry!["resource"]!["component"]?.AsArray() ?? [])
            {
                var coding = component!["valueCodeableConcept"]?["coding"]?[0];
                if (coding?["system"]?.GetValue<string>() == "http://www.genenames.org" && coding["display"]?.GetValue<string>() == display)
                {
                    coding["code"] = code;
                }
            }
        }

        return root.ToJsonString();
    }
}
