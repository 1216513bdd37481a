using Microsoft.EntityFrameworkCore;
using TumorBoard.Api.Features.KnowledgeBase;
using TumorBoard.Core.Trials;
using TumorBoard.Persistence;

namespace TumorBoard.Api.ReadModels;

/// <summary>Current arm statuses: the coordinator's override when set, else the trial file's default.</summary>
public sealed class ArmStatusLookup
{
    private readonly Dictionary<(string, string), string> _overrides;
    private readonly Knowledge _knowledge;

    private ArmStatusLookup(Knowledge knowledge, Dictionary<(string, string), string> overrides)
    {
        _knowledge = knowledge;
        _overrides = overrides;
    }

    public static async Task<ArmStatusLookup> LoadAsync(TumorBoardDbContext db, Knowledge knowledge, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.ArmStatuses.AsNoTracking().ToListAsync(ct);
        return new ArmStatusLookup(knowledge, rows.ToDictionary(r => (r.TrialId, r.ArmId), r => r.Status));
    }

    public string StatusOf(string trialId, string armId)
    {
        if (_overrides.TryGetValue((trialId, armId), out var status))
        {
            return status;
        }

        var arm = _knowledge.Trials.Find(trialId)?.Arms.FirstOrDefault(a => a.Id == armId);
        return arm?.DefaultStatus.ToCode() ?? "closed";
    }
}
