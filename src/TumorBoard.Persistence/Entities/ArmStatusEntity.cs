namespace TumorBoard.Persistence.Entities;

/// <summary>A coordinator's override of a trial arm's accrual status (the trial file holds the default).</summary>
public sealed class ArmStatusEntity
{
    public required string TrialId { get; set; }

    public required string ArmId { get; set; }

    /// <summary>open, closed or suspended.</summary>
    public required string Status { get; set; }

    public required string UpdatedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
