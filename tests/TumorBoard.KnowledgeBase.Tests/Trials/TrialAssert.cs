using TumorBoard.Core.Trials;
using TumorBoard.Core.Trials.Evaluation;

namespace TumorBoard.KnowledgeBase.Tests.Trials;

/// <summary>Evaluates a patient against the shipped packs and finds arms in the answer, with readable failures.</summary>
public static class TrialAssert
{
    public static TrialEvaluation Evaluate(TrialPatientBuilder patient, IReadOnlyDictionary<ArmKey, ArmStatus>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(patient);
        return TrialPacks.Engine.Evaluate(patient.Build(), TrialPatientBuilder.Today, overrides);
    }

    public static ArmMatch Arm(TrialEvaluation evaluation, string trialId, string armId)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        return evaluation.Arms.SingleOrDefault(a => a.TrialId == trialId && a.ArmId == armId)
        ?? throw new Xunit.Sdk.XunitException($"{trialId}/{armId} not returned; returned: {string.Join(", ", evaluation.Arms.Select(a => $"{a.TrialId}/{a.ArmId}"))}");
    }

    public static void NotReturned(TrialEvaluation evaluation, string trialId, string armId)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        Assert.DoesNotContain(evaluation.Arms, a => a.TrialId == trialId && a.ArmId == armId);
    }

    public static void Status(EligibilityStatus expected, ArmMatch arm)
    {
        ArgumentNullException.ThrowIfNull(arm);
        Assert.True(arm.Status == expected, $"{arm.TrialId}/{arm.ArmId}: expected {expected}, got {arm.Status}:{Environment.NewLine}{Trace(arm)}");
    }

    /// <summary>The criterion whose text contains <paramref name="fragment"/> had <paramref name="outcome"/>.</summary>
    public static void Criterion(ArmMatch arm, string fragment, CriterionOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(arm);
        var line = arm.Criteria.FirstOrDefault(c => c.Criterion.Contains(fragment, StringComparison.OrdinalIgnoreCase))
            ?? throw new Xunit.Sdk.XunitException($"no criterion containing '{fragment}':{Environment.NewLine}{Trace(arm)}");
        Assert.True(line.Result == outcome, $"'{line.Criterion}': expected {outcome}, got {line.Result} ({line.Detail})");
    }

    private static string Trace(ArmMatch arm) => string.Join(Environment.NewLine, arm.Criteria.Select(c => $"  {c.Result}: {c.Criterion} -- {c.Detail}"));
}
