namespace TumorBoard.Persistence.Entities;

/// <summary>A cancer therapy received: lower-case INN drug names (a combination is one row) and its period.</summary>
public sealed class PriorTherapyEntity
{
    public Guid Id { get; set; }

    public Guid PatientId { get; set; }

    public List<string> Drugs { get; set; } = [];

    public DateTimeOffset? Start { get; set; }

    public DateTimeOffset? End { get; set; }
}
