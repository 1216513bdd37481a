using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Api.Features.KnowledgeBase;
using TumorBoard.Core.Trials;
using TumorBoard.Core.Trials.Evaluation;
using TumorBoard.Persistence;

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
        // Every evaluation first picks up trial versions imported through any instance.
        await catalog.EnsureCurrentAsync(db, cancellationToken);
        var rows = await db.ArmStatuses.AsNoTracking().OrderBy(a => a.TrialId).ThenBy(a => a.ArmId).ToListAsync(cancellationToken);
        var overrides = new Dictionary<ArmKey, ArmStatus>();
        foreach (var row in rows)
        {
            if (ArmStatuses.TryParse(row.Status, out var status))
            {
                overrides[new ArmKey(row.TrialId, row.ArmId)] = status;
            }
        }

        // Hashed as when the overrides were part of it, so evaluations made without any override stay current on upgrade.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(knowledge.Trials.ContentHash)));
        return new TrialContext(overrides, new KnowledgeBaseStamp(knowledge.Trials.Version, hash));
    }
}
