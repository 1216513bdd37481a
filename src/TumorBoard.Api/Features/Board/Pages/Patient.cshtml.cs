using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TumorBoard.Api.Features.Audit;
using TumorBoard.Api.Features.Comparison;
using TumorBoard.Api.Features.Evolution;
using TumorBoard.Api.Features.KnowledgeBase;
using TumorBoard.Api.Features.Patients;
using TumorBoard.Api.Features.Reviews;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Api.Presentation.Svg;
using TumorBoard.Api.ReadModels;
using TumorBoard.Persistence;

namespace TumorBoard.Api.Features.Board.Pages;

/// <summary>
/// A patient's board page, by internal id: tumour, samples, the pair, the latest evaluation's therapies and
/// trial arms with their reviews, sign-off and the audit trail. It reads through the same queries as the
/// API (so a page view is audited like an API read) and writes through the same review and sign-off commands.
/// </summary>
public sealed class PatientModel(
    TumorBoardDbContext db, Knowledge knowledge, AuditLog audit, IAuthorizationService authorization, PatientQuery patients, PairComparisonQuery comparisons,
    AuditTrailQuery auditTrail, ReviewCommand reviews, SignOffCommand signOffs) : PageModel
{
    public PatientDto Patient { get; private set; } = null!;

    public ComparisonDto? Comparison { get; private set; }

    public string? ComparisonSvg { get; private set; }

    public string? ComparisonProblem { get; private set; }

    public EvaluationDocument? Evaluation { get; private set; }

    /// <summary>The whole history (issue 17): every sample, classes, trajectories; null without tumour samples.</summary>
    public EvolutionView? Evolution { get; private set; }

    public string? EvolutionSvg { get; private set; }

    public string? TrajectorySvg { get; private set; }

    public IReadOnlyList<AuditEventDto>? AuditTrail { get; private set; }

    public bool CanReview { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid patientId, CancellationToken ct) =>
        await LoadAsync(patientId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReviewAsync(Guid patientId, Guid recommendationId, string? decision, string? comment, CancellationToken ct)
    {
        if (!await authorization.AllowsAsync(User, BoardAuth.Review))
        {
            return Forbid(BoardAuth.CookieScheme);
        }

        var request = new ReviewRequest(decision, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), null);
        var validation = await new ReviewRequestValidator().ValidateAsync(request, ct);
        if (!validation.IsValid)
        {
            return await ShowErrorAsync(patientId, string.Join(" ", validation.Errors.Select(e => e.ErrorMessage)), ct);
        }

        if ((await reviews.RecordAsync(recommendationId, request, HttpContext.Subject() ?? "unknown", ct)).Failure is { } failure)
        {
            return await ShowErrorAsync(patientId, failure.Title, ct);
        }

        TempData["Status"] = $"Review recorded: {decision}.";
        return RedirectToPage(new { patientId });
    }

    public async Task<IActionResult> OnPostSignOffAsync(Guid patientId, Guid evaluationId, string? comment, bool acceptUnreviewed, CancellationToken ct)
    {
        if (!await authorization.AllowsAsync(User, BoardAuth.Review))
        {
            return Forbid(BoardAuth.CookieScheme);
        }

        var request = new SignOffRequest(string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), acceptUnreviewed);
        var validation = await new SignOffRequestValidator().ValidateAsync(request, ct);
        if (!validation.IsValid)
        {
            return await ShowErrorAsync(patientId, string.Join(" ", validation.Errors.Select(e => e.ErrorMessage)), ct);
        }

        if ((await signOffs.SignOffAsync(evaluationId, request, HttpContext.Subject() ?? "unknown", ct)).Failure is { } failure)
        {
            return await ShowErrorAsync(patientId, failure.Title, ct);
        }

        TempData["Status"] = "Evaluation signed off.";
        return RedirectToPage(new { patientId });
    }

    /// <summary>The name a board uses for a report's sample: role, site, type and date.</summary>
    public string SampleName(Guid reportId) =>
        Patient.Reports.FirstOrDefault(r => r.ReportId == reportId) is { } report ? SampleName(report) : "unknown sample";

    public static string SampleName(ReportSummaryDto report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return PairPlotContexts.SampleName(
            report.Specimen?.Role is "ctdna" ? "ctDNA" : report.Specimen?.Role ?? "unknown",
            report.Specimen?.Site,
            report.Specimen?.Type,
            report.Specimen?.CollectedAt ?? report.IssuedAt);
    }

    private async Task<IActionResult> ShowErrorAsync(Guid patientId, string error, CancellationToken ct)
    {
        Error = error;
        return await LoadAsync(patientId, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid patientId, CancellationToken ct)
    {
        if ((await patients.GetAsync(patientId, ct)).Value is not { } patient)
        {
            return false;
        }

        Patient = patient;
        CanReview = await authorization.AllowsAsync(User, BoardAuth.Review);
        var compared = await comparisons.CompareAsync(patientId, null, null, ct);
        if (compared.Value is { } pair)
        {
            Comparison = pair.ToDto();
            ComparisonSvg = pair.ToSvg();
        }
        else
        {
            ComparisonProblem = compared.Failure?.Title;
        }

        if (await EvolutionView.LoadAsync(db, knowledge, patientId, ct) is { Samples.Count: > 0 } evolution)
        {
            await audit.RecordReadAsync("evolution", patientId.ToString(), patientId, ct);
            Evolution = evolution;
            EvolutionSvg = OncoprintSvg.Render(evolution.Picture());
            TrajectorySvg = evolution.Samples.Any(s => s.Role == "ctdna") ? Presentation.Svg.TrajectorySvg.Render(evolution.Picture()) : null;
        }

        if (patient.LatestEvaluationId is { } evaluationId)
        {
            // The board state as GET /api/patients/{id}/recommendations joins it: signed-off record, pending review, difference, causes.
            if (await EvaluationReader.ReadAsync(db, knowledge, evaluationId, ct) is { } document)
            {
                Evaluation = await BoardState.JoinAsync(db, document, await EvaluationHistory.LoadAsync(db, patientId, evaluationId, ct), ct);
            }

            await audit.RecordReadAsync("evaluation", evaluationId.ToString(), patientId, ct);
        }

        if (await authorization.AllowsAsync(User, BoardAuth.ReadAudit)
            && (await auditTrail.GetAsync(patientId, 100, ct)).Value is { } trail)
        {
            AuditTrail = trail;
        }

        return true;
    }
}
