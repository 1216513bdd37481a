using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using TumorBoard.Api.Features.Audit;
using TumorBoard.Api.Features.Jobs;
using TumorBoard.Api.Features.KnowledgeBase;
using TumorBoard.Api.Features.Recommendations;
using TumorBoard.Api.ReadModels;
using TumorBoard.Persistence;

namespace TumorBoard.Api.Features.Rematch;

/// <summary>Outcome of one re-match run.</summary>
public sealed record RematchRun(bool Acquired, int Patients, int Batches);

/// <summary>A committed batch of a running job, for observers (progress displays, tests that stop an instance mid-run).</summary>
public sealed record RematchProgress(Guid JobId, int Batches, int Patients);

/// <summary>
/// Re-evaluates every patient whose latest evaluation used another knowledge-base hash or trial stamp
/// (new rule files, new trial files, an arm status change). The work is a durable job in PostgreSQL
/// (<see cref="RematchJobs"/>): one run at a time across all instances (a session-level advisory lock,
/// released by PostgreSQL when the holder's connection dies), progress and heartbeat recorded per batch.
/// Batched and resumable: each batch commits on its own and a re-evaluated patient no longer qualifies,
/// so the instance that takes over a dead owner's job continues where it stopped.
/// </summary>
public sealed class Rematcher(IServiceScopeFactory scopes, Knowledge knowledge, RematchJobs jobs, TimeProvider clock, IOptions<RematchOptions> options, ILogger<Rematcher> logger)
{
    private const long LockKey = 0x5475_6D6F_7242_6431; // "TumorBd1"

