using TumorBoard.Core.Patients;

namespace TumorBoard.Core.Ingestion;

/// <summary>
/// The patient as the service keeps it: identifiers for pairing, and the few facts trial criteria
/// need (sex, birth date). Names and addresses are never read.
/// </summary>
public sealed record ParsedPatient(IReadOnlyList<BusinessIdentifier> Identifiers, string? Sex, DateOnly? BirthDate);
