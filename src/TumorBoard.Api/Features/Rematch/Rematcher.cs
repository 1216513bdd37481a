using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using TumorBoard.Api.Features.Jobs;
using TumorBoard.Api.Features.KnowledgeBase;
using TumorBoard.Api.Features.Subscriptions;
using TumorBoard.Api.ReadModels;
using TumorBoard.Persistence;

namespace TumorBoard.Api.Features.Rematch;

/// <summary>
/// Re-evaluates every patient whose latest evaluation used another knowledge-base hash or trial stamp (new rule
/// files, new trial files), a trial's patients after a CTML import, or, after an arm status change, the patients
/// listed on that arm (trial part only, <see cref="ArmRematchScope"/>). The work is a durable job in PostgreSQL
/// (<see cref="RematchJobs"/>): one run at a time across all instances (a session-level advisory lock,
/// released by PostgreSQL when the holder's connection dies), progress and heartbeat recorded per batch.
/// Batched and resumable: each batch commits on its own and a re-evaluated patient no longer qualifies,
/// so the instance that takes over a dead owner's job continues where it stopped.
/// </summary>
public sealed partial class Rematcher(
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
}
