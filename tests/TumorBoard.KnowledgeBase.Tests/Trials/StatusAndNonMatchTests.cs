using TumorBoard.Core.Alterations;
using TumorBoard.Core.Patients;
using TumorBoard.Core.Trials;
using TumorBoard.Core.Trials.Evaluation;
using static TumorBoard.KnowledgeBase.Tests.Trials.TrialAssert;
using static TumorBoard.KnowledgeBase.Tests.Trials.TrialPatientBuilder;

namespace TumorBoard.KnowledgeBase.Tests.Trials;

/// <summary>Eligible vs potential vs ineligible, arm-status overrides, Lung-MAP's non-match logic and PADA-1's rising ESR1.</summary>
public class StatusAndNonMatchTests
{
    private static TrialPatientBuilder Pada1Patient(bool? acquired) => Tumor("IDC").CtdnaMutation("ESR1", "Y537S", acquired)
        .Marker(ClinicalMarker.EstrogenReceptor, MarkerStatus.Positive).Marker(ClinicalMarker.Her2, MarkerStatus.Negative)
        .Receiving("anastrozole", "palbociclib");

    [Fact]
    public void Given_platinum_recorded_Then_S1400B_is_eligible_and_without_it_potential_because_therapy_was_not_reported()
    {
        var eligible = Arm(Evaluate(Tumor("LUSC").Mutation("PIK3CA", "H1047R").Had("carboplatin")), "Lung-MAP", "S1400B");
        var potential = Arm(Evaluate(Tumor("LUSC").Mutation("PIK3CA", "H1047R")), "Lung-MAP", "S1400B");
        var ineligible = Arm(Evaluate(Tumor("LUSC").Mutation("PIK3CA", "H1047R").CompleteHistory()), "Lung-MAP", "S1400B");

        Status(EligibilityStatus.Eligible, eligible);
        Status(EligibilityStatus.Potential, potential);
        Criterion(potential, "platinum", CriterionOutcome.Unknown);
        Status(EligibilityStatus.Ineligible, ineligible);
    }

    [Fact]
    public void Arm_status_comes_from_the_file_unless_a_coordinator_override_is_passed()
    {
        var patient = Tumor("IDC").Mutation("AKT1", "E17K");
        var overrides = new Dictionary<ArmKey, ArmStatus> { [new ArmKey("NCI-MATCH", "Y")] = ArmStatus.Open };

        Assert.Equal(ArmStatus.Closed, Arm(Evaluate(patient), "NCI-MATCH", "Y").ArmStatus);
        Assert.Equal(ArmStatus.Open, Arm(Evaluate(patient, overrides), "NCI-MATCH", "Y").ArmStatus);
    }

    [Fact]
    public void Given_a_closed_biomarker_sub_study_Then_the_non_match_arm_S1400A_is_offered_too()
    {
        var evaluation = Evaluate(Tumor("LUSC").Mutation("PIK3CA", "H1047R").Had("carboplatin"));

        Arm(evaluation, "Lung-MAP", "S1400B");
        Criterion(Arm(evaluation, "Lung-MAP", "S1400A"), "no open biomarker arm fits", CriterionOutcome.Met);
    }

    [Fact]
    public void Given_an_open_biomarker_sub_study_the_patient_fits_Then_the_non_match_arm_is_not_offered()
    {
        var overrides = new Dictionary<ArmKey, ArmStatus> { [new ArmKey("Lung-MAP", "S1400B")] = ArmStatus.Open };

        var evaluation = Evaluate(Tumor("LUSC").Mutation("PIK3CA", "H1047R").Had("carboplatin"), overrides);

        Status(EligibilityStatus.Eligible, Arm(evaluation, "Lung-MAP", "S1400B"));
        NotReturned(evaluation, "Lung-MAP", "S1400A");
        NotReturned(evaluation, "Lung-MAP", "S1400F");
    }

    [Fact]
    public void Given_an_open_biomarker_sub_study_the_patient_may_fit_Then_the_non_match_arm_is_only_potential()
    {
        var overrides = new Dictionary<ArmKey, ArmStatus> { [new ArmKey("Lung-MAP", "S1400B")] = ArmStatus.Open };

        var evaluation = Evaluate(Tumor("LUSC").Mutation("PIK3CA", "H1047R"), overrides);

        Status(EligibilityStatus.Potential, Arm(evaluation, "Lung-MAP", "S1400B"));
        Status(EligibilityStatus.Potential, Arm(evaluation, "Lung-MAP", "S1400A"));
    }

