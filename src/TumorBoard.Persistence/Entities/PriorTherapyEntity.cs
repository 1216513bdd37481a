namespace TumorBoard.Persistence.Entities;

/// <summary>A cancer therapy received: lower-case INN drug names (a combination is one row) and its period.</summary>
public sealed class PriorTherapyEntity
{
    public Guid Id { get; set; }

    public Guid PatientId { get; set; }

    public List<string> Drugs { get; set; } = [];

    public DateTimeOffset? Start { get; set; }

    public DateTimeOffset? End { get; set; }

    /// <summary>The resource(s) it was read from (<c>MedicationStatement/ms-1</c>), shown in trial traces; null for rows stored before it was kept.</summary>
    public string? Source { get; set; }
}
