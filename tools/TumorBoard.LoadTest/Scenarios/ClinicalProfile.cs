using TumorBoard.TestSupport.Fhir;

namespace TumorBoard.LoadTest.Scenarios;

/// <summary>A therapy course, in months after diagnosis; no end means ongoing.</summary>
public sealed record TherapyCourse(string Drug, int StartMonth, int? EndMonth = null);

/// <summary>
/// One kind of patient in the synthetic cohort: tumour type, the primary biopsy's results and the later
/// sample's (a metastasis biopsy, or plasma ctDNA when <see cref="LaterSite"/> is plasma), the therapies
/// in between, pathology markers when the tumour type has them, and how common the profile is (<see cref="Weight"/>, relative to the other profiles).
/// </summary>
public sealed record ClinicalProfile(
    string Name,
    double Weight,
    string OncotreeCode,
    string TumorName,
    TestSite PrimarySite,
    TestSite LaterSite,
    IReadOnlyList<TherapyCourse> Therapies,
    IReadOnlyList<TestResult> Primary,
    IReadOnlyList<TestResult> Later,
    string? Gender = null,
    IReadOnlyList<TestMarker>? Markers = null);
