using System.Text.Json;
using TumorBoard.Api.Features.Audit;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Api.ReadModels;
using TumorBoard.Persistence;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Api.Features.Recommendations;

/// <summary>
/// Adds an evaluation to the context: the immutable document, one row per recommendation (flagged
/// latest) and the audit row. The caller clears the previous latest flags and saves.
/// </summary>
internal static class EvaluationWriter
{
    public static JsonSerializerOptions DocumentJson => EvaluationJsonContext.DocumentJson;

    public static void Add(TumorBoardDbContext db, EvaluationDocument evaluation, AuditLog audit)
    {
        db.Evaluations.Add(new EvaluationEntity
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
            Document = JsonSerializer.Serialize(evaluation, EvaluationJsonContext.Default.EvaluationDocument),
        });
        foreach (var therapy in evaluation.Therapies)
        {
            db.Recommendations.Add(Row(evaluation, therapy.RecommendationId, "therapy", JsonSerializer.Serialize(therapy, EvaluationJsonContext.Default.TherapyRecommendationDto), r => r.RuleId = therapy.RuleId));
        }

        foreach (var trial in evaluation.Trials)
        {
            db.Recommendations.Add(Row(evaluation, trial.RecommendationId, "trial", JsonSerializer.Serialize(trial, EvaluationJsonContext.Default.TrialRecommendationDto), r =>
            {
                r.TrialId = trial.TrialId;
                r.ArmId = trial.ArmId;
                r.Status = trial.Status;
            }));
        }

        audit.Record("evaluation", "evaluation", evaluation.EvaluationId.ToString(), evaluation.PatientId, new
        {
            evaluation.Trigger,
            knowledgeBase = evaluation.KnowledgeBase.Version,
            trials = evaluation.TrialCatalog?.Version,
            therapyCount = evaluation.Therapies.Count,
            trialCount = evaluation.Trials.Count,
        });
        DomainMetrics.Evaluation(evaluation.Trigger);
    }

    private static RecommendationEntity Row(EvaluationDocument evaluation, Guid id, string kind, string payload, Action<RecommendationEntity> fill)
    {
        var row = new RecommendationEntity
        {
            Id = id,
            EvaluationId = evaluation.EvaluationId,
            PatientId = evaluation.PatientId,
            Kind = kind,
            IsLatest = true,
            Payload = payload,
        };
        fill(row);
        return row;
    }
}
