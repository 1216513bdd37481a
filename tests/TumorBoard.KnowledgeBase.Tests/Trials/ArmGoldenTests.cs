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
}
