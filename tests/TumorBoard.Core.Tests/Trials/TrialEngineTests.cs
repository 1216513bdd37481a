using TumorBoard.Core.Alterations;
using TumorBoard.Core.Patients;
using TumorBoard.Core.Rules;
using TumorBoard.Core.Rules.Matchers;
using TumorBoard.Core.Trials;
using TumorBoard.Core.Trials.Criteria;
using TumorBoard.Core.Trials.Evaluation;
using TumorBoard.Tests.Support;
using static TumorBoard.Core.Tests.Trials.TestTrials;

namespace TumorBoard.Core.Tests.Trials;

public class TrialEngineTests
{
    private static readonly GenomicCriterion L858R = Gene(new ExactProteinChangeMatcher("EGFR", "L858R"));
    private static readonly Alteration EgfrL858R = Proteins.Mutation("EGFR", "L858R");

    [Fact]
    public void An_arm_whose_selection_does_not_match_is_not_returned()
    {
        var engine = Engine(ArmRanking.None, Arm("K", Gene(new ExactProteinChangeMatcher("KRAS", "G12C"))), Arm("E", L858R));

        var arms = engine.Evaluate(Patient("LUAD", EgfrL858R), Today).Arms;

        Assert.Equal("E", Assert.Single(arms).ArmId);
    }

    [Fact]
    public void Eligible_needs_every_line_met_potential_allows_unknown_and_one_unmet_line_makes_ineligible()
    {
        var lung = new TumorCriterion(TumorScope.Codes("NSCLC"));
        var adult = new AgeCriterion(18, null);
        var engine = Engine(ArmRanking.None, Arm("E", L858R, null, lung, adult));

        var eligible = OnlyArm(engine, Patient("LUAD", EgfrL858R) with { BirthDate = new DateOnly(1960, 1, 1) });
        var potential = OnlyArm(engine, Patient("LUAD", EgfrL858R));
        var ineligible = OnlyArm(engine, Patient("COAD", EgfrL858R) with { BirthDate = new DateOnly(1960, 1, 1) });

        Assert.Equal(EligibilityStatus.Eligible, eligible.Status);
        Assert.Equal(EligibilityStatus.Potential, potential.Status);
        Assert.Equal(CriterionOutcome.Unknown, potential.Criteria[2].Result);
        Assert.Equal(EligibilityStatus.Ineligible, ineligible.Status);
        Assert.Equal(CriterionOutcome.Unmet, ineligible.Criteria[1].Result);
    }

    [Theory]
    [InlineData(CriterionOutcome.Met, CriterionOutcome.Unknown, CriterionOutcome.Unknown, CriterionOutcome.Met)]
    [InlineData(CriterionOutcome.Unmet, CriterionOutcome.Unknown, CriterionOutcome.Unmet, CriterionOutcome.Unknown)]
    [InlineData(CriterionOutcome.Met, CriterionOutcome.Unmet, CriterionOutcome.Unmet, CriterionOutcome.Met)]
    public void And_or_follow_three_valued_logic(CriterionOutcome tumour, CriterionOutcome age, CriterionOutcome expectedAll, CriterionOutcome expectedAny)
    {
        TrialCriterion tumourLeaf = new TumorCriterion(TumorScope.Codes(tumour == CriterionOutcome.Met ? "NSCLC" : "BOWEL"));
        TrialCriterion ageLeaf = age == CriterionOutcome.Unknown ? new SexCriterion("female") : new AgeCriterion(200, null);
        var engine = Engine(ArmRanking.None, Arm("E", L858R, null, new AllCriteria([tumourLeaf, ageLeaf]), new AnyCriteria([tumourLeaf, ageLeaf])));

        var arm = OnlyArm(engine, Patient("LUAD", EgfrL858R) with { BirthDate = new DateOnly(1960, 1, 1) });

        Assert.Equal(expectedAll, arm.Criteria[1].Result);
        Assert.Equal(expectedAny, arm.Criteria[2].Result);
    }

    [Fact]
    public void Not_turns_a_fired_exclusion_into_unmet_and_keeps_unknown_unknown()
    {
        var noPriorTki = new NotCriterion(new PriorTherapyCriterion(["erlotinib"], [], ["erlotinib"], Current: false));
        var engine = Engine(ArmRanking.None, Arm("E", L858R, null, noPriorTki));
        var treated = Patient("LUAD", EgfrL858R) with { PriorTherapies = [new PriorTherapy(["erlotinib"], null, null)] };

        Assert.Equal(CriterionOutcome.Unmet, OnlyArm(engine, treated).Criteria[1].Result);
        Assert.Equal(CriterionOutcome.Unknown, OnlyArm(engine, Patient("LUAD", EgfrL858R)).Criteria[1].Result);
        Assert.Equal(CriterionOutcome.Met, OnlyArm(engine, Patient("LUAD", EgfrL858R) with { PriorTherapiesComplete = true }).Criteria[1].Result);
    }

