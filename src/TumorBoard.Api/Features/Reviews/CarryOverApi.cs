using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Api.Features.Audit;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Api.ReadModels;
using TumorBoard.Persistence;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Api.Features.Reviews;

/// <summary>
/// POST /api/evaluations/{id}/reviews/carry-over: a board member copies the reviews of recommendations that did
/// not change (same finding, graded alike) from an earlier evaluation onto a pending one. Explicit, never silent:
/// each copy is a new review by the member who asked, naming the review it came from, and audited.
/// </summary>
internal static class CarryOverApi
{
    public static RouteGroupBuilder MapCarryOver(this RouteGroupBuilder group)
    {
        group.MapPost("/evaluations/{evaluationId:guid}/reviews/carry-over", CarryOverAsync)
            .WithSummary("Carry reviews of unchanged recommendations over from the signed-off (or a named) evaluation")
            .WithExample("{}", StatusCodes.Status201Created, ApiExamples.CarryOverResponse)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }

    private static async Task<Results<Created<CarryOverResult>, ProblemHttpResult>> CarryOverAsync(
        Guid evaluationId, CarryOverRequest? request, HttpContext http, TumorBoardDbContext db, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var target = await db.Evaluations.AsNoTracking().Where(e => e.Id == evaluationId).Select(e => new { e.PatientId }).SingleOrDefaultAsync(ct);
        if (target is null)
        {
            return NotFoundProblem.For("evaluation", evaluationId);
        }

        var latest = await db.Patients.Where(p => p.Id == target.PatientId).Select(p => p.LatestEvaluationId).SingleAsync(ct);
        var history = await EvaluationHistory.LoadAsync(db, target.PatientId, latest, ct);
        var fromId = request?.FromEvaluationId ?? history.SignedOff?.Id;
        if (fromId is not { } sourceId || history.Evaluations.All(e => e.Id != sourceId) || sourceId == evaluationId)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: fromId is null ? "The patient has no signed-off evaluation to carry reviews from." : $"Evaluation {fromId} is not another evaluation of this patient.",
                detail: "Name another evaluation of the same patient: {\"fromEvaluationId\": \"...\"}.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({"evaluation:" + evaluationId}, 0))", ct);
        if (await db.SignOffs.AsNoTracking().SingleOrDefaultAsync(s => s.EvaluationId == evaluationId, ct) is { } signedOff)
        {
            return SignOffConflicts.AlreadySignedOff(evaluationId, signedOff).ToProblem();
        }

        var plan = await CarryOverPlan.BuildAsync(db, sourceId, evaluationId, request?.RecommendationIds, ct);
        var subject = http.Subject() ?? "unknown";
        var now = clock.GetUtcNow();
        var carried = new List<ReviewDto>();
        foreach (var (recommendationId, source) in plan.Carry)
        {
            var review = new ReviewEntity
            {
                Id = Guid.CreateVersion7(),
                RecommendationId = recommendationId,
                EvaluationId = evaluationId,
                Decision = source.Decision,
                Comment = source.Comment,
                Drugs = source.Drugs,
                Reviewer = subject,
                At = now,
                CarriedOverFromReviewId = source.Id,
            };
            db.Reviews.Add(review);
            audit.Record("review", "recommendation", recommendationId.ToString(), target.PatientId,
                new { review.Decision, evaluationId, reviewId = review.Id, carriedOverFromReviewId = source.Id, fromEvaluationId = sourceId });
            carried.Add(new ReviewDto(review.Id, recommendationId, evaluationId, review.Decision, review.Comment, review.Drugs, review.Reviewer, review.At)
            {
                CarriedOverFromReviewId = source.Id,
            });
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Created($"/api/evaluations/{evaluationId}", new CarryOverResult(evaluationId, sourceId, carried, plan.Skipped));
    }
}
