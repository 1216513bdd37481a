using TumorBoard.Core.Alterations;
using TumorBoard.Core.Patients;

namespace TumorBoard.Core.Trials;

/// <summary>Clinical facts the record may carry that trial criteria read; an absent fact is unknown.</summary>
public enum ClinicalFact
{
    /// <summary>Radiological or clinical disease progression on the current therapy.</summary>
    Progression,
}

/// <summary>
/// One genomic report as the trial engine needs it: the specimen's role, when it was collected, its normalised
/// alterations and, when the caller compared it with the patient's earlier samples (pair comparison), the keys
/// of alterations newly detected in it (null = not compared, so "newly detected" is unknown).
/// </summary>
public sealed record TrialSample(
    string ReportId,
    SpecimenRole Role,
    DateTimeOffset? CollectedAt,
    IReadOnlyList<Alteration> Alterations,
    IReadOnlySet<string>? AcquiredKeys = null);

/// <summary>
/// What the trial engine needs to know about a patient. <see cref="PriorTherapiesComplete"/> says the therapy
/// history is known to be complete; without it, a drug absent from the record is "not reported", not "never given".
/// </summary>
public sealed record TrialPatient
{
    public string? OncotreeCode { get; init; }

    public IReadOnlyList<TrialSample> Samples { get; init; } = [];

    public IReadOnlyList<PriorTherapy> PriorTherapies { get; init; } = [];

    public bool PriorTherapiesComplete { get; init; }

    public IReadOnlyDictionary<ClinicalMarker, MarkerStatus> Markers { get; init; } = new Dictionary<ClinicalMarker, MarkerStatus>();

    public DateOnly? BirthDate { get; init; }

    /// <summary>Administrative sex as recorded (<c>female</c>, <c>male</c>, ...), or null when unknown.</summary>
    public string? Sex { get; init; }

    public IReadOnlyDictionary<ClinicalFact, bool> Facts { get; init; } = new Dictionary<ClinicalFact, bool>();
}
