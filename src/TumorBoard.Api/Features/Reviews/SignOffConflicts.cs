using System.Globalization;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Api.Features.Reviews;

/// <summary>The conflicts of review and sign-off (409 on the API), each saying who did what when, and what the client can do.</summary>
internal static class SignOffConflicts
{
    public static Failure AlreadySignedOff(Guid evaluationId, SignOffEntity signOff) =>
        new(
            FailureKind.Conflict,
            $"Evaluation {evaluationId} was signed off by {signOff.Actor} at {Instant(signOff.At)} and takes no more reviews or sign-offs.",
            "To change the board's decision, re-evaluate the patient (POST /api/patients/{patientId}/evaluations), review the new evaluation and sign it off.",
            new Dictionary<string, object?> { ["signedOffBy"] = signOff.Actor, ["signedOffAt"] = signOff.At, ["evaluationId"] = evaluationId });

    public static Failure NewerSignedOff(Guid evaluationId, SignOffEntity newer) =>
        new(
            FailureKind.Conflict,
            $"A newer evaluation of this patient ({newer.EvaluationId}) was signed off by {newer.Actor} at {Instant(newer.At)}; evaluation {evaluationId} cannot become the signed-off record.",
            Extensions: new Dictionary<string, object?> { ["signedOffEvaluationId"] = newer.EvaluationId, ["signedOffBy"] = newer.Actor, ["signedOffAt"] = newer.At });

    public static Failure Unreviewed(Guid evaluationId, IReadOnlyList<Guid> unreviewed) =>
        new(
            FailureKind.Conflict,
            $"Evaluation {evaluationId} has {unreviewed.Count} unreviewed recommendation(s).",
            "Review them (POST /api/recommendations/{recommendationId}/reviews), carry earlier reviews over "
                + "(POST /api/evaluations/{evaluationId}/reviews/carry-over), or sign off saying so: {\"comment\": \"...\", \"acceptUnreviewed\": true}.",
            new Dictionary<string, object?> { ["unreviewedRecommendationIds"] = unreviewed });

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
