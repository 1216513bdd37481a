using TumorBoard.Core.Alterations;
using TumorBoard.Core.Patients;

namespace TumorBoard.Core.Rules;

/// <summary>
/// What the rules engine needs to know about a patient: the tumour type (an OncoTree code, or null when
/// unknown), the normalised alterations of the reports to consider, prior therapies, and clinical
/// marker results such as HR and HER2 status (never inferred from genomics).
/// </summary>
public sealed record PatientProfile
{
    public string? OncotreeCode { get; init; }

    public IReadOnlyList<Alteration> Alterations { get; init; } = [];

    public IReadOnlyList<PriorTherapy> PriorTherapies { get; init; } = [];

    public IReadOnlyDictionary<ClinicalMarker, MarkerStatus> ClinicalMarkers { get; init; } = new Dictionary<ClinicalMarker, MarkerStatus>();

    /// <summary>
    /// Keys of alterations found only in plasma (ctDNA), in no tissue sample; a finding in a clonal-haematopoiesis
    /// gene among them carries a "confirm in tissue" caveat. Empty when unknown.
    /// </summary>
    public IReadOnlySet<string> PlasmaOnlyAlterationKeys { get; init; } = new HashSet<string>(StringComparer.Ordinal);
}
