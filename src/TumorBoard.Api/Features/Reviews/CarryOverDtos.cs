namespace TumorBoard.Api.Features.Reviews;

/// <summary>Carry reviews of unchanged recommendations over from an earlier evaluation.</summary>
/// <param name="FromEvaluationId">The evaluation whose reviews to carry; default: the patient's signed-off record.</param>
/// <param name="RecommendationIds">Only these recommendations of the target evaluation; default: every unchanged, unreviewed one.</param>
public sealed record CarryOverRequest(Guid? FromEvaluationId = null, IReadOnlyList<Guid>? RecommendationIds = null);

/// <summary>What was carried over and what was not, with why.</summary>
/// <param name="EvaluationId">The evaluation that received the reviews.</param>
/// <param name="FromEvaluationId">The evaluation they came from.</param>
/// <param name="Carried">The new reviews, each naming the review it copies (carriedOverFromReviewId).</param>
/// <param name="Skipped">Recommendations left for the board to review, with the reason.</param>
public sealed record CarryOverResult(Guid EvaluationId, Guid FromEvaluationId, IReadOnlyList<ReviewDto> Carried, IReadOnlyList<CarryOverSkipDto> Skipped);

/// <param name="RecommendationId">The recommendation of the target evaluation.</param>
/// <param name="Key">ruleId @ alterationKey (therapies) or trialId/armId (trial arms).</param>
/// <param name="Reason">new (not in the earlier evaluation), changed (graded differently), notReviewed (no review to carry), alreadyReviewed, notInEvaluation.</param>
public sealed record CarryOverSkipDto(Guid RecommendationId, string? Key, string Reason);
