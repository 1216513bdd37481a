using Microsoft.EntityFrameworkCore;
using Npgsql;
using TumorBoard.Api.Features.Audit;
using TumorBoard.Api.Features.KnowledgeBase;
using TumorBoard.Api.Features.Recommendations;
using TumorBoard.Api.Features.Trials;
using TumorBoard.Persistence;

namespace TumorBoard.Api.Features.Rematch;

/// <summary>Outcome of one re-match run.</summary>
public sealed record RematchRun(bool Acquired, int Patients, int Batches);

/// <summary>
/// Re-evaluates every patient whose latest evaluation used another knowledge-base hash or trial stamp
/// (new rule files, new trial files, an arm status change). Batched and resumable: each batch commits on
/// its own and a re-evaluated patient no longer qualifies, so a crash resumes where it stopped. One run at
/// a time across all instances: a session-level PostgreSQL advisory lock.
/// </summary>
public sealed class Rematcher(IServiceScopeFactory scopes, Knowledge knowledge, TimeProvider clock, ILogger<Rematcher> logger)
{
    private const long LockKey = 0x5475_6D6F_7242_6431; // "TumorBd1"

    public async Task<RematchRun> RunAsync(int batchSize, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TumorBoardDbContext>();
        await using var lockConnection = new NpgsqlConnection(db.Database.GetConnectionString());
        await lockConnection.OpenAsync(cancellationToken);
        if (!await TryLockAsync(lockConnection, cancellationToken))
        {
            logger.LogInformation("Re-match already running in another instance");
            return new RematchRun(false, 0, 0);
        }

        var writing = Task.CompletedTask;
        try
        {
            var trials = await scope.ServiceProvider.GetRequiredService<TrialContextProvider>().GetAsync(cancellationToken);
            var total = 0;
            var batches = 0;
            var ids = await StalePatientsAsync(db, trials, Guid.Empty, batchSize, cancellationToken);
            while (ids.Count > 0)
            {
                // Two stages overlap: this batch is loaded and evaluated (.NET) while the previous one is
                // written (PostgreSQL), so both cores work. One batch is written at a time, in order.
                var evaluations = await EvaluateBatchAsync(ids, trials, cancellationToken);
                var next = await StalePatientsAsync(db, trials, ids[^1], batchSize, cancellationToken);
                await writing;
                writing = WriteBatchAsync(ids, evaluations, cancellationToken);
                total += ids.Count;
                batches++;
                ids = next;
            }

            await writing;
            if (total > 0)
            {
                logger.LogInformation("Re-matched {Count} patients in {Batches} batches (knowledge base {Version}, trials {Trials})",
                    total, batches, knowledge.Rules.Version, trials.Stamp.Version);
            }

            return new RematchRun(true, total, batches);
        }
        finally
        {
            // Never release the lock while a batch is still being written. When the loop failed, its own
            // exception propagates; a write failing meanwhile is logged here.
            if (!writing.IsCompleted)
            {
                await Task.WhenAny(writing);
            }

            if (writing.IsFaulted)
            {
                logger.LogError(writing.Exception, "Re-match batch write failed");
            }

            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", lockConnection);
            unlock.Parameters.AddWithValue("key", LockKey);
            await unlock.ExecuteScalarAsync(CancellationToken.None);
        }
    }

    private static async Task<bool> TryLockAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
        command.Parameters.AddWithValue("key", LockKey);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    private async Task<List<Guid>> StalePatientsAsync(TumorBoardDbContext db, TrialContext trials, Guid after, int batchSize, CancellationToken ct)
    {
        var kbHash = knowledge.Rules.ContentHash;
        var trialsHash = trials.Stamp.Hash;
        return await db.Database.SqlQuery<Guid>($"""
            SELECT p.id AS "Value" FROM patients p
            LEFT JOIN evaluations e ON e.id = p.latest_evaluation_id
            WHERE p.id > {after}
              AND (e.id IS NULL OR e.knowledge_base_hash <> {kbHash} OR e.trials_hash <> {trialsHash})
              AND EXISTS (SELECT 1 FROM reports r WHERE r.patient_id = p.id)
            ORDER BY p.id
            LIMIT {batchSize}
            """).ToListAsync(ct);
    }

    /// <summary>Loads the batch's patients and evaluates them; nothing is written.</summary>
    internal async Task<List<EvaluationDocument>> EvaluateBatchAsync(List<Guid> patientIds, TrialContext trials, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TumorBoardDbContext>();
        var snapshots = await PatientSnapshotLoader.LoadManyAsync(db, patientIds, ct);
        var now = clock.GetUtcNow();
        return snapshots.Select(snapshot => EvaluationBuilder.Build(knowledge, snapshot, trials, now, "rematch")).ToList();
    }

    /// <summary>Stores the batch's evaluations in one transaction and makes them the patients' latest.</summary>
    internal async Task WriteBatchAsync(List<Guid> patientIds, List<EvaluationDocument> evaluations, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TumorBoardDbContext>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // Patients re-evaluated since this batch read them (an ingestion, a board request) already have a
        // current evaluation: writing ours would make a stale one latest. The row lock orders us with them.
        var latest = await db.Database.SqlQuery<LatestEvaluation>($"""
            SELECT id AS patient_id, latest_evaluation_id AS evaluation_id FROM patients WHERE id = ANY({patientIds}) FOR UPDATE
            """).ToDictionaryAsync(r => r.PatientId, r => r.EvaluationId, ct);
        var current = evaluations.Where(e => latest.TryGetValue(e.PatientId, out var seen) && seen == e.PreviousEvaluationId).ToList();
        foreach (var evaluation in current)
        {
            EvaluationWriter.Add(db, evaluation, audit);
        }

        var ids = current.Select(e => e.PatientId).ToArray();
        var evaluationIds = current.Select(e => e.EvaluationId).ToArray();
        await db.Database.ExecuteSqlAsync(
            $"UPDATE recommendations SET is_latest = false WHERE patient_id = ANY({ids}) AND is_latest", ct);
        await RematchRowWriter.SaveAsync(db, ct);
        await db.Database.ExecuteSqlAsync($"""
            UPDATE patients p SET latest_evaluation_id = u.evaluation_id
            FROM unnest({ids}, {evaluationIds}) AS u(patient_id, evaluation_id)
            WHERE p.id = u.patient_id
            """, ct);
        await transaction.CommitAsync(ct);
    }

    private sealed record LatestEvaluation(Guid PatientId, Guid? EvaluationId);
}
