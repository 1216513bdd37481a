using TumorBoard.Core.Alterations;
using TumorBoard.Core.Patients;
using TumorBoard.Core.Trials.Evaluation;
using static TumorBoard.KnowledgeBase.Tests.Trials.TrialAssert;
using static TumorBoard.KnowledgeBase.Tests.Trials.TrialPatientBuilder;

namespace TumorBoard.KnowledgeBase.Tests.Trials;

/// <summary>Near misses: each exclusion fires on a patient who otherwise fits, and tumour-type exclusions keep patients out.</summary>
public class ExclusionTests
{
    [Fact]
    public void Given_BRAF_V600E_melanoma_When_evaluated_Then_it_is_not_eligible_for_MATCH_arm_H()
    {
        var arm = Arm(Evaluate(Tumor("SKCM").Mutation("BRAF", "V600E")), "NCI-MATCH", "H");

        Status(EligibilityStatus.Ineligible, arm);
        Criterion(arm, "Not melanoma", CriterionOutcome.Unmet);
    }

    [Fact]
    public void Given_BRAF_V600E_lung_adenocarcinoma_When_evaluated_Then_the_NSCLC_amendment_excludes_arm_H()
    {
        var arm = Arm(Evaluate(Tumor("LUAD").Mutation("BRAF", "V600E")), "NCI-MATCH", "H");

        Status(EligibilityStatus.Ineligible, arm);
        Criterion(arm, "Not NSCLC", CriterionOutcome.Unmet);
        Criterion(arm, "Not melanoma", CriterionOutcome.Met);
    }

    [Theory]
    [InlineData("J")]
    [InlineData("Q")]
    public void Given_HER2_amplified_breast_cancer_When_evaluated_Then_it_is_not_eligible_for_arm(string armId)
    {
        var arm = Arm(Evaluate(Tumor("IDC").Amplification("ERBB2", 25).CompleteHistory()), "NCI-MATCH", armId);

        Status(EligibilityStatus.Ineligible, arm);
        Criterion(arm, "Not breast", CriterionOutcome.Unmet);
    }

    [Fact]
    public void Given_squamous_NSCLC_with_PIK3CA_When_evaluated_Then_it_fits_Lung_MAP_S1400B_and_MATCH_taselisib_arm_I_stays_a_check()
    {
        var evaluation = Evaluate(Tumor("LUSC").Mutation("PIK3CA", "E545K").Had("carboplatin"));

        Status(EligibilityStatus.Eligible, Arm(evaluation, "Lung-MAP", "S1400B"));
        var taselisib = Arm(evaluation, "NCI-MATCH", "I");
        Status(EligibilityStatus.Potential, taselisib);
        Criterion(taselisib, "squamous NSCLC are not excluded", CriterionOutcome.Unknown);
    }

    [Fact]
    public void Given_PIK3CA_lung_adenocarcinoma_When_evaluated_Then_squamous_only_S1400B_is_not_offered()
    {
        var evaluation = Evaluate(Tumor("LUAD").Mutation("PIK3CA", "E545K").Had("carboplatin"));

        NotReturned(evaluation, "Lung-MAP", "S1400B");
    }

    [Fact]
    public void Prior_HER2_directed_therapy_excludes_arm_J()
    {
        var arm = Arm(Evaluate(Tumor("BLCA").Amplification("ERBB2", 20).Had("trastuzumab deruxtecan")), "NCI-MATCH", "J");

        Status(EligibilityStatus.Ineligible, arm);
        Criterion(arm, "No prior HER2-directed therapy", CriterionOutcome.Unmet);
    }

    [Fact]
    public void Prior_T_DM1_excludes_arm_Q()
    {
        var arm = Arm(Evaluate(Tumor("BLCA").Amplification("ERBB2", 20).Had("trastuzumab emtansine")), "NCI-MATCH", "Q");

        Criterion(arm, "No prior trastuzumab, pertuzumab or T-DM1", CriterionOutcome.Unmet);
    }

