using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Api.Features.KnowledgeBase;
using TumorBoard.Api.Features.Recommendations;
using TumorBoard.Api.Features.TrialImport;
using TumorBoard.Core.Trials;
using TumorBoard.Core.Trials.Evaluation;
using TumorBoard.Persistence;

namespace TumorBoard.Api.Features.Trials;

/// <summary>
/// The arm statuses coordinators set, over the trial files' defaults. Its stamp changes whenever the
/// catalog or an override changes, which is what tells the re-match job that patients need re-evaluating.
/// </summary>
public sealed class TrialContextProvider(TumorBoardDbContext db, Knowledge knowledge, TrialCatalogSync catalog)
{
    public async Task<TrialContext> GetAsync(CancellationToken cancellationToken)
    {
        // Every evaluation first picks up trial versions imported through any instance.
        await catalog.EnsureCurrentAsync(db, cancellationToken);
        var rows = await db.ArmStatuses.AsNoTracking().OrderBy(a => a.TrialId).ThenBy(a => a.ArmId).ToListAsync(cancellationToken);
        var overrides = new Dictionary<ArmKey, ArmStatus>();
        var text = new StringBuilder(knowledge.Trials.ContentHash);
        foreach (var row in rows)
        {
            if (ArmStatuses.TryParse(row.Status, out var status))
            {
                overrides[new ArmKey(row.TrialId, row.ArmId)] = status;
                text.Append('|').Append(row.TrialId).Append('/').Append(row.ArmId).Append('=').Append(row.Status);
            }
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
        return new TrialContext(overrides, new KnowledgeBaseStamp(knowledge.Trials.Version, hash));
    }
}
