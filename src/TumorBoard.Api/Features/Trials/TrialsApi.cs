using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Api.Features.KnowledgeBase;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Api.ReadModels;
using TumorBoard.Core.Trials;
using TumorBoard.Persistence;

namespace TumorBoard.Api.Features.Trials;

/// <summary>
/// Trial coordinators' routes: the catalog with live arm statuses, the patients matched to an arm
/// (answered from stored latest evaluations through an index, never by re-evaluating everyone), and
/// arm status changes.
/// </summary>
public static class TrialsApi
{
    public static IEndpointRouteBuilder MapTrials(this IEndpointRouteBuilder routes)
    {
        var reads = routes.MapGroup("/api/trials").WithTags("Trials").RequireAuthorization(Policies.ReadTrials);
        reads.MapGet("/", ListAsync).WithSummary("Every trial with its arms and their current status");
        reads.MapGet("/{trialId}", GetAsync).WithSummary("One trial: NCT ids, version, arms, citations");
        reads.MapGet("/{trialId}/arms/{armId}/patients", PatientsAsync)
            .AddEndpointFilter(DomainMetrics.TimeArmQueryAsync)
            .WithSummary("Patients whose latest evaluation matches the arm (eligible or potential by default), paged");
        routes.MapPatch("/api/trials/{trialId}/arms/{armId}", SetStatusAsync)
            .WithTags("Trials")
            .WithSummary("Open, close or suspend an arm; later reads show it at once and patients are re-matched in the background")
            .WithExample(ApiExamples.ArmStatus, StatusCodes.Status200OK, ApiExamples.ArmStatusResponse)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AddEndpointFilter<ValidationFilter<ArmStatusRequest>>()
            .RequireAuthorization(Policies.ManageTrials);
        return routes;
    }

    private static async Task<Ok<List<TrialSummaryDto>>> ListAsync(TrialCatalogQuery catalog, CancellationToken ct) =>
        TypedResults.Ok(await catalog.ListAsync(ct));

    private static async Task<Results<Ok<TrialDetailDto>, ProblemHttpResult>> GetAsync(string trialId, TumorBoardDbContext db, Knowledge knowledge, CancellationToken ct)
    {
        if (knowledge.Trials.Find(trialId) is not { } trial)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No trial '{trialId}'.");
        }

        var statuses = await ArmStatusLookup.LoadAsync(db, knowledge, ct);
        var history = (await db.ArmStatusChanges.AsNoTracking().Where(c => c.TrialId == trial.Id).OrderByDescending(c => c.Id).ToListAsync(ct))
            .ToLookup(c => c.ArmId, EvaluationCauses.ToDto);
        return TypedResults.Ok(new TrialDetailDto(trial.Id, trial.NctIds, trial.Title, trial.Version, trial.ContentHash, Citations(trial.Citations),
            trial.Arms.Select(a => new ArmDetailDto(a.Id, a.Title, a.Drugs, statuses.StatusOf(trial.Id, a.Id), a.DefaultStatus.ToCode(),
                a.NctId, a.LevelOfEvidence, a.Escat?.ToString(), a.IsNonMatch, Citations(a.Citations))
            { StatusHistory = history[a.Id].ToList() }).ToList())
        { NctId = trial.PrimaryNctId });
    }

    private static async Task<Results<Ok<ArmPatientsPage>, ProblemHttpResult>> PatientsAsync(
        string trialId, string armId, string? status, int? page, int? pageSize, ArmPatientsPageQuery patients, CancellationToken ct, string? cursor = null,
        [FromQuery(Name = "size")] int? sizeAlias = null) =>
        (await patients.PageAsync(trialId, armId, status, page, pageSize, cursor, ct, sizeAlias)).ToOk();

    private static async Task<Results<Ok<ArmSummaryDto>, ProblemHttpResult>> SetStatusAsync(
        string trialId, string armId, ArmStatusRequest request, HttpContext http, ArmStatusCommand command, CancellationToken ct) =>
        (await command.ChangeAsync(trialId, armId, request, http.Subject() ?? "unknown", ct)).ToOk();

    private static List<CitationDto> Citations(IEnumerable<Core.Rules.Citation> citations) =>
        citations.Select(c => new CitationDto(c.Type.ToString().ToLowerInvariant(), c.Id, c.Note)).ToList();
}
