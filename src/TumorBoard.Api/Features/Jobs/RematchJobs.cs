using Microsoft.EntityFrameworkCore;
using TumorBoard.Persistence;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Api.Features.Jobs;

/// <summary>
/// The durable re-match jobs in PostgreSQL: requesting one (coalesced with a job still queued, and
/// announced to every instance with NOTIFY), claiming, progress, heartbeat and the end, each with its
/// audit event (entity type <c>job</c>). Claiming is only done under the re-match advisory lock, so one
/// job runs at a time across all instances.
/// </summary>
public sealed class RematchJobs(IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>Queues a re-match (or returns the one already queued) and wakes every instance's worker.</summary>
    public async Task<Guid> RequestAsync(string reason, string requestedBy, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TumorBoardDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var id = await EnqueueAsync(db, reason, requestedBy, ct);
        await transaction.CommitAsync(ct);
        return id;
    }

    /// <summary>
    /// Queues a re-match inside the caller's open transaction, so the change that makes evaluations stale
    /// and the job that re-matches them commit together: a worker never sees one without the other.
    /// </summary>
    public async Task<Guid> EnqueueAsync(TumorBoardDbContext db, string reason, string requestedBy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        // A trial-scoped job (a CTML import) re-evaluates only that trial's patients: never absorb a global request into it.
        var queued = await db.Jobs.Where(j => j.Kind == JobStatus.RematchKind && j.Status == JobStatus.Queued && j.TrialId == null)
            .OrderBy(j => j.CreatedAt).Select(j => (Guid?)j.Id).FirstOrDefaultAsync(ct);
        var id = queued ?? Guid.CreateVersion7();
        if (queued is null)
        {
            db.Jobs.Add(new JobEntity { Id = id, Kind = JobStatus.RematchKind, Status = JobStatus.Queued, Reason = reason, RequestedBy = requestedBy, CreatedAt = clock.GetUtcNow() });
            Audit(db, id, requestedBy, "job-requested", new { kind = JobStatus.RematchKind, reason });
            await db.SaveChangesAsync(ct);
        }

        // Delivered at commit to every instance listening (RematchNotifications).
        await db.Database.ExecuteSqlAsync($"SELECT pg_notify({JobStatus.Channel}, {id.ToString()})", ct);
        return id;
    }

    /// <summary>
    /// Takes the oldest unfinished job: a queued one, or one left running by an instance that died (the
    /// caller holds the advisory lock, so no live instance is running it).
    /// </summary>
    public async Task<JobEntity?> ClaimAsync(string owner, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TumorBoardDbContext>();
        var job = await db.Jobs.Where(j => j.Kind == JobStatus.RematchKind && (j.Status == JobStatus.Queued || j.Status == JobStatus.Running))
            .OrderBy(j => j.CreatedAt).FirstOrDefaultAsync(ct);
        if (job is null)
        {
            return null;
        }

        var resumed = job.Status == JobStatus.Running;
        var previousOwner = job.Owner;
        var now = clock.GetUtcNow();
        job.Status = JobStatus.Running;
        job.Owner = owner;
        job.Attempts++;
        job.StartedAt ??= now;
        job.HeartbeatAt = now;
        Audit(db, job.Id, "system", resumed ? "job-resumed" : "job-started", new { owner, attempt = job.Attempts, previousOwner, job.PatientsDone });
        await db.SaveChangesAsync(ct);
        return job;
    }

    /// <summary>Creates a job already running (the worker found stale evaluations nobody asked about: a new knowledge base).</summary>
    public async Task<JobEntity> StartNewAsync(string reason, string owner, CancellationToken ct, string? trialId = null, string? armId = null)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TumorBoardDbContext>();
        var now = clock.GetUtcNow();
        var job = new JobEntity
        {
            Id = Guid.CreateVersion7(),
            Kind = JobStatus.RematchKind,
            Status = JobStatus.Running,
            Reason = reason,
            RequestedBy = "system",
            CreatedAt = now,
            StartedAt = now,
            HeartbeatAt = now,
            Owner = owner,
            Attempts = 1,
            TrialId = trialId,
            ArmId = armId,
        };
        db.Jobs.Add(job);
        Audit(db, job.Id, "system", "job-started", new { owner, attempt = 1, reason, trialId, armId });
        await db.SaveChangesAsync(ct);
        return job;
    }

    /// <summary>Records what this attempt works against: the hashes and how many patients are still stale.</summary>
    public Task PlanAsync(Guid id, int remaining, string knowledgeBaseHash, string trialsHash, CancellationToken ct) =>
        UpdateAsync(id, j =>
        {
            j.PatientsTotal = j.PatientsDone + remaining;
            j.KnowledgeBaseHash = knowledgeBaseHash;
            j.TrialsHash = trialsHash;
        }, ct);

    /// <summary>A batch committed: progress and heartbeat.</summary>
    public Task ProgressAsync(Guid id, int patients, CancellationToken ct) =>
        UpdateAsync(id, j =>
        {
            j.PatientsDone += patients;
            j.BatchesDone++;
            j.PatientsTotal = Math.Max(j.PatientsTotal, j.PatientsDone);
            j.HeartbeatAt = clock.GetUtcNow();
        }, ct);

    public Task HeartbeatAsync(Guid id, CancellationToken ct) => UpdateAsync(id, j => j.HeartbeatAt = clock.GetUtcNow(), ct);

    /// <summary>Completed or failed; the error is an exception type and message (never patient data).</summary>
    public async Task FinishAsync(Guid id, string status, string? error, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TumorBoardDbContext>();
        var job = await db.Jobs.SingleAsync(j => j.Id == id, ct);
        var now = clock.GetUtcNow();
        job.Status = status;
        job.FinishedAt = now;
        job.HeartbeatAt = now;
        job.Error = error;
        var seconds = job.StartedAt is { } started ? Math.Round((now - started).TotalSeconds, 3) : 0;
        Audit(db, id, "system", status == JobStatus.Completed ? "job-completed" : "job-failed",
            new { job.PatientsDone, job.BatchesDone, job.Attempts, seconds, error });
        await db.SaveChangesAsync(ct);
    }

    private async Task UpdateAsync(Guid id, Action<JobEntity> change, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TumorBoardDbContext>();
        var job = await db.Jobs.SingleAsync(j => j.Id == id, ct);
        change(job);
        await db.SaveChangesAsync(ct);
    }

    private void Audit(TumorBoardDbContext db, Guid jobId, string actor, string action, object details) =>
        db.AuditEvents.Add(new AuditEventEntity
        {
            At = clock.GetUtcNow(),
            Actor = actor,
            Action = action,
            EntityType = "job",
            EntityId = jobId.ToString(),
            Details = System.Text.Json.JsonSerializer.Serialize(details, JobStatus.DetailsJson),
        });
}
