using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Api.Features.Audit;
using TumorBoard.Api.ReadModels;
using TumorBoard.Persistence;

namespace TumorBoard.Api.Features.Board.Pages;

/// <summary>
/// Find a patient by identifier. The form is POSTed, so the identifier travels in the body and never in
/// a URL that request logs or browser history keep; a single match redirects to the patient's page by
/// internal id.
/// </summary>
public sealed class IndexModel(TumorBoardDbContext db, AuditLog audit) : PageModel
{
    [BindProperty]
    public string? IdentifierValue { get; set; }

    [BindProperty]
    public string? IdentifierSystem { get; set; }

    public IReadOnlyList<PatientSummaryDto>? Matches { get; private set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var value = IdentifierValue?.Trim();
        var system = string.IsNullOrWhiteSpace(IdentifierSystem) ? null : IdentifierSystem.Trim();
        if (string.IsNullOrEmpty(value) || value.Length > 256 || system?.Length > 512)
        {
            Error = "Enter the patient's identifier (e.g. the MRN), up to 256 characters.";
            return Page();
        }

        var patients = await db.Patients.AsNoTracking().Include(p => p.Identifiers)
            .Where(p => p.Identifiers.Any(i => i.Value == value && (system == null || i.System == system)))
            .OrderBy(p => p.Id)
            .Take(50)
            .ToListAsync(ct);
        foreach (var patient in patients)
        {
            audit.Record("search", "patient", patient.Id.ToString(), patient.Id);
        }

        await db.SaveChangesAsync(ct);
        if (patients.Count == 1)
        {
            return RedirectToPage("/Patient", new { patientId = patients[0].Id });
        }

        Matches = patients.Select(PatientSummaries.Of).ToList();
        if (Matches.Count == 0)
        {
            Error = "No patient has that identifier.";
        }

        return Page();
    }
}
