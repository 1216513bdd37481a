using Microsoft.AspNetCore.Http.HttpResults;
using TumorBoard.Api.Features.Audit;
using TumorBoard.Api.Features.KnowledgeBase;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Api.Presentation.Svg;
using TumorBoard.Persistence;

namespace TumorBoard.Api.Features.Evolution;

/// <summary>The patient's whole history (every sample, clonal classes, ctDNA trajectories, molecular progression) as JSON and two pictures.</summary>
public static class EvolutionApi
{
    private const string SvgType = "image/svg+xml";

    public static IEndpointRouteBuilder MapEvolution(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/patients/{patientId:guid}").WithTags("Evolution").RequireAuthorization(Policies.ReadPatients);
        group.MapGet("/evolution", GetAsync)
            .WithSummary("Every tumour and ctDNA sample in time order, each alteration classified, ctDNA trajectories and molecular progression")
            .WithDescription("Values per sample: detected (VAF, copy number), notDetected, or notTested when outside that sample's panel. Classes and the progression rule: docs/evolution.md.")
            .WithExample(null, StatusCodes.Status200OK, ApiExamples.Evolution)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/evolution.svg", OncoprintAsync)
            .WithSummary("Oncoprint-like matrix: alterations x samples, coloured by class, VAF printed (image/svg+xml)")
            .Produces(StatusCodes.Status200OK, contentType: SvgType)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/trajectory.svg", TrajectoryAsync)
            .WithSummary("ctDNA VAF over time with therapies as bands and molecular progression marked (image/svg+xml)")
            .Produces(StatusCodes.Status200OK, contentType: SvgType)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Results<Ok<EvolutionDto>, ProblemHttpResult>> GetAsync(
        Guid patientId, TumorBoardDbContext db, Knowledge knowledge, AuditLog audit, CancellationToken ct)
    {
        if (await ReadAsync(patientId, db, knowledge, audit, ct) is not { } view)
        {
            return NotFoundProblem.For("patient", patientId);
        }

        return TypedResults.Ok(view.ToDto());
    }

    private static async Task<IResult> OncoprintAsync(Guid patientId, TumorBoardDbContext db, Knowledge knowledge, AuditLog audit, CancellationToken ct) =>
        await ReadAsync(patientId, db, knowledge, audit, ct) is { } view
            ? Results.Text(OncoprintSvg.Render(view.Picture()), SvgType)
            : NotFoundProblem.For("patient", patientId);

    private static async Task<IResult> TrajectoryAsync(Guid patientId, TumorBoardDbContext db, Knowledge knowledge, AuditLog audit, CancellationToken ct) =>
        await ReadAsync(patientId, db, knowledge, audit, ct) is { } view
            ? Results.Text(TrajectorySvg.Render(view.Picture()), SvgType)
            : NotFoundProblem.For("patient", patientId);

    private static async Task<EvolutionView?> ReadAsync(Guid patientId, TumorBoardDbContext db, Knowledge knowledge, AuditLog audit, CancellationToken ct)
    {
        var view = await EvolutionView.LoadAsync(db, knowledge, patientId, ct);
        if (view is not null)
        {
            await audit.RecordReadAsync("evolution", patientId.ToString(), patientId, ct);
        }

        return view;
    }
}