    [Fact]
    public void Arms_are_ranked_by_level_of_evidence_and_ineligible_or_unlevelled_arms_get_no_rank()
    {
        var engine = Engine(
            ArmRanking.LevelOfEvidence,
            Arm("B", L858R, "2"),
            Arm("A", L858R, "1"),
            Arm("C", L858R, "1", new TumorCriterion(TumorScope.Codes("BOWEL"))),
            Arm("D", L858R));

        var ranks = engine.Evaluate(Patient("LUAD", EgfrL858R), Today).Arms.ToDictionary(a => a.ArmId, a => a.Rank);

        Assert.Equal(1, ranks["A"]);
        Assert.Equal(2, ranks["B"]);
        Assert.Null(ranks["C"]);
        Assert.Null(ranks["D"]);
    }

    [Fact]
    public void Age_is_whole_years_at_the_evaluation_date()
    {
        var engine = Engine(ArmRanking.None, Arm("E", L858R, null, new AgeCriterion(18, null)));

        var dayBefore = OnlyArm(engine, Patient("LUAD", EgfrL858R) with { BirthDate = Today.AddYears(-18).AddDays(1) });
        var birthday = OnlyArm(engine, Patient("LUAD", EgfrL858R) with { BirthDate = Today.AddYears(-18) });

        Assert.Equal(CriterionOutcome.Unmet, dayBefore.Criteria[1].Result);
        Assert.Equal(CriterionOutcome.Met, birthday.Criteria[1].Result);
    }

    [Theory]
    [InlineData(31, CriterionOutcome.Met)]
    [InlineData(20, CriterionOutcome.Unmet)]
    public void Specimen_recency_reads_the_selecting_sample_date(int maxDays, CriterionOutcome expected)
    {
        var engine = Engine(ArmRanking.None, Arm("E", L858R, null, new SpecimenRecencyCriterion(maxDays)));

        Assert.Equal(expected, OnlyArm(engine, Patient("LUAD", EgfrL858R)).Criteria[1].Result);
    }

    [Fact]
    public void Specimen_recency_without_a_collection_date_is_unknown()
    {
        var engine = Engine(ArmRanking.None, Arm("E", L858R, null, new SpecimenRecencyCriterion(30)));
        var undated = new TrialPatient { OncotreeCode = "LUAD", Samples = [new TrialSample("r1", SpecimenRole.Primary, null, [EgfrL858R])] };

        Assert.Equal(CriterionOutcome.Unknown, OnlyArm(engine, undated).Criteria[1].Result);
    }

    [Fact]
    public void A_ctdna_only_criterion_ignores_tissue_and_normal_samples()
    {
        var engine = Engine(ArmRanking.None, Arm("E", Gene(new ExactProteinChangeMatcher("EGFR", "L858R"), SampleScope.Ctdna)));
        var tissue = new TrialPatient
        {
            OncotreeCode = "LUAD",
            Samples = [new TrialSample("t", SpecimenRole.Primary, null, [EgfrL858R]), new TrialSample("n", SpecimenRole.Normal, null, [EgfrL858R])],
        };
        var ctdna = tissue with { Samples = [new TrialSample("c", SpecimenRole.Ctdna, null, [EgfrL858R])] };

        Assert.Empty(engine.Evaluate(tissue, Today).Arms);
        Assert.Equal("c", OnlyArm(engine, ctdna).MatchedAlterations[0].ReportId);
    }

    [Fact]
    public void A_marker_selected_arm_needs_the_marker_reported()
    {
        var engine = Engine(ArmRanking.None, Arm("P", new MarkerCriterion(ClinicalMarker.Pten, MarkerStatus.Negative)));

        Assert.Empty(engine.Evaluate(Patient("PRAD"), Today).Arms);
        Assert.Single(engine.Evaluate(Patient("PRAD") with { Markers = new Dictionary<ClinicalMarker, MarkerStatus> { [ClinicalMarker.Pten] = MarkerStatus.Negative } }, Today).Arms);
    }

    [Fact]
    public void A_current_therapy_must_be_ongoing_at_the_evaluation_date()
    {
        var receiving = new PriorTherapyCriterion(["palbociclib"], [], ["palbociclib"], Current: true);
        var engine = Engine(ArmRanking.None, Arm("E", L858R, null, receiving));
        var ongoing = Patient("LUAD", EgfrL858R) with { PriorTherapies = [new PriorTherapy(["palbociclib"], new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), null)] };
        var future = Patient("LUAD", EgfrL858R) with { PriorTherapies = [new PriorTherapy(["palbociclib"], new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero), null)], PriorTherapiesComplete = true };

        Assert.Equal(CriterionOutcome.Met, OnlyArm(engine, ongoing).Criteria[1].Result);
        Assert.Equal(CriterionOutcome.Unmet, OnlyArm(engine, future).Criteria[1].Result);
    }

    [Fact]
    public void A_manual_check_keeps_an_otherwise_fitting_patient_potential()
    {
        var engine = Engine(ArmRanking.None, Arm("E", L858R, null, new ManualCheckCriterion("confirm the protocol's exclusions")));

        var arm = OnlyArm(engine, Patient("LUAD", EgfrL858R));

        Assert.Equal(EligibilityStatus.Potential, arm.Status);
        Assert.Equal("check: confirm the protocol's exclusions", arm.Criteria[1].Criterion);
    }
}