    [Fact]
    public void An_ERBB2_amplification_below_seven_copies_fails_the_MATCH_copy_number_rule()
    {
        var arm = Arm(Evaluate(Tumor("BLCA").Amplification("ERBB2", 5).CompleteHistory()), "NCI-MATCH", "Q");

        Status(EligibilityStatus.Ineligible, arm);
        Criterion(arm, "ERBB2 copy number >= 7", CriterionOutcome.Unmet);
    }

    [Fact]
    public void An_amplification_call_without_a_copy_number_leaves_arm_J_potential()
    {
        var arm = Arm(Evaluate(Tumor("BLCA").Amplification("ERBB2").CompleteHistory()), "NCI-MATCH", "J");

        Status(EligibilityStatus.Potential, arm);
        Criterion(arm, "ERBB2 copy number >= 7", CriterionOutcome.Unknown);
    }

    [Fact]
    public void Urothelial_carcinoma_is_excluded_from_erdafitinib_arm_K1()
    {
        Criterion(Arm(Evaluate(Tumor("BLCA").Amplification("FGFR3", 9)), "NCI-MATCH", "K1"), "Not urothelial", CriterionOutcome.Unmet);
    }

    [Fact]
    public void A_KRAS_co_mutation_excludes_PTEN_arm_N_and_PIK3CA_arm_Z1F()
    {
        var evaluation = Evaluate(Tumor("UCEC").Mutation("PTEN", "R130*").Mutation("PIK3CA", "H1047R").Mutation("KRAS", "G12D").Marker(ClinicalMarker.Pten, MarkerStatus.Positive));

        Criterion(Arm(evaluation, "NCI-MATCH", "N"), "No PI3K/mTOR or MAPK pathway mutation", CriterionOutcome.Unmet);
        Criterion(Arm(evaluation, "NCI-MATCH", "Z1F"), "No KRAS mutation", CriterionOutcome.Unmet);
    }

    [Fact]
    public void PTEN_loss_by_IHC_excludes_the_expression_retained_arms_N_and_Z1H()
    {
        var evaluation = Evaluate(Tumor("UCEC").Mutation("PTEN", "R130*").Marker(ClinicalMarker.Pten, MarkerStatus.Negative));

        Status(EligibilityStatus.Ineligible, Arm(evaluation, "NCI-MATCH", "N"));
        Status(EligibilityStatus.Ineligible, Arm(evaluation, "NCI-MATCH", "Z1H"));
        Status(EligibilityStatus.Potential, Arm(evaluation, "NCI-MATCH", "Z1G"));
        Criterion(Arm(evaluation, "NCI-MATCH", "Z1G"), "PTEN loss by IHC", CriterionOutcome.Met);
    }

    [Fact]
    public void PTEN_mutation_without_an_IHC_result_is_potential_for_arm_N()
    {
        var arm = Arm(Evaluate(Tumor("UCEC").Mutation("PTEN", "R130*")), "NCI-MATCH", "N");

        Status(EligibilityStatus.Potential, arm);
        Criterion(arm, "PTEN expression retained", CriterionOutcome.Unknown);
    }

    [Fact]
    public void NRAS_mutant_melanoma_is_excluded_from_binimetinib_arm_Z1A()
    {
        Criterion(Arm(Evaluate(Tumor("SKCM").Mutation("NRAS", "Q61R")), "NCI-MATCH", "Z1A"), "Not melanoma", CriterionOutcome.Unmet);
    }

    [Fact]
    public void NRAS_A146T_is_outside_the_codon_12_13_61_arm_Z1A()
    {
        NotReturned(Evaluate(Tumor("COAD").Mutation("NRAS", "A146T")), "NCI-MATCH", "Z1A");
    }

