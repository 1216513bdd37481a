using TumorBoard.Core.Patients;

namespace TumorBoard.Core.Ingestion;

/// <summary>A report's specimen with its derived role; <paramref name="RoleReason"/> says how the role was derived.</summary>
public sealed record ParsedSpecimen(
    string? FhirId,
    SpecimenRole Role,
    string RoleReason,
    string? Type,
    string? Site,
    DateTimeOffset? CollectedAt)
{
    /// <summary>Tumour purity (fraction of tumour cells, 0..1) where the bundle reports it for this specimen; null otherwise.</summary>
    public decimal? Purity { get; init; }

    /// <summary>What the purity was read from, in words (<c>LOINC 93356-4 45 %</c>); null with no purity.</summary>
    public string? PuritySource { get; init; }
}
