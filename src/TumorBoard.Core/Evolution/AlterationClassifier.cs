using TumorBoard.Core.Alterations;
using TumorBoard.Core.Pairs;
using TumorBoard.Core.Patients;

namespace TumorBoard.Core.Evolution;

/// <summary>
/// Classifies one alteration across the ordered samples. The first rule that holds wins, in this order:
/// germline-suspect, emergent, lost, private, truncal, branch, shared (docs/evolution.md). Absence counts only
/// where the sample tested for it, so a variant outside the primary's panel is never called branch or truncal
/// on the strength of a gap.
/// </summary>
internal sealed class AlterationClassifier(IReadOnlyList<ReportSnapshot> reports, IReadOnlyList<PriorTherapy> therapies, PairComparisonOptions options)
{
    public EvolvingAlteration Classify(EvolutionRow row)
    {
        var detected = Indexes(row, CallState.Detected);
        var tested = Enumerable.Range(0, reports.Count).Where(i => row.Calls[i].State != CallState.NotTested).ToList();
        var (cls, reason, under) = Decide(row, detected, tested);
        var a = row.Representative;
        return new EvolvingAlteration(a.Key, a.Gene, a.Kind, cls, reason, under, row.PossibleClonalHaematopoiesis, row.Calls);
    }

    private (AlterationClass, string, IReadOnlyList<PriorTherapy>) Decide(EvolutionRow row, List<int> detected, List<int> tested)
    {
        if (IsGermlineSuspect(row, detected))
        {
            return (AlterationClass.GermlineSuspect, "labelled germline, or VAF in the heterozygous band in every sample that detected it", []);
        }

        var first = detected[0];
        var negativeBefore = tested.Where(i => i < first).LastOrDefault(-1);
        if (negativeBefore >= 0)
        {
            var between = TherapyTimeline.Between(therapies, reports[negativeBefore], reports[first]);
            if (between.Count > 0)
            {
                return (AlterationClass.Emergent, $"not detected in {Name(negativeBefore)}, detected in {Name(first)} after {Drugs(between)}", between);
            }
        }

        var lastTested = tested[^1];
        if (row.Calls[lastTested].State == CallState.NotDetected)
        {
            return (AlterationClass.Lost, $"detected in {Name(detected[^1])}, not detected in the later {Name(lastTested)}", []);
        }

        if (detected.Count == 1)
        {
            var others = tested.Count - 1;
            return (AlterationClass.Private, others == 0
                ? $"only in {Name(first)}; no other sample tested for it"
                : $"only in {Name(first)}; not detected in the {others} other sample(s) that tested for it", []);
        }

        var primary = Enumerable.Range(0, reports.Count).Where(i => reports[i].Role == SpecimenRole.Primary).ToList();
        var primaryMissed = primary.Count > 0 && primary.All(i => !detected.Contains(i));
        if (detected.Count == tested.Count && (primary.Count == 0 || !primaryMissed))
        {
            return (AlterationClass.Truncal, $"detected in all {tested.Count} samples that tested for it", []);
        }

        if (primaryMissed && primary.Any(i => row.Calls[i].State == CallState.NotDetected))
        {
            return (AlterationClass.Branch, $"in {detected.Count} later samples, not detected in the primary, which tested for it", []);
        }

        return (AlterationClass.Shared, $"detected in {detected.Count} of the {tested.Count} samples that tested for it", []);
    }

    /// <summary>Labelled germline anywhere; or, seen twice or more, every consecutive pair of detections is germline-suspect by the pair comparison's rule.</summary>
    private bool IsGermlineSuspect(EvolutionRow row, List<int> detected)
    {
        if (detected.Any(i => row.Found[i]!.Origin == VariantOrigin.Germline))
        {
            return true;
        }

        return detected.Count >= 2
            && detected.Zip(detected.Skip(1)).All(p => FlagRules.IsGermlineSuspect(row.Found[p.First], row.Found[p.Second], options));
    }

    private static List<int> Indexes(EvolutionRow row, CallState state) =>
        Enumerable.Range(0, row.Calls.Count).Where(i => row.Calls[i].State == state).ToList();

    private string Name(int index) => EvolutionText.Sample(reports[index]);

    private static string Drugs(IReadOnlyList<PriorTherapy> therapies) =>
        string.Join("; ", therapies.Select(t => string.Join(" + ", t.Drugs)));
}
