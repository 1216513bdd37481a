using TumorBoard.Core.Patients;

namespace TumorBoard.Core.Ingestion;

/// <summary>
/// A posted Bundle turned into the service's own terms, plus every issue found. The caller decides
/// from <see cref="HasErrors"/> whether to store it; warnings travel with a stored result.
/// </summary>
public sealed record ParsedBundle(
    BusinessIdentifier? BundleIdentifier,
    ParsedPatient? Patient,
    ParsedDiagnosis? Diagnosis,
    IReadOnlyList<ParsedReport> Reports,
    IReadOnlyList<PriorTherapy> PriorTherapies,
    IReadOnlyList<IngestIssue> Issues)
{
    public bool HasErrors => Issues.Any(i => i.Severity is IssueSeverity.Error or IssueSeverity.Fatal);
}
