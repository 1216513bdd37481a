using System.Security.Cryptography;
using System.Text;
using TumorBoard.Api.Features.KnowledgeBase;
using TumorBoard.Core.Trials;
using TumorBoard.Core.Trials.Evaluation;
using TumorBoard.Persistence;
using TumorBoard.Persistence.Queries;

namespace TumorBoard.Api.ReadModels;

/// <summary>The arm-status overrides in force and the stamp (catalog hash + overrides) that evaluations record.</summary>
public sealed record TrialContext(IReadOnlyDictionary<ArmKey, ArmStatus> Overrides, KnowledgeBaseStamp Stamp);

/// <summary>
/// The arm statuses coordinators set, over the trial files' defaults. Its stamp changes whenever the
/// catalog or an override changes, which is what tells the re-match job that patients need re-evaluating.
/// </summary>
public sealed class TrialContextProvider(TumorBoardDbContext db, Knowledge knowledge, TrialCatalogSync catalog)
{
    public async Task<TrialContext> GetAsync(CancellationToken cancellationToken)
    {
        // The newest trial version and the overrides in one round trip, read per request (not cached), so a change through
        // any replica is in the next evaluation everywhere.
        var rows = await db.Database.ReadTrialStateAsync(cancellationToken);
        var newest = rows.Find(r => r.Kind == 0);
        // Every evaluation first picks up trial versions imported through any instance.
        await catalog.EnsureCurrentAsync(db, newest?.VersionId, newest?.VersionCreatedAt, cancellationToken);
        var overrides = new Dictionary<ArmKey, ArmStatus>();
        var text = new StringBuilder(knowledge.Trials.ContentHash);
        foreach (var row in rows)
        {
            if (row is { Kind: 1, TrialId: { } trialId, ArmId: { } armId } && ArmStatuses.TryParse(row.Status, out var status))
            {
                overrides[new ArmKey(trialId, armId)] = status;
                text.Append('|').Append(trialId).Append('/').Append(armId).Append('=').Append(row.Status);
            }
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
        return new TrialContext(overrides, new KnowledgeBaseStamp(knowledge.Trials.Version, hash));
    }
}
