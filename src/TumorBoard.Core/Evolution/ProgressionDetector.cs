using System.Globalization;
using TumorBoard.Core.Alterations;
using TumorBoard.Core.Pairs;
using TumorBoard.Core.Patients;

namespace TumorBoard.Core.Evolution;

/// <summary>
/// Molecular progression: a watched resistance alteration newly detected in a plasma draw (or, under a rule
/// that counts increases, detected at a higher VAF than in the previous draw) while the patient receives a drug
/// it resists. Noise does not alert: a first detection below the limit of detection needs the next draw to
/// confirm it, and a plasma-only call in a clonal-haematopoiesis gene is set aside when the rule says so.
/// </summary>
internal static class ProgressionDetector
{
    public const string ClonalHaematopoiesisCaveat = "possible clonal haematopoiesis: seen only in plasma; confirm in tissue";

    public static MolecularProgression Detect(IReadOnlyList<ReportSnapshot> reports, IReadOnlyList<EvolutionRow> rows, EvolutionInput input)
    {
        var byIdentity = rows.ToDictionary(r => r.Identity, StringComparer.Ordinal);
        var events = new List<ProgressionEvent>();
        var suppressed = new List<SuppressedSignal>();
        foreach (var group in input.Resistance.GroupBy(l => (Identity: AlterationIdentity.OfKey(l.AlterationKey), l.Rule.Id)))
        {
            if (byIdentity.TryGetValue(group.Key.Identity, out var row))
            {
                var watch = new Watch(
                    group.First().Rule,
                    group.SelectMany(l => l.Drugs).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
                    string.Join(", ", group.Select(l => l.ResistanceRuleId).Distinct(StringComparer.Ordinal)),
                    group.SelectMany(l => l.Citations).Distinct().ToList());
                Walk(reports, row, watch, input, events, suppressed);
            }
        }

        return new MolecularProgression(
            events.OrderBy(e => e.ToAt ?? DateTimeOffset.MinValue).ThenBy(e => e.AlterationKey, StringComparer.Ordinal).ToList(),
            suppressed,
            input.LimitOfDetectionVaf);
    }

    private static void Walk(IReadOnlyList<ReportSnapshot> reports, EvolutionRow row, Watch watch, EvolutionInput input, List<ProgressionEvent> events, List<SuppressedSignal> suppressed)
    {
        var calls = row.Calls;
        var tested = Enumerable.Range(0, reports.Count).Where(i => calls[i].State != CallState.NotTested).ToList();
        for (var position = 1; position < tested.Count; position++)
        {
            var (previous, current) = (tested[position - 1], tested[position]);
            if (reports[current].Role != SpecimenRole.Ctdna || calls[current].State != CallState.Detected)
            {
                continue;
            }

            var under = OnTherapy(input.Therapies, watch.Drugs, reports[current].SampleTime);
            if (under.Count == 0)
            {
                continue;
            }

            var key = row.Representative.Key;
            var (prior, now) = (calls[previous], calls[current]);
            ProgressionKind? kind = null;
            if (prior.State == CallState.NotDetected)
            {
                if (now.BelowLimitOfDetection)
                {
                    var confirmed = position + 1 < tested.Count && calls[tested[position + 1]].State == CallState.Detected;
                    if (!confirmed)
                    {
                        suppressed.Add(new SuppressedSignal(key, reports[current].ReportId, watch.Rule.Id,
                            $"one draw at VAF {Vaf(now.Vaf)}, below the limit of detection {Vaf(input.LimitOfDetectionVaf)}, not confirmed by a later draw"));
                    }

                    continue; // a confirmation alerts at the confirming draw
                }

                kind = ProgressionKind.Appearance;
            }
            else if (prior.BelowLimitOfDetection && reports[previous].Role == SpecimenRole.Ctdna
                     && position >= 2 && calls[tested[position - 2]].State == CallState.NotDetected)
            {
                kind = ProgressionKind.Appearance;
            }
            else if (watch.Rule.Trigger == ProgressionTrigger.AppearanceOrIncrease && now.Vaf is { } to && prior.Vaf is { } from && to > from)
            {
                kind = ProgressionKind.Increase;
            }

            if (kind is null)
            {
                continue;
            }

            var caveats = new List<string>();
            if (row.PossibleClonalHaematopoiesis)
            {
                if (watch.Rule.ClonalHaematopoiesis == ClonalHaematopoiesisHandling.Suppress)
                {
                    suppressed.Add(new SuppressedSignal(key, reports[current].ReportId, watch.Rule.Id,
                        $"seen only in plasma, in {row.Representative.Gene}, a clonal-haematopoiesis gene of the knowledge base"));
                    continue;
                }

                caveats.Add(ClonalHaematopoiesisCaveat);
            }

            events.Add(new ProgressionEvent(
                key,
                row.Representative.Gene,
                kind.Value,
                prior.State == CallState.Detected ? prior.Vaf : null,
                now.Vaf,
                reports[previous].ReportId,
                reports[previous].SampleTime,
                reports[current].ReportId,
                reports[current].SampleTime,
                under,
                watch.Drugs,
                watch.Rule.Id,
                watch.ResistanceRuleIds,
                watch.Citations,
                caveats));
        }
    }

    /// <summary>Therapies with a resisted drug that had started by the draw and had not ended before it (an open end is ongoing).</summary>
    private static List<PriorTherapy> OnTherapy(IReadOnlyList<PriorTherapy> therapies, IReadOnlyList<string> drugs, DateTimeOffset? at) =>
        therapies
            .Where(t => t.Drugs.Any(d => drugs.Contains(d, StringComparer.OrdinalIgnoreCase)))
            .Where(t => at is null || ((t.Start is null || t.Start <= at) && (t.End is null || t.End >= at)))
            .ToList();

    private static string Vaf(decimal? vaf) => vaf is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "unknown";

    private sealed record Watch(ProgressionRule Rule, IReadOnlyList<string> Drugs, string ResistanceRuleIds, IReadOnlyList<TumorBoard.Core.Rules.Citation> Citations);
}
