using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TumorBoard.Api.Features.Trials;
using TumorBoard.Persistence;
using TumorBoard.Persistence.Queries;

namespace TumorBoard.Api.Features.Board.Pages;

/// <summary>The coordinator's overview: every trial, its arms with their status and how many patients' latest evaluations match each.</summary>
public sealed class TrialsModel(TumorBoardDbContext db, TrialCatalogQuery catalog, ArmStatusForm form) : PageModel
{
    public IReadOnlyList<TrialSummaryDto> Trials { get; private set; } = [];

    /// <summary>(trial, arm) -> (eligible, potential) counts over patients' latest evaluations.</summary>
    public IReadOnlyDictionary<(string Trial, string Arm), (int Eligible, int Potential)> Counts { get; private set; } =
        new Dictionary<(string, string), (int, int)>();

    public bool CanManage { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostStatusAsync(string trialId, string armId, string? status, CancellationToken ct)
    {
        if (await form.ChangeAsync(HttpContext, trialId, armId, status, ct) is { } error)
        {
            Error = error;
            await LoadAsync(ct);
            return Page();
        }

        TempData["Status"] = $"{trialId} arm {armId} is now {status}; matched patients are re-evaluated in the background.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Trials = await catalog.ListAsync(ct);
        // Per-arm totals kept by the writers' triggers (ArmListCounts): no pass over every latest row.
        var rows = await db.Database.ListedAsync(ct);
        Counts = rows.GroupBy(r => (r.TrialId, r.ArmId))
            .ToDictionary(g => g.Key, g => (g.Where(r => r.Status == "eligible").Sum(r => r.Count), g.Where(r => r.Status == "potential").Sum(r => r.Count)));
        CanManage = await form.CanManageAsync(HttpContext);
    }
}