    [Fact]
    public void Non_match_arms_need_a_known_tumour_of_their_population()
    {
        var unknown = Evaluate(Tumor(null).Mutation("TP53", "R273H"));
        var breast = Evaluate(Tumor("IDC").Mutation("TP53", "R273H"));

        Assert.DoesNotContain(unknown.Arms, a => a.TrialId == "Lung-MAP");
        Assert.DoesNotContain(breast.Arms, a => a.TrialId == "Lung-MAP");
        Assert.NotEmpty(unknown.Warnings);
    }

    [Fact]
    public void S1400F_requires_prior_anti_PD1_or_PDL1_therapy()
    {
        var none = Arm(Evaluate(Tumor("LUSC").CompleteHistory()), "Lung-MAP", "S1400F");

        Status(EligibilityStatus.Ineligible, none);
        Status(EligibilityStatus.Eligible, Arm(Evaluate(Tumor("LUSC").Had("nivolumab")), "Lung-MAP", "S1400F"));
    }

    [Fact]
    public void S1800A_refuses_an_EGFR_driver_without_its_targeted_therapy_and_accepts_it_after_osimertinib()
    {
        var untreated = Arm(Evaluate(Tumor("LUAD").Mutation("EGFR", "L858R").Had("pembrolizumab").RulesEvaluated()), "Lung-MAP", "S1800A");
        var treated = Arm(Evaluate(Tumor("LUAD").Mutation("EGFR", "L858R").Had("osimertinib").Had("pembrolizumab").RulesEvaluated()), "Lung-MAP", "S1800A");

        Status(EligibilityStatus.Ineligible, untreated);
        Criterion(untreated, "No EGFR, ALK, ROS1 or BRAF driver", CriterionOutcome.Unmet);
        Assert.Contains("EGFR L858R", untreated.Criteria.Single(c => c.Criterion.StartsWith("No EGFR", StringComparison.Ordinal)).Detail, StringComparison.Ordinal);
        Criterion(untreated, "Previously treated with immunotherapy", CriterionOutcome.Met);
        Criterion(treated, "No EGFR, ALK, ROS1 or BRAF driver", CriterionOutcome.Met);
    }

    [Fact]
    public void SAFIR02_Lung_immunotherapy_is_not_offered_to_a_patient_with_a_targetable_driver()
    {
        var driver = Evaluate(Tumor("LUAD").Mutation("KRAS", "G12C").Had("carboplatin").Fact(ClinicalFact.Progression, false).RulesEvaluated());
        var none = Evaluate(Tumor("LUAD").Mutation("KRAS", "G12D").Had("carboplatin").Fact(ClinicalFact.Progression, false).RulesEvaluated());

        NotReturned(driver, "SAFIR02-Lung", "durvalumab");
        Criterion(Arm(none, "SAFIR02-Lung", "durvalumab"), "No targetable alteration", CriterionOutcome.Met);
    }

    [Fact]
    public void S1800D_counts_anti_PD1_lines_and_an_incomplete_history_cannot_confirm_exactly_one()
    {
        var one = Arm(Evaluate(Tumor("LUAD").Had("pembrolizumab").CompleteHistory().RulesEvaluated()), "Lung-MAP", "S1800D");
        var oneIncomplete = Arm(Evaluate(Tumor("LUAD").Had("pembrolizumab").RulesEvaluated()), "Lung-MAP", "S1800D");
        var none = Arm(Evaluate(Tumor("LUAD").CompleteHistory().RulesEvaluated()), "Lung-MAP", "S1800D");

        Criterion(one, "Exactly one prior line", CriterionOutcome.Met);
        Criterion(oneIncomplete, "Exactly one prior line", CriterionOutcome.Unknown);
        Criterion(none, "Exactly one prior line", CriterionOutcome.Unmet);
    }

    [Fact]
    public void S1400A_takes_only_immunotherapy_naive_patients_so_an_IO_refractory_patient_gets_S1400F_alone()
    {
        var evaluation = Evaluate(Tumor("LUSC").Mutation("TP53", "R273H").Had("pembrolizumab"));

        Status(EligibilityStatus.Ineligible, Arm(evaluation, "Lung-MAP", "S1400A"));
        Status(EligibilityStatus.Eligible, Arm(evaluation, "Lung-MAP", "S1400F"));
    }

    [Fact]
    public void A_germline_BRCA2_from_a_blood_sample_selects_the_germline_olaparib_arm_but_no_tumour_arm()
    {
        var evaluation = Evaluate(Tumor("IDC").Mutation("BRCA2", "S1982Rfs*22", VariantOrigin.Germline, SpecimenRole.Normal, "blood-1"));

        Assert.Equal(SpecimenRole.Normal, Assert.Single(Arm(evaluation, "SAFIR02-Breast", "olaparib").MatchedAlterations).Role);
        NotReturned(evaluation, "NCI-MATCH", "Z1I");
    }

