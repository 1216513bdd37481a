namespace TumorBoard.Core.Patients;

/// <summary>A cancer therapy the patient received; drugs are lower-case INN names, a combination is one therapy.</summary>
public sealed record PriorTherapy(IReadOnlyList<string> Drugs, DateTimeOffset? Start, DateTimeOffset? End)
{
    /// <summary>The record it was read from (<c>MedicationStatement/abc</c>), shown in trial traces; null when not known.</summary>
    public string? Source { get; init; }
}
