using TumorBoard.Core.Patients;
using TumorBoard.Core.Rules.Engine;
using TumorBoard.Core.Vocabularies;

namespace TumorBoard.Core.Trials.Evaluation;

/// <summary>
/// Evaluates trial-arm eligibility for one patient. Pure and deterministic: no I/O and no clock (the evaluation
/// date is an input); the same inputs always give the same arms in the same order. Arms are indexed by the genes
/// and IHC markers that can select them, so the work grows with the patient's alterations, not the catalog.
/// </summary>
public sealed class TrialEngine
{
    private readonly TrialCatalog _catalog;
    private readonly OncoTree _oncoTree;
    private readonly CompiledArm[] _arms;
    private readonly Dictionary<string, int[]> _armsByGene;
    private readonly Dictionary<ClinicalMarker, int[]> _armsByMarker;
    private readonly int[] _alwaysConsidered;

    public TrialEngine(TrialCatalog catalog, OncoTree oncoTree)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
        _oncoTree = oncoTree;
        _arms = catalog.Trials
            .SelectMany((trial, t) => trial.Arms.Select((arm, a) => (trial, arm, t, a)))
            .Select(x => new CompiledArm(x.trial, x.arm, x.t, x.a))
            .ToArray();
        var indexes = Enumerable.Range(0, _arms.Length).ToList();
        _armsByGene = indexes.SelectMany(i => _arms[i].GeneKeys.Select(k => (k, i)))
            .GroupBy(p => p.k, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.i).ToArray(), StringComparer.Ordinal);
        _armsByMarker = indexes.SelectMany(i => _arms[i].Markers.Select(m => (m, i)))
            .GroupBy(p => p.m)
            .ToDictionary(g => g.Key, g => g.Select(p => p.i).ToArray());
        _alwaysConsidered = indexes.Where(i => _arms[i].AlwaysConsidered).ToArray();
    }

    public TrialCatalog Catalog => _catalog;

    /// <param name="patient">The patient's tumour, samples, therapies, markers and facts.</param>
    /// <param name="evaluationDate">The date ages, ongoing therapies and specimen recency are judged at.</param>
    /// <param name="statusOverrides">Coordinators' arm statuses; arms not listed keep the file's default.</param>
    public TrialEvaluation Evaluate(TrialPatient patient, DateOnly evaluationDate, IReadOnlyDictionary<ArmKey, ArmStatus>? statusOverrides = null)
    {
        ArgumentNullException.ThrowIfNull(patient);
        var tumor = new TumorContext(_oncoTree, patient.OncotreeCode);
        var alterations = new SampledAlterations(patient.Samples);
        var context = new EvaluationContext(patient, evaluationDate, tumor, alterations);
        var results = new List<(CompiledArm Arm, ArmMatch Match)>();
        var candidates = Candidates(alterations, patient.Markers);
        foreach (var group in candidates.GroupBy(a => a.TrialIndex))
        {
            context.TrialArmResults.Clear();
            foreach (var arm in group.OrderBy(a => a.Arm.IsNonMatch).ThenBy(a => a.ArmIndex))
            {
                var status = EffectiveStatus(arm, statusOverrides);
                if (ArmEvaluator.Evaluate(arm, context, status) is { } match)
                {
                    results.Add((arm, match));
                    context.TrialArmResults[arm.Arm.Id] = (match.Status, status);
                }
            }
        }

        var ordered = results.OrderBy(r => r.Arm.TrialIndex).ThenBy(r => r.Arm.ArmIndex).ToList();
        var warnings = new List<string>();
        if (tumor.AssumptionCaveat is { } assumed)
        {
            warnings.Add("Trial tumour criteria: " + assumed + ".");
        }

        if (!tumor.IsKnown)
        {
            warnings.Add(string.IsNullOrWhiteSpace(patient.OncotreeCode)
                ? "No tumour type is known for this patient: tumour-type criteria are unknown and non-match arms were not considered."
                : $"Tumour type '{patient.OncotreeCode}' is not a code of OncoTree {_oncoTree.Version}: tumour-type criteria are unknown.");
        }

        return new TrialEvaluation(_catalog.Version, _catalog.ContentHash, ArmRanks.Apply(ordered), warnings);
    }

    private List<CompiledArm> Candidates(SampledAlterations alterations, IReadOnlyDictionary<ClinicalMarker, MarkerStatus> markers)
    {
        var seen = new bool[_arms.Length];
        var candidates = new List<CompiledArm>();
        void Add(int index)
        {
            if (!seen[index])
            {
                seen[index] = true;
                candidates.Add(_arms[index]);
            }
        }

        foreach (var key in alterations.Keys)
        {
            if (_armsByGene.TryGetValue(key, out var byGene))
            {
                Array.ForEach(byGene, Add);
            }
        }

        foreach (var marker in markers.Keys)
        {
            if (_armsByMarker.TryGetValue(marker, out var byMarker))
            {
                Array.ForEach(byMarker, Add);
            }
        }

        Array.ForEach(_alwaysConsidered, Add);
        return candidates;
    }

    private static ArmStatus EffectiveStatus(CompiledArm arm, IReadOnlyDictionary<ArmKey, ArmStatus>? overrides) =>
        overrides is not null && overrides.TryGetValue(new ArmKey(arm.Trial.Id, arm.Arm.Id), out var status) ? status : arm.Arm.DefaultStatus;
}
