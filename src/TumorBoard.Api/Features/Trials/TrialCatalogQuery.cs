using TumorBoard.Api.Features.KnowledgeBase;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Api.ReadModels;
using TumorBoard.Core.Trials;
using TumorBoard.Persistence;

namespace TumorBoard.Api.Features.Trials;

/// <summary>The trial catalog with each arm's live status (a coordinator's stored change over the data file's default), for the API and the board pages.</summary>
public sealed class TrialCatalogQuery(TumorBoardDbContext db, Knowledge knowledge)
{
    public async Task<List<TrialSummaryDto>> ListAsync(CancellationToken ct)
    {
        var statuses = await ArmStatusLookup.LoadAsync(db, knowledge, ct);
        return knowledge.Trials.Trials.Select(t => new TrialSummaryDto(
            t.Id, t.PrimaryNctId, t.Title,
            t.Arms.Select(a => new ArmSummaryDto(a.Id, a.Title, a.Drugs, statuses.StatusOf(t.Id, a.Id))).ToList())).ToList();
    }

    /// <summary>The arm a route names; trial and arm ids compare case-insensitively.</summary>
    internal static (Trial Trial, TrialArm Arm)? FindArm(Knowledge knowledge, string trialId, string armId) =>
        knowledge.Trials.Find(trialId) is { } trial && trial.Arms.FirstOrDefault(a => string.Equals(a.Id, armId, StringComparison.OrdinalIgnoreCase)) is { } arm
            ? (trial, arm)
            : null;

    internal static Failure NoArm(string trialId, string armId) => new(FailureKind.NotFound, $"No arm '{armId}' in trial '{trialId}'.");
}
