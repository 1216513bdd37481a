namespace TumorBoard.Persistence.Entities;

/// <summary>A report's specimen with its derived role (primary, metastasis, ctdna, normal, unknown) and why.</summary>
public sealed class SpecimenEntity
{
    public Guid Id { get; set; }

    public Guid PatientId { get; set; }

    public string? FhirId { get; set; }

    public required string Role { get; set; }

    public required string RoleReason { get; set; }

    public string? Type { get; set; }

    public string? Site { get; set; }

    public DateTimeOffset? CollectedAt { get; set; }
}
