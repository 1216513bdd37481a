using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Api.Features.Audit;
using TumorBoard.Api.Features.KnowledgeBase;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Api.ReadModels;
using TumorBoard.Persistence;

namespace TumorBoard.Api.Features.Recommendations;

/// <summary>Evaluations: the latest for a patient, any by id (unchanged forever), and re-evaluation on request.</summary>
public static class RecommendationsApi
{
    public static IEndpointRouteBuilder MapRecommendations(this IEndpointRouteBuilder routes)
    {
        var reads = routes.MapGroup("/api").WithTags("Recommendations").RequireAuthorization(Policies.ReadPatients);
        reads.MapGet("/patients/{patientId:guid}/recommendations", LatestAsync)
            .WithSummary("The patient's latest evaluation, with the signed-off record, the pending review and what changed since sign-off")
            .WithDescription("evaluation=latest (default) answers the newest evaluation; evaluation=signedOff answers the newest evaluation a board signed off. "
                + "Either way the answer carries signedOffEvaluationId, pendingEvaluationId, signedOffRecord, pendingReview and changesSinceSignOff.");
        reads.MapGet("/patients/{patientId:guid}/evaluations", EvaluationHistoryApi.ListAsync)
            .WithSummary("Every evaluation of the patient, newest first, with its state (signedOff, pending, superseded) and its cause");
        reads.MapGet("/evaluations/{evaluationId:guid}", ByIdAsync)
            .WithSummary("Any evaluation, exactly as it was computed");

        routes.MapPost("/api/patients/{patientId:guid}/evaluations", EvaluateAsync)
            .WithTags("Recommendations")
            .WithSummary("Re-evaluate the patient with the knowledge base loaded now (201 with the new evaluation)")
            .RequireAuthorization(Policies.Review);
        return routes;
    }

    private static async Task<Results<Ok<EvaluationDocument>, ProblemHttpResult>> LatestAsync(
        Guid patientId, string? evaluation, TumorBoardDbContext db, Knowledge knowledge, AuditLog audit, CancellationToken ct)
    {
        if (evaluation is not (null or "" or "latest" or "signedOff"))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "evaluation must be latest or signedOff.",
                detail: "latest (the default) is the patient's newest evaluation, pending or signed off; signedOff is the newest evaluation a board signed off. Example: ?evaluation=signedOff");
        }

        var latest = await db.Patients.Where(p => p.Id == patientId).Select(p => new { p.LatestEvaluationId }).SingleOrDefaultAsync(ct);
        if (latest is null)
        {
            return NotFoundProblem.For("patient", patientId);
        }

        var history = await EvaluationHistory.LoadAsync(db, patientId, latest.LatestEvaluationId, ct);
        var chosen = evaluation == "signedOff" ? history.SignedOff?.Id : latest.LatestEvaluationId;
        if (chosen is not { } evaluationId)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: evaluation == "signedOff"
                ? $"Patient {patientId} has no signed-off evaluation yet."
                : $"Patient {patientId} has no evaluation yet.");
        }

        await audit.RecordReadAsync("evaluation", evaluationId.ToString(), patientId, ct);
        var document = (await LoadAsync(db, knowledge, evaluationId, ct))!;
        return TypedResults.Ok(await BoardState.JoinAsync(db, document, history, ct));
    }

    private static async Task<Results<Ok<EvaluationDocument>, ProblemHttpResult>> ByIdAsync(Guid evaluationId, TumorBoardDbContext db, Knowledge knowledge, AuditLog audit, CancellationToken ct)
    {
        if (await LoadAsync(db, knowledge, evaluationId, ct) is not { } document)
        {
            return NotFoundProblem.For("evaluation", evaluationId);
        }

        await audit.RecordReadAsync("evaluation", evaluationId.ToString(), document.PatientId, ct);
        return TypedResults.Ok(document);
    }

    private static async Task<Results<Created<EvaluationDocument>, ProblemHttpResult>> EvaluateAsync(
        Guid patientId, TumorBoardDbContext db, Knowledge knowledge, PatientEvaluator evaluator, CancellationToken ct)
    {
        if (!await db.Patients.AnyAsync(p => p.Id == patientId, ct))
        {
            return NotFoundProblem.For("patient", patientId);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var evaluationId = await evaluator.EvaluateAsync(patientId, "request", ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Created($"/api/evaluations/{evaluationId}", (await LoadAsync(db, knowledge, evaluationId, ct))!);
    }

    internal static Task<EvaluationDocument?> LoadAsync(TumorBoardDbContext db, Knowledge knowledge, Guid evaluationId, CancellationToken ct) =>
        EvaluationReader.ReadAsync(db, knowledge, evaluationId, ct);
}
