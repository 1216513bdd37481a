namespace TumorBoard.Persistence.Entities;

/// <summary>A board member's decision on one recommendation; the newest review is the recommendation's state. Append-only.</summary>
public sealed class ReviewEntity
{
    public Guid Id { get; set; }

    public Guid RecommendationId { get; set; }

    public Guid EvaluationId { get; set; }

    /// <summary>accepted, rejected, modified or deferred.</summary>
    public required string Decision { get; set; }

    public string? Comment { get; set; }

    /// <summary>For <c>modified</c>: the drugs the board chose instead (lower-case INN).</summary>
    public List<string>? Drugs { get; set; }

    public required string Reviewer { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>When a board member carried an earlier evaluation's review over to an unchanged recommendation: that review.</summary>
    public Guid? CarriedOverFromReviewId { get; set; }
}
