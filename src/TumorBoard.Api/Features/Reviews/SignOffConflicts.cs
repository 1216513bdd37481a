using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Api.Features.Reviews;

/// <summary>The 409s of review and sign-off, each saying who did what when, and what the client can do.</summary>
internal static class SignOffConflicts
{
    public static ProblemHttpResult AlreadySignedOff(Guid evaluationId, SignOffEntity signOff) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: $"Evaluation {evaluationId} was signed off by {signOff.Actor} at {Instant(signOff.At)} and takes no more reviews or sign-offs.",
            detail: "To change the board's decision, re-evaluate the patient (POST /api/patients/{patientId}/evaluations), review the new evaluation and sign it off.",
            extensions: new Dictionary<string, object?> { ["signedOffBy"] = signOff.Actor, ["signedOffAt"] = signOff.At, ["evaluationId"] = evaluationId });

    public static ProblemHttpResult NewerSignedOff(Guid evaluationId, SignOffEntity newer) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: $"A newer evaluation of this patient ({newer.EvaluationId}) was signed off by {newer.Actor} at {Instant(newer.At)}; evaluation {evaluationId} cannot become the signed-off record.",
            extensions: new Dictionary<string, object?> { ["signedOffEvaluationId"] = newer.EvaluationId, ["signedOffBy"] = newer.Actor, ["signedOffAt"] = newer.At });

    public static ProblemHttpResult Unreviewed(Guid evaluationId, IReadOnlyList<Guid> unreviewed) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: $"Evaluation {evaluationId} has {unreviewed.Count} unreviewed recommendation(s).",
            detail: "Review them (POST /api/recommendations/{recommendationId}/reviews), carry earlier reviews over "
                + "(POST /api/evaluations/{evaluationId}/reviews/carry-over), or sign off saying so: {\"comment\": \"...\", \"acceptUnreviewed\": true}.",
            extensions: new Dictionary<string, object?> { ["unreviewedRecommendationIds"] = unreviewed });

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
