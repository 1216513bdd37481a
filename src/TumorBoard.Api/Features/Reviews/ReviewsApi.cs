using Microsoft.AspNetCore.Http.HttpResults;
using TumorBoard.Api.Infrastructure;

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

    private static async Task<Results<Created<ReviewDto>, ProblemHttpResult>> ReviewAsync(
        Guid recommendationId, ReviewRequest request, HttpContext http, ReviewCommand command, CancellationToken ct) =>
        (await command.RecordAsync(recommendationId, request, http.Subject() ?? "unknown", ct)).ToCreated(review => $"/api/evaluations/{review.EvaluationId}");

    private static async Task<Results<Created<SignOffDto>, ProblemHttpResult>> SignOffAsync(
        Guid evaluationId, SignOffRequest request, HttpContext http, SignOffCommand command, CancellationToken ct) =>
        (await command.SignOffAsync(evaluationId, request, http.Subject() ?? "unknown", ct)).ToCreated(signOff => $"/api/evaluations/{signOff.EvaluationId}");
}
