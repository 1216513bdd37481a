using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TumorBoard.Api.Features.Trials;

namespace TumorBoard.Api.Features.Board.Pages;

/// <summary>One arm: its status (changeable by coordinators) and the patients whose latest evaluation matches it, paged.</summary>
public sealed class ArmModel(TrialCatalogQuery catalog, ArmPatientsPageQuery patientList, ArmStatusForm form) : PageModel
{
    private const int PageSize = 50;

    public string TrialId { get; private set; } = string.Empty;

    public ArmSummaryDto Arm { get; private set; } = null!;

    public ArmPatientsPage Patients { get; private set; } = null!;

    public bool CanManage { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string trialId, string armId, int? pageNumber, CancellationToken ct) =>
        await LoadAsync(trialId, armId, pageNumber, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostStatusAsync(string trialId, string armId, string? status, CancellationToken ct)
    {
        if (await form.ChangeAsync(HttpContext, trialId, armId, status, ct) is { } error)
        {
            Error = error;
            return await LoadAsync(trialId, armId, null, ct) ? Page() : NotFound();
        }

        TempData["Status"] = $"Arm {armId} is now {status}; matched patients are re-evaluated in the background.";
        return RedirectToPage(new { trialId, armId });
    }

    private async Task<bool> LoadAsync(string trialId, string armId, int? pageNumber, CancellationToken ct)
    {
        var trial = (await catalog.ListAsync(ct)).FirstOrDefault(t => string.Equals(t.TrialId, trialId, StringComparison.OrdinalIgnoreCase));
        var arm = trial?.Arms.FirstOrDefault(a => string.Equals(a.ArmId, armId, StringComparison.OrdinalIgnoreCase));
        if (trial is null || arm is null
            || (await patientList.PageAsync(trial.TrialId, arm.ArmId, null, pageNumber, PageSize, null, ct)).Value is not { } patients)
        {
            return false;
        }

        (TrialId, Arm, Patients) = (trial.TrialId, arm, patients);
        CanManage = await form.CanManageAsync(HttpContext);
        return true;
    }
}
