using System.Security.Cryptography;
using System.Text;
using TumorBoard.Api.Features.KnowledgeBase;
using TumorBoard.Core.Trials;
using TumorBoard.Core.Trials.Evaluation;
using TumorBoard.Persistence;
using TumorBoard.Persistence.Queries;

namespace TumorBoard.Api.ReadModels;

/// <summary>The arm-status overrides in force and the stamp (the catalog's version and hash) that evaluations record.</summary>
public sealed record TrialContext(IReadOnlyDictionary<ArmKey, ArmStatus> Overrides, KnowledgeBaseStamp Stamp);

/// <summary>
/// The arm statuses coordinators set, over the trial files' defaults. The stamp is the catalog's alone: a new trial
/// file version makes every evaluation stale, an arm status change does not. Each trial row records the arm status it
/// was computed against (<c>recommendations.arm_status</c>), and an arm status change re-matches only the patients
/// listed on that arm (<see cref="Features.Rematch.ArmRematchScope"/>, ADR 0003).
/// </summary>
public sealed class TrialContextProvider(TumorBoardDbContext db, Knowledge knowledge, TrialCatalogSync catalog)
{
    public async Task<TrialContext> GetAsync(CancellationToken cancellationToken)
    {
        // The newest trial version and the overrides in one round trip, read per request (not cached), so a change through
        // any replica is in the next evaluation everywhere.
        var rows = await db.Database.ReadTrialStateAsync(cancellationToken);
        return await FromStateAsync(rows, cancellationToken);
    }

    /// <summary>
    /// The same from <see cref="TrialState"/> rows the caller has already read in its own round trip (ingestion reads
    /// them in one batch with its lock and look-ups; docs/performance.md, issue 12, session 5).
    /// </summary>
    public async Task<TrialContext> FromStateAsync(IReadOnlyList<TrialStateRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var newest = rows.FirstOrDefault(r => r.Kind == 0);
        // Every evaluation first picks up trial versions imported through any instance.
        await catalog.EnsureCurrentAsync(db, newest?.VersionId, newest?.VersionCreatedAt, cancellationToken);
        var overrides = new Dictionary<ArmKey, ArmStatus>();
        foreach (var row in rows)
        {
            if (row is { Kind: 1, TrialId: { } trialId, ArmId: { } armId } && ArmStatuses.TryParse(row.Status, out var status))
            {
                overrides[new ArmKey(trialId, armId)] = status;
            }
        }

        // Hashed as when the overrides were part of it, so evaluations made without any override stay current on upgrade.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(knowledge.Trials.ContentHash)));
        return new TrialContext(overrides, new KnowledgeBaseStamp(knowledge.Trials.Version, hash));
    }
}
