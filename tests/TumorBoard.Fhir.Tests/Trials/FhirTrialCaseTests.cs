using TumorBoard.Core.Patients;
using TumorBoard.Core.Trials.Evaluation;
using static TumorBoard.Fhir.Tests.Trials.FhirTrialBundles;

namespace TumorBoard.Fhir.Tests.Trials;

/// <summary>
/// Trial golden cases read through the FHIR reader: the clinical facts that decide eligibility (disease status,
/// therapies, markers, specimen role) come from the bundle, and the trace says which resource and date.
/// </summary>
public class FhirTrialCaseTests
{
    private static ArmMatch Arm(TrialEvaluation evaluation, string trial, string arm) =>
        evaluation.Arms.SingleOrDefault(a => a.TrialId == trial && a.ArmId == arm)
        ?? throw new Xunit.Sdk.XunitException($"{trial}/{arm} not returned; returned: {string.Join(", ", evaluation.Arms.Select(a => $"{a.TrialId}/{a.ArmId}"))}");

    private static CriterionResult Line(ArmMatch arm, string fragment) =>
        arm.Criteria.Single(c => c.Criterion.Contains(fragment, StringComparison.OrdinalIgnoreCase));

    [Fact]
    public void Given_a_germline_BRCA1_reported_from_a_bone_metastasis_biopsy_Then_SAFIR02_Breast_olaparib_lists_the_patient_as_a_metastasis_finding()
    {
        var bundle = Breast(GermlineVariant("HGNC:1100", "BRCA1", "p.Gln1756ProfsTer74"), BoneMetastasisBiopsy, DiseaseStatus("ds-1", "359746009", "2026-05-02"));

        var olaparib = Arm(FhirTrialPatient.Evaluate(bundle), "SAFIR02-Breast", "olaparib");

        Assert.Equal(SpecimenRole.Metastasis, Assert.Single(olaparib.MatchedAlterations).Role);
        Assert.NotEqual(EligibilityStatus.Ineligible, olaparib.Status);
        Assert.Equal(CriterionOutcome.Met, Line(olaparib, "HER2 non-overexpressing").Result);
    }

    [Fact]
    public void Given_stable_disease_in_an_mCODE_disease_status_Then_the_no_progression_criterion_is_met_and_names_the_observation_and_date()
    {
        var bundle = Breast(DiseaseStatus("ds-1", "359746009", "2026-05-02"));

        var line = Line(Arm(FhirTrialPatient.Evaluate(bundle), "SAFIR02-Breast", "alpelisib"), "No progression");

        Assert.Equal(CriterionOutcome.Met, line.Result);
        Assert.Contains("stable disease on 2026-05-02", line.Detail, StringComparison.Ordinal);
        Assert.Contains("Observation/ds-1", line.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_later_worse_status_after_a_stable_one_Then_progression_is_recorded_and_the_arm_refuses_the_patient()
    {
        var bundle = Breast(DiseaseStatus("ds-1", "359746009", "2026-01-10"), DiseaseStatus("ds-2", "271299001", "2026-05-02"));

        var arm = Arm(FhirTrialPatient.Evaluate(bundle), "SAFIR02-Breast", "alpelisib");

        Assert.Equal(EligibilityStatus.Ineligible, arm.Status);
        Assert.Contains("Observation/ds-2", Line(arm, "No progression").Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_no_disease_status_Then_progression_is_unknown_and_the_arm_at_best_potential()
    {
        var arm = Arm(FhirTrialPatient.Evaluate(Breast()), "SAFIR02-Breast", "alpelisib");

        Assert.Equal(CriterionOutcome.Unknown, Line(arm, "No progression").Result);
        Assert.Equal(EligibilityStatus.Potential, arm.Status);
    }

    [Fact]
    public void Given_an_undetermined_status_after_a_stable_one_Then_the_stable_one_still_decides()
    {
        var bundle = Breast(DiseaseStatus("ds-1", "359746009", "2026-01-10"), DiseaseStatus("ds-2", "709137006", "2026-05-02"));

        var line = Line(Arm(FhirTrialPatient.Evaluate(bundle), "SAFIR02-Breast", "alpelisib"), "No progression");

        Assert.Equal(CriterionOutcome.Met, line.Result);
        Assert.Contains("Observation/ds-1", line.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_prior_alpelisib_in_a_MedicationStatement_Then_the_exclusion_fires_and_names_the_statement()
    {
        var bundle = Breast(Took("ms-1", "alpelisib", "2025-02-01", "2025-09-01"), DiseaseStatus("ds-1", "359746009", "2026-05-02"));

        var line = Line(Arm(FhirTrialPatient.Evaluate(bundle), "SAFIR02-Breast", "alpelisib"), "No prior exposure");

        Assert.Equal(CriterionOutcome.Unmet, line.Result);
        Assert.Contains("MedicationStatement/ms-1", line.Detail, StringComparison.Ordinal);
        Assert.Contains("2025-02-01 to 2025-09-01", line.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void The_mCODE_STU1_disease_status_example_reads_as_improved_with_its_date_and_id()
    {
        var status = Assert.Single(Breast(McodeStu1DiseaseStatusExample).DiseaseStatuses);

        Assert.Equal(Core.Patients.DiseaseStatus.Improved, status.Status);
        Assert.Equal(new DateTimeOffset(2019, 4, 1, 0, 0, 0, TimeSpan.Zero), status.EffectiveAt);
        Assert.StartsWith("Observation/mCODECancerDiseaseStatusExample01", status.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_disease_status_value_is_a_warning_and_sets_no_fact()
    {
        var bundle = Breast(DiseaseStatus("ds-1", "12345", "2026-05-02"));

        Assert.Empty(bundle.DiseaseStatuses);
        Assert.Contains(bundle.Issues, i => i.Diagnostics.Contains("condition-status trend", StringComparison.Ordinal));
    }

    [Fact]
    public void The_PIK3CA_breast_bundle_gets_the_knowledge_base_level_of_PIK3CA_for_alpelisib()
    {
        var arm = Arm(FhirTrialPatient.Evaluate(Breast(DiseaseStatus("ds-1", "359746009", "2026-05-02"))), "SAFIR02-Breast", "alpelisib");

        Assert.Equal("1", arm.BiomarkerLevel);
        Assert.NotNull(arm.BiomarkerLevelRuleId);
    }
}
