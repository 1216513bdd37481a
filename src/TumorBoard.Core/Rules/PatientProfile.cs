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

    private readonly IndexMemo _index = new();

    /// <summary>
    /// The alterations filed by gene, built once per profile and shared by the engines that evaluate it (the curated
    /// and the CIViC layer). Rebuilt when <see cref="Alterations"/> is not the list it was built from (a copy made
    /// with <c>with</c> shares the memo). Concurrent first reads may both build it; either result is the same.
    /// </summary>
    internal Engine.PatientAlterations AlterationIndex
    {
        get
        {
            var index = _index.Value;
            if (index is null || !ReferenceEquals(index.Source, Alterations))
            {
                _index.Value = index = new Engine.PatientAlterations(Alterations);
            }

            return index;
        }
    }

    /// <summary>Holds the index; equal to every other memo so that it takes no part in the record's equality.</summary>
    private sealed class IndexMemo
    {
        public Engine.PatientAlterations? Value { get; set; }

        public override bool Equals(object? obj) => obj is IndexMemo;

        public override int GetHashCode() => 0;
    }
}
