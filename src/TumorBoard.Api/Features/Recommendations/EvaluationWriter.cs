using System.Text.Json;
using TumorBoard.Api.Features.Audit;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Api.ReadModels;
using TumorBoard.Persistence;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Api.Features.Recommendations;

/// <summary>
/// The rows one evaluation adds: the immutable document, one row per recommendation, the narrow latest row of each trial
/// recommendation (<c>latest_trial_recommendations</c>), its audit rows.
/// </summary>
public sealed record EvaluationRows(
    EvaluationEntity Evaluation, IReadOnlyList<RecommendationEntity> Recommendations, IReadOnlyList<LatestTrialRecommendationEntity> Latest, IReadOnlyList<AuditEventEntity> Audit);

/// <summary>
/// Turns an evaluation into its rows. <see cref="Rows"/> is pure (JSON and entities, no context), so the re-match
/// builds them in its evaluating stage and its writing stage only copies them; <see cref="Add"/> adds them to a
/// context for the single-patient writers. The caller clears the patient's previous latest rows and saves.
/// </summary>
public static class EvaluationWriter
{
    public static JsonSerializerOptions DocumentJson => EvaluationJsonContext.DocumentJson;

    public static void Add(TumorBoardDbContext db, EvaluationDocument evaluation, AuditLog audit)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(audit);
        var rows = Rows(evaluation, DateTimeOffset.MinValue, "system");
        db.Evaluations.Add(rows.Evaluation);
        db.Recommendations.AddRange(rows.Recommendations);
        db.LatestTrialRecommendations.AddRange(rows.Latest);
        // Through the request's audit log: its actor and clock, as every other audited change.
        foreach (var entry in rows.Audit)
        {
            audit.Record(entry);
        }

        DomainMetrics.Evaluation(evaluation.Trigger);
    }

    /// <param name="evaluation">The evaluation.</param>
    /// <param name="at">When its audit rows say it happened.</param>
    /// <param name="actor">Who its audit rows name (the re-match: <c>system</c>).</param>
    public static EvaluationRows Rows(EvaluationDocument evaluation, DateTimeOffset at, string actor)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var entity = new EvaluationEntity
        {
            Id = evaluation.EvaluationId,
            PatientId = evaluation.PatientId,
            EvaluatedAt = evaluation.EvaluatedAt,
            KnowledgeBaseVersion = evaluation.KnowledgeBase.Version,
            KnowledgeBaseHash = evaluation.KnowledgeBase.Hash,
            TrialsVersion = evaluation.TrialCatalog?.Version ?? string.Empty,
            TrialsHash = evaluation.TrialCatalog?.Hash ?? string.Empty,
            ReportIds = [.. evaluation.ReportIds],
            PreviousEvaluationId = evaluation.PreviousEvaluationId,
            Trigger = evaluation.Trigger,
            // Each arm's criteria trace is stored once, in its row's payload (the arm lists read it there).
            Document = JsonSerializer.Serialize(evaluation with { Trials = evaluation.Trials.Select(t => t with { Criteria = [] }).ToList() }, EvaluationJsonContext.Default.EvaluationDocument),
        };
        var recommendations = new List<RecommendationEntity>(evaluation.Therapies.Count + evaluation.Trials.Count);
        var latest = new List<LatestTrialRecommendationEntity>(evaluation.Trials.Count);
        foreach (var therapy in evaluation.Therapies)
        {
            recommendations.Add(Row(evaluation, therapy.RecommendationId, "therapy", null, r => r.RuleId = therapy.RuleId));
        }

        foreach (var trial in evaluation.Trials)
        {
            recommendations.Add(Row(evaluation, trial.RecommendationId, "trial", TrialRowPayload.Of(trial), r =>
            {
                r.TrialId = trial.TrialId;
                r.ArmId = trial.ArmId;
                r.Status = trial.Status;
                r.ArmStatus = trial.ArmStatus;
            }));
            latest.Add(new LatestTrialRecommendationEntity
            {
                RecommendationId = trial.RecommendationId,
                PatientId = evaluation.PatientId,
                TrialId = trial.TrialId,
                ArmId = trial.ArmId,
                Status = trial.Status,
                ArmStatus = trial.ArmStatus,
            });
        }

        var audit = new List<AuditEventEntity>(2)
        {
            AuditLog.Entry(at, actor, "evaluation", "evaluation", evaluation.EvaluationId.ToString(), evaluation.PatientId, new
            {
                evaluation.Trigger,
                knowledgeBase = evaluation.KnowledgeBase.Version,
                trials = evaluation.TrialCatalog?.Version,
                therapyCount = evaluation.Therapies.Count,
                trialCount = evaluation.Trials.Count,
            }),
        };
        if (evaluation.MolecularProgression.Count > 0)
        {
            // Alteration keys, report ids and rule ids only: no PHI in the audit details.
            audit.Add(AuditLog.Entry(at, actor, "molecular-progression", "evaluation", evaluation.EvaluationId.ToString(), evaluation.PatientId, new
            {
                eventType = MolecularProgressionDto.EventType,
                events = evaluation.MolecularProgression.Select(p => new { p.AlterationKey, p.Kind, p.FromVaf, p.ToVaf, p.FromReportId, p.ToReportId, p.ProgressionRuleId, drugs = p.UnderTherapies.SelectMany(t => t.Drugs).Distinct(StringComparer.Ordinal).ToList() }).ToList(),
            }));
        }

        return new EvaluationRows(entity, recommendations, latest, audit);
    }

    private static RecommendationEntity Row(EvaluationDocument evaluation, Guid id, string kind, string? payload, Action<RecommendationEntity> fill)
    {
        var row = new RecommendationEntity
        {
            Id = id,
            EvaluationId = evaluation.EvaluationId,
            PatientId = evaluation.PatientId,
            Kind = kind,
            Payload = payload,
        };
        fill(row);
        return row;
    }
}
