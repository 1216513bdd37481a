using Microsoft.EntityFrameworkCore;
using TumorBoard.Api.Features.Jobs;
using TumorBoard.Api.Features.KnowledgeBase;
using TumorBoard.Api.ReadModels;
using TumorBoard.Core.Trials;
using TumorBoard.Core.Trials.Evaluation;
using TumorBoard.Persistence;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Api.Features.Rematch;

/// <summary>
/// A re-match scoped to one arm, after its status changed: only the patients listed on it (eligible or potential)
/// whose latest row recorded another arm status than the current one. Nobody else's answer can change: the trial
/// engine reads an arm's status only through that arm's own match (a non-match arm asks whether an open biomarker
/// arm the patient is eligible or potential for exists, and the engine only knows arms that selected the patient,
/// each of which has a row), and an ineligible row's status feeds nothing. Those patients get a trial-only
/// re-evaluation (<see cref="Recommendations.TrialReevaluation"/>). Resumable: a re-matched patient's new row records
/// the current status, so it no longer qualifies.
/// </summary>
public static class ArmRematchScope
{
    /// <summary>The reason recorded on arm-scoped jobs.</summary>
    public const string Reason = "arm-status";

    /// <summary>Queues the arm's re-match in the caller's transaction (coalesced with one still queued for the same arm) and wakes every instance.</summary>
    public static async Task<Guid> EnqueueAsync(TumorBoardDbContext db, string trialId, string armId, string requestedBy, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        var queued = await db.Jobs.Where(j => j.Kind == JobStatus.RematchKind && j.Status == JobStatus.Queued && j.TrialId == trialId && j.ArmId == armId)
            .Select(j => (Guid?)j.Id).FirstOrDefaultAsync(ct);
        var id = queued ?? Guid.CreateVersion7();
        if (queued is null)
        {
            db.Jobs.Add(new JobEntity
            {
                Id = id,
                Kind = JobStatus.RematchKind,
                Status = JobStatus.Queued,
                Reason = Reason,
                RequestedBy = requestedBy,
                CreatedAt = clock.GetUtcNow(),
                TrialId = trialId,
                ArmId = armId,
            });
            db.AuditEvents.Add(new AuditEventEntity
            {
                At = clock.GetUtcNow(),
                Actor = requestedBy,
                Action = "job-requested",
                EntityType = "job",
                EntityId = id.ToString(),
                Details = System.Text.Json.JsonSerializer.Serialize(new { kind = JobStatus.RematchKind, reason = Reason, trialId, armId }, JobStatus.DetailsJson),
            });
            await db.SaveChangesAsync(ct);
        }

        await db.Database.ExecuteSqlAsync($"SELECT pg_notify({JobStatus.Channel}, {id.ToString()})", ct);
        return id;
    }

    /// <summary>The arm's status now: the coordinators' override, else the trial file's default; null when the arm no longer exists.</summary>
    public static string? CurrentStatus(Knowledge knowledge, TrialContext trials, string trialId, string armId)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(trials);
        if (knowledge.Trials.Find(trialId)?.Arms.FirstOrDefault(a => string.Equals(a.Id, armId, StringComparison.Ordinal)) is not { } arm)
        {
            return null;
        }

        return (trials.Overrides.TryGetValue(new ArmKey(trialId, armId), out var status) ? status : arm.DefaultStatus).ToCode();
    }

    /// <summary>The next batch of patients listed on the arm whose latest row recorded another arm status than <paramref name="status"/>.</summary>
    public static Task<List<Guid>> PatientsAsync(TumorBoardDbContext db, string trialId, string armId, string status, Guid after, int batchSize, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        // The arm index of the narrow latest rows (trial_id, arm_id, patient_id) gives the arm's rows in patient order from
        // `after` on; only listed rows are read from the (narrow) heap for their recorded status.
        return db.Database.SqlQuery<Guid>($"""
            SELECT DISTINCT patient_id AS "Value" FROM latest_trial_recommendations
            WHERE trial_id = {trialId} AND arm_id = {armId} AND patient_id > {after}
              AND status IN ('eligible', 'potential') AND arm_status IS DISTINCT FROM {status}
            ORDER BY 1
            LIMIT {batchSize}
            """).ToListAsync(ct);
    }

    /// <summary>How many patients <see cref="PatientsAsync"/> would still return.</summary>
    public static Task<int> CountAsync(TumorBoardDbContext db, string trialId, string armId, string status, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.SqlQuery<int>($"""
            SELECT count(DISTINCT patient_id)::int AS "Value" FROM latest_trial_recommendations
            WHERE trial_id = {trialId} AND arm_id = {armId}
              AND status IN ('eligible', 'potential') AND arm_status IS DISTINCT FROM {status}
            """).SingleAsync(ct);
    }

    /// <summary>
    /// An arm with a coordinator's status that some listed patient's latest row did not record: a job that failed or
    /// was lost. The worker's periodic pass starts its re-match. Few arms carry an override, each looked up by index.
    /// An arm whose job is still queued or running is not lost: the status change commits its override and its job
    /// together, so one statement sees both or neither, and a pass that found no job to claim just before the change
    /// committed must not start a second job that would leave the requested one nothing to do.
    /// </summary>
    public static async Task<(string TrialId, string ArmId)?> FirstStaleArmAsync(TumorBoardDbContext db, Knowledge knowledge, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(knowledge);
        var arms = await db.Database.SqlQuery<StaleArm>($"""
            SELECT s.trial_id, s.arm_id FROM arm_statuses s
            WHERE EXISTS (SELECT 1 FROM latest_trial_recommendations r
                          WHERE r.trial_id = s.trial_id AND r.arm_id = s.arm_id
                            AND r.status IN ('eligible', 'potential') AND r.arm_status IS DISTINCT FROM s.status)
              AND NOT EXISTS (SELECT 1 FROM jobs j
                              WHERE j.kind = {JobStatus.RematchKind} AND j.status IN ({JobStatus.Queued}, {JobStatus.Running})
                                AND j.trial_id = s.trial_id AND j.arm_id = s.arm_id)
            ORDER BY s.trial_id, s.arm_id
            """).ToListAsync(ct);
        // An override of an arm a newer trial version no longer has: that version's own re-match replaced its rows.
        return arms.Where(a => knowledge.Trials.Find(a.TrialId)?.Arms.Any(x => string.Equals(x.Id, a.ArmId, StringComparison.Ordinal)) == true)
            .Select(a => ((string, string)?)(a.TrialId, a.ArmId)).FirstOrDefault();
    }

    private sealed record StaleArm(string TrialId, string ArmId);
}
