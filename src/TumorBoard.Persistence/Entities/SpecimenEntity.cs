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

    /// <summary>Tumour purity (0..1) where the bundle reported it for this specimen; the cancer-cell fraction needs it.</summary>
    public decimal? Purity { get; set; }

    /// <summary>What the purity was read from (<c>LOINC 93356-4 45 %</c>).</summary>
    public string? PuritySource { get; set; }
}
