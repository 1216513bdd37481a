using FluentValidation;

namespace TumorBoard.Api.Features.Reviews;

/// <summary>A board decision on one recommendation (optional fields have defaults, so the OpenAPI document marks only decision required).</summary>
public sealed record ReviewRequest(string? Decision, string? Comment = null, IReadOnlyList<string>? Drugs = null);

public sealed record ReviewDto(Guid ReviewId, Guid RecommendationId, Guid EvaluationId, string Decision, string? Comment, IReadOnlyList<string>? Drugs, string Reviewer, DateTimeOffset At)
{
    /// <summary>When the review was carried over from an earlier evaluation's unchanged recommendation: that review.</summary>
    public Guid? CarriedOverFromReviewId { get; init; }
}

/// <summary>A sign-off.</summary>
/// <param name="Comment">The board's note, e.g. the meeting and the plan.</param>
/// <param name="AcceptUnreviewed">Must be true to sign off while some recommendations have no review; recorded with the sign-off.</param>
public sealed record SignOffRequest(string? Comment = null, bool? AcceptUnreviewed = null);

/// <summary>A recorded sign-off.</summary>
/// <param name="EvaluationId">The evaluation signed off: now the patient's signed-off record.</param>
/// <param name="Actor">Token subject of the board member.</param>
/// <param name="At">When.</param>
/// <param name="Comment">The board's note.</param>
/// <param name="AcceptedUnreviewed">The board signed off saying some recommendations were left unreviewed.</param>
/// <param name="UnreviewedRecommendationIds">The recommendations that had no review.</param>
public sealed record SignOffDto(Guid EvaluationId, string Actor, DateTimeOffset At, string? Comment, bool AcceptedUnreviewed = false, IReadOnlyList<Guid>? UnreviewedRecommendationIds = null);

public static class ReviewDecisions
{
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";
    public const string Modified = "modified";
    public const string Deferred = "deferred";

    public static readonly string[] All = [Accepted, Rejected, Modified, Deferred];
}

/// <summary>
/// A decision is one of four words; a modification names the drugs chosen instead; a rejection says
/// why, because a rejected evidence-based recommendation must be explainable later.
/// </summary>
public sealed class ReviewRequestValidator : AbstractValidator<ReviewRequest>
{
    public ReviewRequestValidator()
    {
        RuleFor(r => r.Decision).NotEmpty().Must(d => ReviewDecisions.All.Contains(d))
            .WithMessage("decision must be accepted, rejected, modified or deferred.");
        RuleFor(r => r.Comment).MaximumLength(4000);
        RuleFor(r => r.Comment).NotEmpty().When(r => r.Decision == ReviewDecisions.Rejected)
            .WithMessage("A rejection needs a comment saying why.");
        RuleFor(r => r.Drugs).NotEmpty().When(r => r.Decision == ReviewDecisions.Modified)
            .WithMessage("A modification must name the drugs chosen instead.");
        RuleFor(r => r.Drugs).Empty().When(r => r.Decision != ReviewDecisions.Modified)
            .WithMessage("Only a modification names drugs.");
        RuleForEach(r => r.Drugs).NotEmpty().MaximumLength(200);
    }
}

public sealed class SignOffRequestValidator : AbstractValidator<SignOffRequest>
{
    public SignOffRequestValidator() => RuleFor(r => r.Comment).MaximumLength(4000);
}
