using Microsoft.EntityFrameworkCore;
using TumorBoard.Api.Features.Jobs;
using TumorBoard.Core.Alterations;
using TumorBoard.Core.Rules.Matchers;
using TumorBoard.Core.Trials;
using TumorBoard.Core.Trials.Criteria;
using TumorBoard.Core.Trials.Ctml;
using TumorBoard.Persistence;
using TumorBoard.Persistence.Entities;
using TumorBoard.Persistence.Mapping;

namespace TumorBoard.Api.Features.Rematch;

/// <summary>
/// A re-match scoped to one trial: after a CTML import only the patients the trial can affect are re-evaluated,
/// namely those its previous version listed and those its new version can select (an alteration on one of its
/// selecting genes, a TMB, a fusion for an any-gene node; everyone when an arm names no biomarker). A patient is
/// done once its latest evaluation names the trial's current version, so the job is resumable like the global one.
/// </summary>
public static class TrialRematchScope
{
    /// <summary>Queues the trial's re-match in the caller's transaction (coalesced with one still queued for the same trial) and wakes every instance.</summary>
    public static async Task<Guid> EnqueueAsync(TumorBoardDbContext db, string trialId, string requestedBy, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        var queued = await db.Jobs.Where(j => j.Kind == JobStatus.RematchKind && j.Status == JobStatus.Queued && j.TrialId == trialId && j.ArmId == null)
            .Select(j => (Guid?)j.Id).FirstOrDefaultAsync(ct);
        var id = queued ?? Guid.CreateVersion7();
        if (queued is null)
        {
            db.Jobs.Add(new JobEntity
            {
                Id = id,
                Kind = JobStatus.RematchKind,
                Status = JobStatus.Queued,
                Reason = "trial-import",
                RequestedBy = requestedBy,
                CreatedAt = clock.GetUtcNow(),
                TrialId = trialId,
            });
            db.AuditEvents.Add(new AuditEventEntity
            {
                At = clock.GetUtcNow(),
                Actor = requestedBy,
                Action = "job-requested",
                EntityType = "job",
                EntityId = id.ToString(),
                Details = System.Text.Json.JsonSerializer.Serialize(new { kind = JobStatus.RematchKind, reason = "trial-import", trialId }, JobStatus.DetailsJson),
            });
            await db.SaveChangesAsync(ct);
        }

        await db.Database.ExecuteSqlAsync($"SELECT pg_notify({JobStatus.Channel}, {id.ToString()})", ct);
        return id;
    }

    /// <summary>The next batch of patients the trial can affect whose latest evaluation does not name its current version.</summary>
    public static async Task<List<Guid>> PatientsAsync(TumorBoardDbContext db, Trial? trial, string trialId, Guid after, int batchSize, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var keys = trial is null ? new Keys([], false, false, false) : KeysOf(trial);
        var tag = trial is null ? "" : $"{trial.Id}@{trial.Version}";
        var tmb = EnumText.ToText(AlterationKind.Tmb);
        var msi = EnumText.ToText(AlterationKind.Msi);
        var fusion = EnumText.ToText(AlterationKind.Fusion);
        return await db.Database.SqlQuery<Guid>($"""
            SELECT p.id AS "Value" FROM patients p
            JOIN evaluations e ON e.id = p.latest_evaluation_id
            WHERE p.id > {after}
              AND position(';' || {tag} || ';' in ';' || e.trials_version || ';') = 0
              AND (EXISTS (SELECT 1 FROM latest_trial_recommendations r WHERE r.patient_id = p.id AND r.trial_id = {trialId})
                   OR ({keys.Everyone} AND EXISTS (SELECT 1 FROM reports rep WHERE rep.patient_id = p.id))
                   OR EXISTS (SELECT 1 FROM alterations a WHERE a.patient_id = p.id AND (
                        a.gene = ANY({keys.Genes}) OR a.fusion_genes && {keys.Genes}
                        OR ({keys.Tmb} AND a.kind = {tmb}) OR ({keys.Msi} AND a.kind = {msi}) OR ({keys.AnyFusion} AND a.kind = {fusion}))))
            ORDER BY p.id
            LIMIT {batchSize}
            """).ToListAsync(ct);
    }

    private sealed record Keys(string[] Genes, bool Tmb, bool Msi, bool AnyFusion)
    {
        public bool Everyone { get; init; }
    }

    private static Keys KeysOf(Trial trial)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var everyone = false;
        foreach (var arm in trial.Arms)
        {
            everyone |= !Collect(arm.Selection, keys);
        }

        return new Keys(keys.Where(k => !k.StartsWith('#')).ToArray(), keys.Contains(IndexKeys.Tmb), keys.Contains(IndexKeys.Msi), keys.Contains(CtmlGenomicMatcher.AnyFusionKey))
        {
            Everyone = everyone,
        };
    }

    /// <summary>Adds every index key that can select; false when the selection can hold without one (every patient is a candidate).</summary>
    private static bool Collect(TrialCriterion selection, HashSet<string> keys)
    {
        switch (selection)
        {
            case GenomicCriterion genomic when genomic.Matcher.TriggerKeys.Count > 0:
                keys.UnionWith(genomic.Matcher.TriggerKeys);
                return true;
            case AnyCriteria any:
                return any.Criteria.Select(c => Collect(c, keys)).ToList().TrueForAll(b => b);
            case AllCriteria all:
                return all.Criteria.Select(c => Collect(c, keys)).ToList().Exists(b => b);
            default:
                return false;
        }
    }
}
