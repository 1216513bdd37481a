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
    /// <summary>Clinical tumour markers (receptor status, IHC), at most one per marker; empty when the bundle has none.</summary>
    public IReadOnlyList<ParsedMarker> Markers { get; init; } = [];

    /// <summary>Disease-status assessments (mCODE CancerDiseaseStatus), in bundle order; empty when the bundle has none.</summary>
    public IReadOnlyList<DiseaseStatusRecord> DiseaseStatuses { get; init; } = [];

    /// <summary>The markers as the rules and trial engines take them (<c>PatientProfile.ClinicalMarkers</c>).</summary>
    public IReadOnlyDictionary<ClinicalMarker, MarkerStatus> MarkerStatuses()
    {
        var statuses = new Dictionary<ClinicalMarker, MarkerStatus>();
        foreach (var marker in Markers)
        {
            statuses[marker.Marker] = marker.Status;
        }

        return statuses;
    }

    public bool HasErrors => Issues.Any(i => i.Severity is IssueSeverity.Error or IssueSeverity.Fatal);
}
