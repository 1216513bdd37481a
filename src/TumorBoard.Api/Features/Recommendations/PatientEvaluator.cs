using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Api.Features.Audit;
using TumorBoard.Api.Features.KnowledgeBase;
using TumorBoard.Api.Features.Patients;
using TumorBoard.Core.Pairs;
using TumorBoard.Core.Rules;
using TumorBoard.Persistence;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Api.Features.Recommendations;

/// <summary>
/// Evaluates a stored patient: the rules engine over the alterations of every current report, then
/// discordance-aware attribution (which sample each finding rests on, emergent, contraindicated).
/// The result is stored as an immutable document plus one row per recommendation.
/// </summary>
public sealed class PatientEvaluator(TumorBoardDbContext db, Knowledge knowledge, AuditLog audit, TimeProvider clock, ILogger<PatientEvaluator> logger) : IPatientEvaluator
{
    internal static readonly JsonSerializerOptions DocumentJson = new(JsonSerializerDefaults.Web);

    public async Task<Guid> EvaluateAsync(Guid patientId, string trigger, CancellationToken cancellationToken)
    {
        var snapshot = await PatientSnapshotLoader.LoadAsync(db, patientId, cancellationToken)
            ?? throw new InvalidOperationException($"Patient {patientId} does not exist.");
        var patient = snapshot.Patient;
        var samples = PatientSamples.From(snapshot.Reports);
        var alterations = PatientSnapshotLoader.EvaluationAlterations(snapshot.Reports, samples);
        var result = knowledge.Engine.Evaluate(new PatientProfile
        {
            OncotreeCode = patient.TumorOncotreeCode,
            Alterations = alterations,
            PriorTherapies = snapshot.PriorTherapies,
        });

        var therapies = TherapyRecommendations.Build(result, samples, snapshot.PriorTherapies);
        var evaluation = new EvaluationDocument
        {
            EvaluationId = Guid.CreateVersion7(),
            PatientId = patientId,
            EvaluatedAt = clock.GetUtcNow(),
            KnowledgeBase = new KnowledgeBaseStamp(knowledge.Rules.Version, knowledge.Rules.ContentHash),
            TumorType = patient.TumorOncotreeCode is null ? null : new TumorTypeDto(patient.TumorOncotreeCode, patient.TumorName ?? patient.TumorOncotreeCode),
            Therapies = therapies,
            Conflicts = result.Conflicts.Select(c => new ConflictDto(c.Drugs, c.SensitiveRuleIds, c.ResistantRuleIds)).ToList(),
            ReportIds = snapshot.Reports.Select(r => Guid.Parse(r.ReportId)).ToList(),
            PreviousEvaluationId = patient.LatestEvaluationId,
            Trigger = trigger,
            Warnings = EvaluationWarnings.For(result, alterations, knowledge.Rules.Version),
        };

        await StoreAsync(evaluation, cancellationToken);
        logger.LogInformation("Evaluated patient {PatientId}: evaluation {EvaluationId}, {TherapyCount} therapy findings, knowledge base {Version}",
            patientId, evaluation.EvaluationId, therapies.Count, knowledge.Rules.Version);
        return evaluation.EvaluationId;
    }

    private async Task StoreAsync(EvaluationDocument evaluation, CancellationToken cancellationToken)
    {
        db.Evaluations.Add(new EvaluationEntity
        {
            Id = evaluation.EvaluationId,
            PatientId = evaluation.PatientId,
            EvaluatedAt = evaluation.EvaluatedAt,
            KnowledgeBaseVersion = evaluation.KnowledgeBase.Version,
            KnowledgeBaseHash = evaluation.KnowledgeBase.Hash,
            ReportIds = [.. evaluation.ReportIds],
            PreviousEvaluationId = evaluation.PreviousEvaluationId,
            Trigger = evaluation.Trigger,
            Document = JsonSerializer.Serialize(evaluation, DocumentJson),
        });
        foreach (var therapy in evaluation.Therapies)
        {
            db.Recommendations.Add(new RecommendationEntity
            {
                Id = therapy.RecommendationId,
                EvaluationId = evaluation.EvaluationId,
                PatientId = evaluation.PatientId,
                Kind = "therapy",
                RuleId = therapy.RuleId,
                IsLatest = true,
                Payload = JsonSerializer.Serialize(therapy, DocumentJson),
            });
        }

        await db.Database.ExecuteSqlAsync(
            $"UPDATE recommendations SET is_latest = false WHERE patient_id = {evaluation.PatientId} AND is_latest", cancellationToken);
        audit.Record("evaluation", "evaluation", evaluation.EvaluationId.ToString(), evaluation.PatientId, new
        {
            evaluation.Trigger,
            knowledgeBase = evaluation.KnowledgeBase.Version,
            therapies = evaluation.Therapies.Count,
            trials = evaluation.Trials.Count,
        });
        var patient = await db.Patients.FindAsync([evaluation.PatientId], cancellationToken);
        patient!.LatestEvaluationId = evaluation.EvaluationId;
        await db.SaveChangesAsync(cancellationToken);
    }
}
