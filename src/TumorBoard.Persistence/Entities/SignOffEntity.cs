namespace TumorBoard.Persistence.Entities;

/// <summary>The sign-off that locks an evaluation: at most one per evaluation (its primary key).</summary>
public sealed class SignOffEntity
{
    public Guid EvaluationId { get; set; }

    public required string Actor { get; set; }

    public DateTimeOffset At { get; set; }

    public string? Comment { get; set; }
}
