using Microsoft.EntityFrameworkCore;
using TumorBoard.Api.ReadModels;
using TumorBoard.Persistence;

namespace TumorBoard.Api.Features.Rematch;

/// <summary>Which patients a re-match job covers, a batch at a time, and how many remain.</summary>
public sealed partial class Rematcher
{
    /// <summary>What a job re-matches: every stale patient (no trial), a trial's patients (a CTML import), or an arm's listed patients (a status change).</summary>
    private sealed record JobScope(Guid JobId, string? TrialId, string? ArmId);

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
}
