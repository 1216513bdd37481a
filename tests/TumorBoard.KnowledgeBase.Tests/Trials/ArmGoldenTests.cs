using TumorBoard.Core.Trials.Evaluation;

namespace TumorBoard.KnowledgeBase.Tests.Trials;

public class ArmGoldenTests
{
    [Theory]
    [MemberData(nameof(ArmGoldenCases.Names), MemberType = typeof(ArmGoldenCases))]
    public void Each_shipped_arm_selects_its_golden_patient_with_the_expected_status(string name)
    {
        var (trial, arm, patient, expected) = ArmGoldenCases.Cases[name];

        var match = TrialAssert.Arm(TrialAssert.Evaluate(patient()), trial, arm);

        TrialAssert.Status(expected, match);
        Assert.NotEqual(CriterionOutcome.Unmet, match.Criteria[0].Result);
    }

    [Fact]
    public void Every_shipped_arm_has_a_golden_case()
    {
        var covered = ArmGoldenCases.Cases.Values.Select(c => $"{c.Trial}/{c.Arm}").ToHashSet();
        var shipped = TrialPacks.Catalog.Trials.SelectMany(t => t.Arms.Select(a => $"{t.Id}/{a.Id}"));

        Assert.All(shipped, arm => Assert.Contains(arm, covered));
    }

    [Theory]
    [MemberData(nameof(ArmRefusalCases.Names), MemberType = typeof(ArmRefusalCases))]
    public void Each_shipped_arm_refuses_its_near_miss(string name)
    {
        var (trial, arm, patient) = ArmRefusalCases.Cases[name];

        var match = TrialAssert.Evaluate(patient()).Arms.SingleOrDefault(a => a.TrialId == trial && a.ArmId == arm);

        Assert.True(match is null || match.Status == EligibilityStatus.Ineligible, $"{trial}/{arm} was {match?.Status}");
    }

    [Fact]
    public void Every_shipped_arm_has_a_patient_it_takes_one_it_refuses_and_one_potential()
    {
        var shipped = TrialPacks.Catalog.Trials.SelectMany(t => t.Arms.Select(a => $"{t.Id}/{a.Id}")).ToList();
        var refused = ArmRefusalCases.Cases.Values.Select(c => $"{c.Trial}/{c.Arm}").ToHashSet();
        var potential = ArmGoldenCases.Cases.Values.Concat(ArmPotentialCases.Cases.Values)
            .Where(c => c.Expected == EligibilityStatus.Potential).Select(c => $"{c.Trial}/{c.Arm}").ToHashSet();

        Assert.All(shipped, arm => Assert.Contains(arm, refused));
        Assert.All(shipped, arm => Assert.Contains(arm, potential));
    }

    [Theory]
    [MemberData(nameof(ArmPotentialCases.Names), MemberType = typeof(ArmPotentialCases))]
    public void An_arm_with_an_unknown_fact_is_potential(string name)
    {
        var (trial, arm, patient, expected) = ArmPotentialCases.Cases[name];

        TrialAssert.Status(expected, TrialAssert.Arm(TrialAssert.Evaluate(patient()), trial, arm));
    }
}
