using System.Text.Json;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using TumorBoard.Api.Features.Jobs;
using TumorBoard.Api.Features.KnowledgeBase;
using TumorBoard.Api.Features.Recommendations;
using TumorBoard.Api.Features.Subscriptions;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Api.ReadModels;
using TumorBoard.Persistence;
using TumorBoard.Persistence.Queries;

namespace TumorBoard.Api.Features.Rematch;

/// <summary>Outcome of one re-match run.</summary>
public sealed record RematchRun(bool Acquired, int Patients, int Batches);

/// <summary>A committed batch of a running job, for observers (progress displays, tests that stop an instance mid-run).</summary>
public sealed record RematchProgress(Guid JobId, int Batches, int Patients);

/// <summary>
/// Re-evaluates every patient whose latest evaluation used another knowledge-base hash or trial stamp (new rule
/// files, new trial files), a trial's patients after a CTML import, or, after an arm status change, the patients
/// listed on that arm (trial part only, <see cref="ArmRematchScope"/>). The work is a durable job in PostgreSQL
/// (<see cref="RematchJobs"/>): one run at a time across all instances (a session-level advisory lock,
/// released by PostgreSQL when the holder's connection dies), progress and heartbeat recorded per batch.
/// Batched and resumable: each batch commits on its own and a re-evaluated patient no longer qualifies,
/// so the instance that takes over a dead owner's job continues where it stopped.
/// </summary>
public sealed class Rematcher(
    IServiceScopeFactory scopes, Knowledge knowledge, RematchJobs jobs, TimeProvider clock, IOptions<RematchOptions> options,
    OutboxWriter outbox, IOptionsMonitor<SubscriptionOptions> subscriptions, ILogger<Rematcher> logger)
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
            logger.AlreadyRunning();
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
                    if ((await StalePatientsAsync(db, trials, Guid.Empty, 1, cancellationToken)).Count > 0)
                    {
                        job = await jobs.StartNewAsync("stale-evaluations", Owner, cancellationToken);
                    }
                    else if (await ArmRematchScope.FirstStaleArmAsync(db, knowledge, cancellationToken) is { } arm)
                    {
                        // An arm job that failed or was lost: its listed patients still record the arm's former status.
                        job = await jobs.StartNewAsync(ArmRematchScope.Reason, Owner, cancellationToken, arm.TrialId, arm.ArmId);
                    }
                    else
                    {
                        break;
                    }
                }

                var run = await RunJobAsync(new JobScope(job.Id, job.TrialId, job.ArmId), db, trials, batchSize, progress, cancellationToken);
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
    /// the next lock holder to resume; any other failure marks it failed (the next request starts anew) and
    /// propagates to the caller, which logs it once.
    /// </summary>
    private async Task<RematchRun> RunJobAsync(JobScope scope, TumorBoardDbContext db, TrialContext trials, int batchSize, IProgress<RematchProgress>? progress, CancellationToken cancellationToken)
    {
        var jobId = scope.JobId;
        var started = clock.GetTimestamp();
        using var heartbeatStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var heartbeat = HeartbeatAsync(jobId, heartbeatStop.Token);
        try
        {
            var remaining = scope switch
            {
                { TrialId: null } => await CountStaleAsync(db, trials, cancellationToken),
                { ArmId: { } armId } when ArmRematchScope.CurrentStatus(knowledge, trials, scope.TrialId, armId) is { } status =>
                    await ArmRematchScope.CountAsync(db, scope.TrialId, armId, status, cancellationToken),
                _ => 0,
            };
            await jobs.PlanAsync(jobId, remaining, knowledge.Rules.ContentHash, trials.Stamp.Hash, cancellationToken);
            var (total, batches) = await PipelineAsync(scope, db, trials, batchSize, progress, cancellationToken);
            await jobs.FinishAsync(jobId, JobStatus.Completed, null, cancellationToken);
            RematchMetrics.Completed(clock.GetElapsedTime(started), total);
            if (total > 0)
            {
                logger.JobFinished(jobId, total, batches, knowledge.Rules.Version, trials.Stamp.Version);
            }

            return new RematchRun(true, total, batches);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await jobs.FinishAsync(jobId, JobStatus.Failed, $"{e.GetType().Name}: {e.Message}", CancellationToken.None);
            throw;
        }
        finally
        {
            await heartbeatStop.CancelAsync();
            await heartbeat;
        }
    }

    /// <summary>
    /// Two stages joined by a channel of one batch: the next batch is loaded and evaluated (.NET) while the previous
    /// one is written (PostgreSQL), so both cores work; batches are written one at a time, in order. When the writing
    /// stage fails it stops the evaluating one; when the evaluating stage fails its error completes the channel and
    /// surfaces here, from the reader. Either way this returns only after both stages have ended, so the job and
    /// the lock are never given up while a batch is still being written.
    /// </summary>
    private async Task<(int Patients, int Batches)> PipelineAsync(JobScope scope, TumorBoardDbContext db, TrialContext trials, int batchSize, IProgress<RematchProgress>? progress, CancellationToken ct)
    {
        var jobId = scope.JobId;
        var channel = Channel.CreateBounded<EvaluatedBatch>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var evaluating = EvaluateAllAsync(scope, db, trials, batchSize, channel.Writer, stop.Token);
        try
        {
            var (patients, batches) = (0, 0);
            await foreach (var batch in channel.Reader.ReadAllAsync(stop.Token))
            {
                await WriteBatchAsync(batch.PatientIds, batch.Evaluations, stop.Token);
                await jobs.ProgressAsync(jobId, batch.PatientIds.Count, stop.Token);
                (patients, batches) = (patients + batch.PatientIds.Count, batches + 1);
                RematchMetrics.Batch(batch.PatientIds.Count);
                progress?.Report(new RematchProgress(jobId, batches, patients));
            }

            return (patients, batches);
        }
        finally
        {
            await stop.CancelAsync();
            await evaluating;
        }
    }

    /// <summary>The evaluating stage: stale patients in id order, a batch at a time. Never throws: how it ended completes the channel.</summary>
    private async Task EvaluateAllAsync(JobScope scope, TumorBoardDbContext db, TrialContext trials, int batchSize, ChannelWriter<EvaluatedBatch> batches, CancellationToken ct)
    {
        try
        {
            var ids = await NextAsync(scope, db, trials, Guid.Empty, batchSize, ct);
            while (ids.Count > 0)
            {
                var evaluations = await EvaluateBatchAsync(ids, trials, ct, trialPartOnly: scope.ArmId is not null);
                await batches.WriteAsync(new EvaluatedBatch(ids, evaluations), ct);
                ids = await NextAsync(scope, db, trials, ids[^1], batchSize, ct);
            }

            batches.Complete();
        }
#pragma warning disable CA1031 // not swallowed: the writing stage rethrows it from the reader
        catch (Exception e)
#pragma warning restore CA1031
        {
            // Handed to the writing stage, which rethrows it from the reader: one failure, reported once.
            batches.Complete(e);
        }
    }

    private sealed record EvaluatedBatch(List<Guid> PatientIds, List<PreparedEvaluation> Evaluations);

    /// <summary>What a job re-matches: every stale patient (no trial), a trial's patients (a CTML import), or an arm's listed patients (a status change).</summary>
    private sealed record JobScope(Guid JobId, string? TrialId, string? ArmId);

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
            logger.HeartbeatFailed(e, jobId);
        }
    }

    private static async Task<bool> TryLockAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
        command.Parameters.AddWithValue("key", LockKey);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>
    /// A trial-scoped job (a CTML import) re-evaluates only the patients that trial can affect, an arm-scoped one (a status
    /// change) the arm's listed patients that recorded another status; any other job every stale patient.
    /// </summary>
    private Task<List<Guid>> NextAsync(JobScope scope, TumorBoardDbContext db, TrialContext trials, Guid after, int batchSize, CancellationToken ct) => scope switch
    {
        { TrialId: null } => StalePatientsAsync(db, trials, after, batchSize, ct),
        { ArmId: null } => TrialRematchScope.PatientsAsync(db, knowledge.Trials.Find(scope.TrialId), scope.TrialId, after, batchSize, ct),
        _ => ArmRematchScope.CurrentStatus(knowledge, trials, scope.TrialId, scope.ArmId) is { } status
            ? ArmRematchScope.PatientsAsync(db, scope.TrialId, scope.ArmId, status, after, batchSize, ct)
            : Task.FromResult(new List<Guid>()),
    };

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

    /// <summary>
    /// Loads the batch's patients, evaluates them and builds the rows to write (JSON included), so the writing stage
    /// only copies; nothing is written. <paramref name="trialPartOnly"/>: redo only the trial part of each patient's
    /// latest evaluation, carrying its therapy findings over (an arm status change), where that evaluation allows it.
    /// </summary>
    internal async Task<List<PreparedEvaluation>> EvaluateBatchAsync(List<Guid> patientIds, TrialContext trials, CancellationToken ct, bool trialPartOnly = false)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TumorBoardDbContext>();
        var snapshots = await PatientSnapshotLoader.LoadManyAsync(db, patientIds, ct);
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
