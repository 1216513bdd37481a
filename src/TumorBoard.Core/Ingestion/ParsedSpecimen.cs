using TumorBoard.Core.Patients;

namespace TumorBoard.Core.Ingestion;

/// <summary>A report's specimen with its derived role; <paramref name="RoleReason"/> says how the role was derived.</summary>
public sealed record ParsedSpecimen(
    string? FhirId,
    SpecimenRole Role,
    string RoleReason,
    string? Type,
    string? Site,
    DateTimeOffset? CollectedAt);
