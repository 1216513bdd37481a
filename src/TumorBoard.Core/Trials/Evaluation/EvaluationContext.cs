using TumorBoard.Core.Rules.Engine;

namespace TumorBoard.Core.Trials.Evaluation;

/// <summary>What every criterion of one patient's evaluation reads: the patient, the date, the resolved tumour and alterations.</summary>
internal sealed class EvaluationContext(TrialPatient patient, DateOnly evaluationDate, TumorContext tumor, SampledAlterations alterations)
{
    public TrialPatient Patient { get; } = patient;

    public DateOnly EvaluationDate { get; } = evaluationDate;

    public TumorContext Tumor { get; } = tumor;

    public SampledAlterations Alterations { get; } = alterations;

    /// <summary>Alterations the current arm's selection matched; acquisition and recency criteria read them.</summary>
    public List<MatchedAlteration> SelectionHits { get; } = new(4);

    /// <summary>Outcomes of the current trial's biomarker arms, for non-match selection: arm id to (status, arm status).</summary>
    public Dictionary<string, (EligibilityStatus Status, ArmStatus ArmStatus)> TrialArmResults { get; } = new(StringComparer.Ordinal);
}
