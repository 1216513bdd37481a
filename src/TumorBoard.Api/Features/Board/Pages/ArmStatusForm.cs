using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using TumorBoard.Api.Features.Audit;
using TumorBoard.Api.Features.Jobs;
using TumorBoard.Api.Features.KnowledgeBase;
using TumorBoard.Api.Features.Rematch;
using TumorBoard.Api.Features.Trials;
using TumorBoard.Persistence;

namespace TumorBoard.Api.Features.Board.Pages;

/// <summary>The coordinator's arm status change from a page, through the API's own handler (validation, audit, re-match signal).</summary>
public sealed class ArmStatusForm(TumorBoardDbContext db, Knowledge knowledge, AuditLog audit, RematchSignal rematch, RematchJobs jobs, TimeProvider clock, IAuthorizationService authorization)
{
    public static readonly string[] Statuses = ["open", "closed", "suspended"];

    /// <summary>Null when the change was made, else what to tell the coordinator.</summary>
    public async Task<string?> ChangeAsync(HttpContext http, string trialId, string armId, string? status, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!await authorization.AllowsAsync(http.User, BoardAuth.ManageTrials))
        {
            return "Only trial coordinators and administrators change an arm's status.";
        }

        var result = await TrialsApi.SetStatusAsync(trialId, armId, new ArmStatusRequest(status), http, db, knowledge, audit, rematch, jobs, clock, ct);
        return result.Result is ProblemHttpResult problem ? problem.ProblemDetails.Title ?? "The status was not changed." : null;
    }

    public Task<bool> CanManageAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return authorization.AllowsAsync(http.User, BoardAuth.ManageTrials);
    }
}