    [Fact]
    public void A_MATCHbox_only_exclusion_is_shown_as_such_in_the_trace()
    {
        var arm = Arm(Evaluate(Tumor("GB").Mutation("EGFR", "L858R").Mutation("EGFR", "T790M")), "NCI-MATCH", "A");

        Criterion(arm, "No EGFR T790M (per MATCHbox arm data; confirm against the protocol)", CriterionOutcome.Unmet);
    }

    [Fact]
    public void Each_arm_carries_the_knowledge_base_level_of_its_biomarker_for_its_drug()
    {
        var evaluation = Evaluate(Tumor("LUAD").Mutation("EGFR", "L858R").Mutation("EGFR", "T790M").RulesEvaluated());

        var e = Arm(evaluation, "NCI-MATCH", "E");
        Assert.Equal("1", e.BiomarkerLevel);
        Assert.NotNull(e.BiomarkerLevelRuleId);
    }

    [Fact]
    public void PADA1_rising_ESR1_without_progression_is_eligible_and_each_unknown_or_contradiction_shows()
    {
        var eligible = Arm(Evaluate(Pada1Patient(acquired: true).Fact(ClinicalFact.Progression, false)), "PADA-1", "fulvestrant-palbociclib");
        var progressionUnknown = Arm(Evaluate(Pada1Patient(acquired: true)), "PADA-1", "fulvestrant-palbociclib");
        var progressed = Arm(Evaluate(Pada1Patient(acquired: true).Fact(ClinicalFact.Progression, true)), "PADA-1", "fulvestrant-palbociclib");
        var notRising = Arm(Evaluate(Pada1Patient(acquired: false).Fact(ClinicalFact.Progression, false)), "PADA-1", "fulvestrant-palbociclib");
        var notCompared = Arm(Evaluate(Pada1Patient(acquired: null).Fact(ClinicalFact.Progression, false)), "PADA-1", "fulvestrant-palbociclib");

        Status(EligibilityStatus.Eligible, eligible);
        Criterion(progressionUnknown, "No synchronous disease progression", CriterionOutcome.Unknown);
        Status(EligibilityStatus.Potential, progressionUnknown);
        Status(EligibilityStatus.Ineligible, progressed);
        Criterion(notRising, "ESR1 mutation rising", CriterionOutcome.Unmet);
        Criterion(notCompared, "ESR1 mutation rising", CriterionOutcome.Unknown);
    }

    [Fact]
    public void PADA1_reads_ctDNA_only_and_requires_ongoing_aromatase_inhibitor_and_palbociclib()
    {
        var tissueOnly = Evaluate(Tumor("IDC").Mutation("ESR1", "Y537S"));
        var stopped = Arm(Evaluate(Tumor("IDC").CtdnaMutation("ESR1", "Y537S", acquired: true).Had("letrozole", "palbociclib").CompleteHistory()), "PADA-1", "fulvestrant-palbociclib");

        NotReturned(tissueOnly, "PADA-1", "fulvestrant-palbociclib");
        Criterion(stopped, "Receiving an aromatase inhibitor", CriterionOutcome.Unmet);
    }

    [Fact]
    public void The_trace_lists_the_selection_first_with_the_matched_alteration_and_sample()
    {
        var arm = Arm(Evaluate(Tumor("IDC").Mutation("AKT1", "E17K")), "NCI-MATCH", "Y");

        Assert.Equal("AKT1 E17K", arm.Criteria[0].Criterion);
        Assert.Contains("metastasis", arm.Criteria[0].Detail, StringComparison.Ordinal);
        Assert.Equal("AKT1 E17K", Assert.Single(arm.MatchedAlterations).Alteration.Key);
        Assert.Equal("NCT02465060", arm.NctId);
        Assert.Equal("NCT04439123", arm.ArmNctId);
    }

    [Fact]
    public void The_same_patient_gives_the_same_arms_in_the_same_order_every_time()
    {
        var patient = Tumor("LUSC").Mutation("PIK3CA", "E545K").Amplification("CCND1", 9).Had("carboplatin");

        var first = Evaluate(patient).Arms.Select(a => $"{a.TrialId}/{a.ArmId}:{a.Status}").ToList();
        var second = Evaluate(patient).Arms.Select(a => $"{a.TrialId}/{a.ArmId}:{a.Status}").ToList();

        Assert.Equal(first, second);
        Assert.Contains("Lung-MAP/S1400C:Eligible", first);
    }
}
