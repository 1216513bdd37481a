using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Api.Features.Recommendations;
using TumorBoard.Api.Features.Subscriptions;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Api.ReadModels;
using TumorBoard.Persistence;
using TumorBoard.Persistence.Queries;

namespace TumorBoard.Api.Features.Rematch;

/// <summary>One batch of a re-match: evaluated (the patients loaded, the rows built) and then written in one transaction.</summary>
public sealed partial class Rematcher
{
    /// <summary>
    /// Loads the batch's patients, evaluates them and builds the rows to write (JSON included), so the writing stage
    /// only copies; nothing is written. <paramref name="trialPartOnly"/>: redo only the trial part of each patient's
    /// latest evaluation, carrying its therapy findings over (an arm status change), where that evaluation allows it.
    /// </summary>
    internal async Task<List<PreparedEvaluation>> EvaluateBatchAsync(List<Guid> patientIds, TrialContext trials, CancellationToken ct, bool trialPartOnly = false)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TumorBoardDbContext>();
        var snapshots = await RematchSnapshots.LoadAsync(db, patientIds, ct);
        var previous = trialPartOnly ? await LatestDocumentsAsync(db, snapshots, ct) : [];
        var now = clock.GetUtcNow();
        return snapshots.Select(snapshot =>
        {
            var document = previous.TryGetValue(snapshot.Patient.Id, out var latest)
                && TrialReevaluation.Rebuild(knowledge, snapshot, latest, trials, now, "rematch") is { } carried
                    ? carried
                    : EvaluationBuilder.Build(knowledge, snapshot, trials, now, "rematch");
            return new PreparedEvaluation(document, EvaluationWriter.Rows(document, now, "system"));
        }).ToList();
    }

    private static async Task<Dictionary<Guid, EvaluationDocument>> LatestDocumentsAsync(TumorBoardDbContext db, List<PatientSnapshot> snapshots, CancellationToken ct)
    {
        var ids = snapshots.Select(s => s.Patient.LatestEvaluationId).OfType<Guid>().ToList();
        var rows = await db.Evaluations.AsNoTracking().Where(e => ids.Contains(e.Id)).Select(e => new { e.PatientId, e.Document }).ToListAsync(ct);
        return rows.ToDictionary(r => r.PatientId, r => JsonSerializer.Deserialize(r.Document, EvaluationJsonContext.Default.EvaluationDocument)!);
    }

    /// <summary>Stores the batch's evaluations in one transaction and makes them the patients' latest.</summary>
    internal async Task WriteBatchAsync(List<Guid> patientIds, List<PreparedEvaluation> evaluations, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TumorBoardDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // Patients re-evaluated since this batch read them (an ingestion, a board request) already have a
        // current evaluation: writing ours would make a stale one latest. The row lock orders us with them.
        var latest = await db.Database.SqlQuery<LatestEvaluation>($"""
            SELECT id AS patient_id, latest_evaluation_id AS evaluation_id FROM patients WHERE id = ANY({patientIds}) FOR UPDATE
            """).ToDictionaryAsync(r => r.PatientId, r => r.EvaluationId, ct);
        var current = evaluations.Where(e => latest.TryGetValue(e.Document.PatientId, out var seen) && seen == e.Document.PreviousEvaluationId).ToList();
        var ids = current.Select(e => e.Document.PatientId).ToArray();
        var evaluationIds = current.Select(e => e.Document.EvaluationId).ToArray();
        // The cleared rows come back with the arm status each recorded (a column) for the "newly listed" check.
        var subscribed = await OutboxWriter.SubscribedTrialsAsync(db, ct);
        var previous = await db.Database.ClearLatestAsync<PreviousArmStatus>(ids, ct);
        await RematchRowWriter.CopyAsync(db, current.ConvertAll(e => e.Rows), ct);
        // New matches' events commit with the batch (the transactional outbox); few rows, so plain SaveChanges.
        var before = previous.Where(p => p.TrialId is not null).ToLookup(p => p.PatientId);
        List<OutboxEvent> events = subscribed.Length == 0 ? [] : current.SelectMany(e => ArmMatchEvents.For(e.Document, before[e.Document.PatientId], subscriptions.CurrentValue.PublicBaseUrl))
            .Where(e => subscribed.Contains(e.TrialId, StringComparer.Ordinal)).ToList();
        events.AddRange(await ProgressionEventsAsync(db, current.ConvertAll(e => e.Document), ct));
        if (await outbox.AddAsync(db, events, ct) > 0)
        {
            await db.SaveChangesAsync(ct);
        }

        await db.Database.ExecuteSqlAsync($"""
            UPDATE patients p SET latest_evaluation_id = u.evaluation_id
            FROM unnest({ids}, {evaluationIds}) AS u(patient_id, evaluation_id)
            WHERE p.id = u.patient_id
            """, ct);
        await transaction.CommitAsync(ct);
        current.ForEach(e => DomainMetrics.Evaluation(e.Document.Trigger));
    }

    /// <summary>
    /// Progression flags whose later draw is new since the previous evaluation. A re-match evaluates the reports its
    /// previous evaluation saw (the row lock above checked it is still the latest), so this is normally empty; the
    /// previous report ids are read only for evaluations that flag progression.
    /// </summary>
    private async Task<List<OutboxEvent>> ProgressionEventsAsync(TumorBoardDbContext db, List<EvaluationDocument> current, CancellationToken ct)
    {
        var flagged = current.Where(e => e.MolecularProgression.Count > 0).ToList();
        if (flagged.Count == 0)
        {
            return [];
        }

        var previousIds = flagged.Select(e => e.PreviousEvaluationId).OfType<Guid>().ToList();
        var previous = await db.Evaluations.AsNoTracking().Where(e => previousIds.Contains(e.Id))
            .Select(e => new { e.Id, e.ReportIds }).ToDictionaryAsync(e => e.Id, e => e.ReportIds, ct);
        return flagged.SelectMany(e => ProgressionEvents.For(
            e, e.PreviousEvaluationId is { } id ? previous.GetValueOrDefault(id) : null, subscriptions.CurrentValue.PublicBaseUrl)).ToList();
    }

    private sealed record LatestEvaluation(Guid PatientId, Guid? EvaluationId);
}
