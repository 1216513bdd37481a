namespace TumorBoard.Persistence.Entities;

/// <summary>The sign-off that locks an evaluation: at most one per evaluation (its primary key).</summary>
public sealed class SignOffEntity
{
    public Guid EvaluationId { get; set; }

    public required string Actor { get; set; }

    public DateTimeOffset At { get; set; }

    public string? Comment { get; set; }

    /// <summary>The board signed off knowing some recommendations had no review (the request said so explicitly).</summary>
    public bool AcceptedUnreviewed { get; set; }

    /// <summary>The recommendations that had no review at sign-off.</summary>
    public List<Guid> UnreviewedRecommendationIds { get; set; } = [];
}
