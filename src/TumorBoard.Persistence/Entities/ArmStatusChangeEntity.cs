namespace TumorBoard.Persistence.Entities;

/// <summary>
/// One change of a trial arm's accrual status: who, when, from what, to what and why. Append-only: the
/// history a board reads when an arm it relied on closes (see the BoardWorkflow migration).
/// </summary>
public sealed class ArmStatusChangeEntity
{
    public long Id { get; set; }

    public required string TrialId { get; set; }

    public required string ArmId { get; set; }

    /// <summary>The status in force before the change (the override, else the trial file's default).</summary>
    public required string FromStatus { get; set; }

    public required string ToStatus { get; set; }

    /// <summary>The token subject of the coordinator who changed it.</summary>
    public required string ChangedBy { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    public string? Reason { get; set; }
}
