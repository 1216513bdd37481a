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

        try
        {
            var trials = await scope.ServiceProvider.GetRequiredService<TrialContextProvider>().GetAsync(cancellationToken);
            var total = 0;
            var batches = 0;
            var after = Guid.Empty;
            while (true)
            {
                var ids = await StalePatientsAsync(db, trials, after, batchSize, cancellationToken);
                if (ids.Count == 0)
                {
                    break;
                }

                await RematchBatchAsync(ids, trials, cancellationToken);
                total += ids.Count;
                batches++;
                after = ids[^1];
            }

            if (total > 0)
            {
                logger.LogInformation("Re-matched {Count} patients in {Batches} batches (knowledge base {Version}, trials {Trials})",
                    total, batches, knowledge.Rules.Version, trials.Stamp.Version);
            }

            return new RematchRun(true, total, batches);
        }
        finally
        {
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

    private async Task RematchBatchAsync(List<Guid> patientIds, TrialContext trials, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TumorBoardDbContext>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        var snapshots = await PatientSnapshotLoader.LoadManyAsync(db, patientIds, ct);
        var now = clock.GetUtcNow();
        var latest = new Dictionary<Guid, Guid>();
        foreach (var snapshot in snapshots)
        {
            var evaluation = EvaluationBuilder.Build(knowledge, snapshot, trials, now, "rematch");
            EvaluationWriter.Add(db, evaluation, audit);
            latest[snapshot.Patient.Id] = evaluation.EvaluationId;
        }

        await db.Database.ExecuteSqlAsync(
            $"UPDATE recommendations SET is_latest = false WHERE patient_id = ANY({patientIds}) AND is_latest", ct);
        await RematchRowWriter.SaveAsync(db, ct);
        var ids = latest.Keys.ToArray();
        var evaluations = latest.Values.ToArray();
        await db.Database.ExecuteSqlAsync($"""
            UPDATE patients p SET latest_evaluation_id = u.evaluation_id
            FROM unnest({ids}, {evaluations}) AS u(patient_id, evaluation_id)
            WHERE p.id = u.patient_id
            """, ct);
        await transaction.CommitAsync(ct);
    }
}
