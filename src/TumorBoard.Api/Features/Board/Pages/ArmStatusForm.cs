using Microsoft.AspNetCore.Authorization;
using TumorBoard.Api.Features.Trials;
using TumorBoard.Api.Infrastructure;

namespace TumorBoard.Api.Features.Board.Pages;

/// <summary>The coordinator's arm status change from a page, through the same command as the API (validation, audit, re-match signal).</summary>
public sealed class ArmStatusForm(ArmStatusCommand command, IAuthorizationService authorization)
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

        var outcome = await command.ChangeAsync(trialId, armId, new ArmStatusRequest(status), http.Subject() ?? "unknown", ct);
        return outcome.Failure?.Title;
    }

    public Task<bool> CanManageAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return authorization.AllowsAsync(http.User, BoardAuth.ManageTrials);
    }
}