    /// <summary>This instance, as recorded as a job's owner: pod (host) name, process and a per-instance nonce.</summary>
    public string Owner { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    public Task<RematchRun> RunAsync(int batchSize, CancellationToken cancellationToken) => RunAsync(batchSize, null, cancellationToken);

    /// <summary>Runs queued or orphaned jobs, then a new one if evaluations are stale; returns at once when another instance holds the lock.</summary>
    public async Task<RematchRun> RunAsync(int batchSize, IProgress<RematchProgress>? progress, CancellationToken cancellationToken)
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
            var patients = 0;
            var batches = 0;
            while (true)
            {
                var trials = await scope.ServiceProvider.GetRequiredService<TrialContextProvider>().GetAsync(cancellationToken);
                var job = await jobs.ClaimAsync(Owner, cancellationToken);
                if (job is null)
                {
                    if ((await StalePatientsAsync(db, trials, Guid.Empty, 1, cancellationToken)).Count == 0)
                    {
                        break;
                    }

                    job = await jobs.StartNewAsync("stale-evaluations", Owner, cancellationToken);
                }

                var run = await RunJobAsync(job.Id, job.TrialId, db, trials, batchSize, progress, cancellationToken);
                patients += run.Patients;
                batches += run.Batches;
            }

            return new RematchRun(true, patients, batches);
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", lockConnection);
            unlock.Parameters.AddWithValue("key", LockKey);
            await unlock.ExecuteScalarAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// One job to its end. Cancellation (the instance stopping) leaves it running with its progress, for
    /// the next lock holder to resume; any other failure marks it failed (the next request starts anew).
    /// </summary>
    private async Task<RematchRun> RunJobAsync(Guid jobId, string? trialId, TumorBoardDbContext db, TrialContext trials, int batchSize, IProgress<RematchProgress>? progress, CancellationToken cancellationToken)
    {
        // A trial-scoped job (a CTML import) re-evaluates only the patients that trial can affect.
        Task<List<Guid>> NextAsync(Guid after) => trialId is null
            ? StalePatientsAsync(db, trials, after, batchSize, cancellationToken)
            : TrialRematchScope.PatientsAsync(db, knowledge.Trials.Find(trialId), trialId, after, batchSize, cancellationToken);

        var started = clock.GetTimestamp();
        using var heartbeatStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var heartbeat = HeartbeatAsync(jobId, heartbeatStop.Token);
        var writing = Task.CompletedTask;
        var total = 0;
        var batches = 0;
        try
        {
            await jobs.PlanAsync(jobId, trialId is null ? await CountStaleAsync(db, trials, cancellationToken) : 0, knowledge.Rules.ContentHash, trials.Stamp.Hash, cancellationToken);
            var ids = await NextAsync(Guid.Empty);
            while (ids.Count > 0)
            {
                // Two stages overlap: this batch is loaded and evaluated (.NET) while the previous one is
                // written (PostgreSQL), so both cores work. One batch is written at a time, in order.
                var evaluations = await EvaluateBatchAsync(ids, trials, cancellationToken);
                var next = await NextAsync(ids[^1]);
                await writing;
                total += ids.Count;
                batches++;
                writing = WriteAndRecordAsync(jobId, ids, evaluations, new RematchProgress(jobId, batches, total), progress, cancellationToken);
                ids = next;
            }

            await writing;
            await jobs.FinishAsync(jobId, JobStatus.Completed, null, cancellationToken);
            RematchMetrics.Completed(clock.GetElapsedTime(started), total);
            if (total > 0)
            {
                logger.LogInformation("Re-match job {JobId}: {Count} patients in {Batches} batches (knowledge base {Version}, trials {Trials})",
                    jobId, total, batches, knowledge.Rules.Version, trials.Stamp.Version);
            }

            return new RematchRun(true, total, batches);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await WhenWrittenAsync(writing);
            await jobs.FinishAsync(jobId, JobStatus.Failed, $"{e.GetType().Name}: {e.Message}", CancellationToken.None);
            throw;
        }
        finally
        {
            // Never give the job (and the lock) up while a batch is still being written.
            await WhenWrittenAsync(writing);
            await heartbeatStop.CancelAsync();
            await heartbeat;
        }
    }

    private async Task WhenWrittenAsync(Task writing)
    {
        if (!writing.IsCompleted)
        {
            await Task.WhenAny(writing);
        }

        if (writing.IsFaulted)
        {
            logger.LogError(writing.Exception, "Re-match batch write failed");
        }
    }

    private async Task WriteAndRecordAsync(Guid jobId, List<Guid> ids, List<EvaluationDocument> evaluations, RematchProgress done, IProgress<RematchProgress>? progress, CancellationToken ct)
    {
        await WriteBatchAsync(ids, evaluations, ct);
        await jobs.ProgressAsync(jobId, ids.Count, ct);
        RematchMetrics.Batch(ids.Count);
        progress?.Report(done);
    }

    /// <summary>Keeps the job's heartbeat fresh while a long batch runs, so observers can tell a live owner from a dead one.</summary>
    private async Task HeartbeatAsync(Guid jobId, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(options.Value.HeartbeatInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                await jobs.HeartbeatAsync(jobId, ct);
            }
        }
        catch (OperationCanceledException)
        {
            // The job ended or the instance is stopping.
        }
        catch (Exception e) when (e is NpgsqlException or DbUpdateException)
        {
            logger.LogWarning(e, "Re-match job {JobId}: heartbeat failed", jobId);
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

    private async Task<int> CountStaleAsync(TumorBoardDbContext db, TrialContext trials, CancellationToken ct)
    {
        var kbHash = knowledge.Rules.ContentHash;
        var trialsHash = trials.Stamp.Hash;
        return await db.Database.SqlQuery<int>($"""
            SELECT count(*)::int AS "Value" FROM patients p
            LEFT JOIN evaluations e ON e.id = p.latest_evaluation_id
            WHERE (e.id IS NULL OR e.knowledge_base_hash <> {kbHash} OR e.trials_hash <> {trialsHash})
              AND EXISTS (SELECT 1 FROM reports r WHERE r.patient_id = p.id)
            """).SingleAsync(ct);
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