    [Theory]
    [InlineData("IDC", false, "ribociclib", "Not breast cancer")]
    [InlineData("ESCC", true, "ribociclib", "No prior CDK4/6 inhibitor")]
    [InlineData("ESCC", false, "abemaciclib", "Rb expressed")]
    public void Each_Z1B_exclusion_fires_on_an_otherwise_fitting_patient(string tumor, bool rbLost, string priorDrug, string criterion)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        var patient = Tumor(tumor).Amplification("CCND1", 11).Marker(ClinicalMarker.Rb, rbLost || criterion.StartsWith("Rb", StringComparison.Ordinal) ? MarkerStatus.Negative : MarkerStatus.Positive);
        if (criterion.StartsWith("No prior", StringComparison.Ordinal))
        {
            patient.Had(priorDrug);
        }

        var arm = Arm(Evaluate(patient), "NCI-MATCH", "Z1B");

        Status(EligibilityStatus.Ineligible, arm);
        Criterion(arm, criterion, CriterionOutcome.Unmet);
    }

    [Fact]
    public void Mismatch_repair_deficient_colorectal_cancer_is_excluded_from_nivolumab_arm_Z1D()
    {
        var arm = Arm(Evaluate(Tumor("COAD").Marker(ClinicalMarker.Msh2, MarkerStatus.Negative)), "NCI-MATCH", "Z1D");

        Criterion(arm, "Not colorectal cancer", CriterionOutcome.Unmet);
    }

    [Fact]
    public void Prior_pembrolizumab_excludes_arm_Z1D()
    {
        var arm = Arm(Evaluate(Tumor("UEC").Marker(ClinicalMarker.Mlh1, MarkerStatus.Negative).Had("pembrolizumab")), "NCI-MATCH", "Z1D");

        Criterion(arm, "No prior anti-PD-1/PD-L1/CTLA-4", CriterionOutcome.Unmet);
    }

    [Fact]
    public void Mismatch_repair_proficient_tumours_are_not_offered_arm_Z1D()
    {
        NotReturned(Evaluate(Tumor("UEC").Marker(ClinicalMarker.Mlh1, MarkerStatus.Positive).Marker(ClinicalMarker.Msh2, MarkerStatus.Positive)), "NCI-MATCH", "Z1D");
    }

    [Fact]
    public void HER2_positive_breast_cancer_is_excluded_from_copanlisib_arm_Z1F_but_HER2_negative_is_not()
    {
        var positive = Arm(Evaluate(Tumor("IDC").Mutation("PIK3CA", "H1047R").Marker(ClinicalMarker.Her2, MarkerStatus.Positive)), "NCI-MATCH", "Z1F");
        var negative = Arm(Evaluate(Tumor("IDC").Mutation("PIK3CA", "H1047R").Marker(ClinicalMarker.Her2, MarkerStatus.Negative)), "NCI-MATCH", "Z1F");

        Criterion(positive, "Not HER2-positive breast cancer", CriterionOutcome.Unmet);
        Status(EligibilityStatus.Eligible, negative);
    }

    [Fact]
    public void BRAF_V600E_is_arm_H_material_not_the_non_V600_arm_R()
    {
        var evaluation = Evaluate(Tumor("CHOL").Mutation("BRAF", "V600E"));

        NotReturned(evaluation, "NCI-MATCH", "R");
        Arm(evaluation, "NCI-MATCH", "H");
    }

    [Fact]
    public void Somatic_BRCA2_does_not_select_the_germline_olaparib_arm_of_SAFIR02_Breast()
    {
        NotReturned(Evaluate(Tumor("IDC").Mutation("BRCA2", "S1982Rfs*22", VariantOrigin.Somatic)), "SAFIR02-Breast", "olaparib");
    }

    [Fact]
    public void HER2_positive_breast_cancer_is_excluded_from_SAFIR02_Breast()
    {
        var arm = Arm(Evaluate(Tumor("IDC").Mutation("BRCA1", "Q1756Pfs*74", VariantOrigin.Germline).Marker(ClinicalMarker.Her2, MarkerStatus.Positive)), "SAFIR02-Breast", "olaparib");

        Criterion(arm, "HER2 non-overexpressing", CriterionOutcome.Unmet);
    }
}
