using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Api.Features.Audit;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Api.ReadModels;
using TumorBoard.Persistence;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Api.Features.Reviews;

/// <summary>
/// Board review: decisions on recommendations and the sign-off that locks an evaluation. Reviews and
/// sign-offs of one evaluation are serialised by an advisory lock on it, so no review can slip in
/// after a concurrent sign-off.
/// </summary>
public static class ReviewsApi
{
    public static IEndpointRouteBuilder MapReviews(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api").WithTags("Review").RequireAuthorization(Policies.Review);
        group.MapPost("/recommendations/{recommendationId:guid}/reviews", ReviewAsync)
            .WithSummary("Record a board decision on a recommendation (accepted, rejected, modified, deferred)")
            .WithExample(ApiExamples.Review, StatusCodes.Status201Created, ApiExamples.ReviewResponse)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .AddEndpointFilter<ReviewStateFilter>()
            .AddEndpointFilter<ValidationFilter<ReviewRequest>>();
        group.MapPost("/evaluations/{evaluationId:guid}/sign-off", SignOffAsync)
            .WithSummary("Sign off an evaluation: it becomes the patient's signed-off record and takes no more reviews")
            .WithDescription("409 when it is already signed off (the answer names who and when), when a newer evaluation of the patient is signed off, "
                + "or when recommendations are unreviewed and acceptUnreviewed is not true (the answer lists them).")
            .WithExample(ApiExamples.SignOff, StatusCodes.Status201Created, ApiExamples.SignOffResponse)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .AddEndpointFilter<ValidationFilter<SignOffRequest>>();
        group.MapCarryOver();
        return routes;
    }

    internal static async Task<Results<Created<ReviewDto>, ProblemHttpResult>> ReviewAsync(
        Guid recommendationId, ReviewRequest request, HttpContext http, TumorBoardDbContext db, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var recommendation = await db.Recommendations.AsNoTracking()
            .Where(r => r.Id == recommendationId).Select(r => new { r.EvaluationId, r.PatientId }).SingleOrDefaultAsync(ct);
        if (recommendation is null)
        {
            return NotFoundProblem.For("recommendation", recommendationId);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await LockEvaluationAsync(db, recommendation.EvaluationId, ct);
        if (await db.SignOffs.AsNoTracking().SingleOrDefaultAsync(s => s.EvaluationId == recommendation.EvaluationId, ct) is { } signedOff)
        {
            return SignOffConflicts.AlreadySignedOff(recommendation.EvaluationId, signedOff);
        }

        var review = new ReviewEntity
        {
            Id = Guid.CreateVersion7(),
            RecommendationId = recommendationId,
            EvaluationId = recommendation.EvaluationId,
            Decision = request.Decision!,
            Comment = request.Comment,
            Drugs = request.Drugs?.Select(d => d.Trim().ToLowerInvariant()).ToList(),
            Reviewer = http.Subject() ?? "unknown",
            At = clock.GetUtcNow(),
        };
        db.Reviews.Add(review);
        audit.Record("review", "recommendation", recommendationId.ToString(), recommendation.PatientId,
            new { review.Decision, evaluationId = review.EvaluationId, reviewId = review.Id });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Created($"/api/evaluations/{review.EvaluationId}",
            new ReviewDto(review.Id, recommendationId, review.EvaluationId, review.Decision, review.Comment, review.Drugs, review.Reviewer, review.At));
    }

    internal static async Task<Results<Created<SignOffDto>, ProblemHttpResult>> SignOffAsync(
        Guid evaluationId, SignOffRequest request, HttpContext http, TumorBoardDbContext db, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var evaluation = await db.Evaluations.Where(e => e.Id == evaluationId).Select(e => new { e.PatientId, e.EvaluatedAt }).SingleOrDefaultAsync(ct);
        if (evaluation is null)
        {
            return NotFoundProblem.For("evaluation", evaluationId);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Sign-offs of one patient are serialised, so "the newest signed-off evaluation" has one answer.
        await LockAsync(db, "patient-sign-off:" + evaluation.PatientId, ct);
        await LockEvaluationAsync(db, evaluationId, ct);
        if (await db.SignOffs.AsNoTracking().SingleOrDefaultAsync(s => s.EvaluationId == evaluationId, ct) is { } existing)
        {
            return SignOffConflicts.AlreadySignedOff(evaluationId, existing);
        }

        var newer = await (from s in db.SignOffs
                           join e in db.Evaluations on s.EvaluationId equals e.Id
                           where e.PatientId == evaluation.PatientId && e.EvaluatedAt > evaluation.EvaluatedAt
                           orderby e.EvaluatedAt descending
                           select new { s, e.EvaluatedAt }).FirstOrDefaultAsync(ct);
        if (newer is not null)
        {
            return SignOffConflicts.NewerSignedOff(evaluationId, newer.s);
        }

        var unreviewed = await BoardState.UnreviewedAsync(db, evaluationId, ct);
        if (unreviewed.Count > 0 && request.AcceptUnreviewed != true)
        {
            return SignOffConflicts.Unreviewed(evaluationId, unreviewed);
        }

        var signOff = new SignOffEntity
        {
            EvaluationId = evaluationId,
            Actor = http.Subject() ?? "unknown",
            At = clock.GetUtcNow(),
            Comment = request.Comment,
            AcceptedUnreviewed = unreviewed.Count > 0,
            UnreviewedRecommendationIds = unreviewed,
        };
        db.SignOffs.Add(signOff);
        audit.Record("sign-off", "evaluation", evaluationId.ToString(), evaluation.PatientId,
            new { acceptedUnreviewed = signOff.AcceptedUnreviewed, unreviewedCount = unreviewed.Count });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Created($"/api/evaluations/{evaluationId}",
            new SignOffDto(evaluationId, signOff.Actor, signOff.At, signOff.Comment, signOff.AcceptedUnreviewed, unreviewed));
    }

    private static Task<int> LockAsync(TumorBoardDbContext db, string key, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", ct);

    private static Task<int> LockEvaluationAsync(TumorBoardDbContext db, Guid evaluationId, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({"evaluation:" + evaluationId}, 0))", ct);
}
