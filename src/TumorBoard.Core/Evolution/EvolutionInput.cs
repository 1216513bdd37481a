using TumorBoard.Core.Pairs;
using TumorBoard.Core.Patients;

namespace TumorBoard.Core.Evolution;

/// <summary>Everything the evolution view is a pure function of.</summary>
/// <param name="Reports">Every report of the patient; normal and unknown-role specimens are left out.</param>
/// <param name="Therapies">The therapies received (MedicationStatement/Procedure), dated where the record says.</param>
public sealed record EvolutionInput(IReadOnlyList<ReportSnapshot> Reports, IReadOnlyList<PriorTherapy> Therapies)
{
    /// <summary>Resistance alterations and the drugs they resist, from the rules engine under the progression rules.</summary>
    public IReadOnlyList<ResistanceLink> Resistance { get; init; } = [];

    /// <summary>Tumour purity per report id, where reported.</summary>
    public IReadOnlyDictionary<string, decimal> Purity { get; init; } = new Dictionary<string, decimal>();

    /// <summary>Germline band and clonal-haematopoiesis genes: the pair comparison's thresholds, shared.</summary>
    public PairComparisonOptions PairOptions { get; init; } = PairComparisonOptions.Default;

    /// <summary>Plasma VAF below which one draw alone does not alert (the knowledge base's figure).</summary>
    public decimal LimitOfDetectionVaf { get; init; }
}
