using TumorBoard.Core.Alterations;
using TumorBoard.Core.Pairs;
using TumorBoard.Core.Patients;

namespace TumorBoard.Core.Evolution;

/// <summary>
/// The patient's whole history: every tumour and ctDNA sample in collection order (<see cref="ReportChronology"/>),
/// one row per alteration (matched on <see cref="AlterationIdentity"/>, absence only where <see cref="PanelCoverage"/>
/// says the sample looked), each classified, the plasma trajectories, consecutive pair comparisons
/// (<see cref="PairComparer"/>) and molecular progression. Pure: the same input gives the same output.
/// </summary>
public static class EvolutionBuilder
{
    public static PatientEvolution Build(EvolutionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var reports = ReportChronology.Order(input.Reports.Where(r => r.IsTumourSample));
        var samples = Samples(reports, input);
        var rows = Rows(reports, samples, input);
        var classifier = new AlterationClassifier(reports, input.Therapies, input.PairOptions);
        var alterations = rows
            .Select(row => classifier.Classify(row))
            .OrderBy(a => (int)a.Class)
            .ThenBy(a => a.Key, StringComparer.Ordinal)
            .ToList();
        var resistanceKeys = new HashSet<string>(input.Resistance.Select(l => AlterationIdentity.OfKey(l.AlterationKey)), StringComparer.Ordinal);
        var progression = ProgressionDetector.Detect(reports, rows, input);
        return new PatientEvolution(
            samples,
            input.Therapies.OrderBy(t => t.Start ?? DateTimeOffset.MinValue).ToList(),
            alterations,
            Trajectories(reports, rows, resistanceKeys),
            Steps(reports),
            progression);
    }

    /// <summary>
    /// The <see cref="PatientEvolution.Progression"/> of <see cref="Build"/> alone, all an evaluation keeps of the evolution:
    /// without the classification, trajectories and pair steps, and without any row when no resistance link is watched
    /// (the detector then looks at none).
    /// </summary>
    public static MolecularProgression Progression(EvolutionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Resistance.Count == 0)
        {
            return ProgressionDetector.Detect([], [], input);
        }

        var reports = ReportChronology.Order(input.Reports.Where(r => r.IsTumourSample));
        return ProgressionDetector.Detect(reports, Rows(reports, Samples(reports, input), input), input);
    }

    private static List<EvolutionSample> Samples(IReadOnlyList<ReportSnapshot> reports, EvolutionInput input) =>
        reports
            .Select(r => new EvolutionSample(r.ReportId, r.Role, r.SampleTime, r.PanelGenes, input.Purity.TryGetValue(r.ReportId, out var p) ? p : null))
            .ToList();

    /// <summary>One row per alteration identity with its call in every sample (index-aligned with the reports).</summary>
    private static List<EvolutionRow> Rows(IReadOnlyList<ReportSnapshot> reports, List<EvolutionSample> samples, EvolutionInput input)
    {
        var indexes = reports.Select(PairComparer.IndexByKey).ToList();
        var coverage = reports.Select(PanelCoverage.For).ToList();
        var first = new Dictionary<string, Alteration>(StringComparer.OrdinalIgnoreCase);
        foreach (var index in indexes)
        {
            foreach (var (identity, alteration) in index)
            {
                first.TryAdd(identity, alteration);
            }
        }

        var rows = new List<EvolutionRow>(first.Count);
        foreach (var (identity, representative) in first)
        {
            var calls = new SampleCall[reports.Count];
            var found = new Alteration?[reports.Count];
            for (var i = 0; i < reports.Count; i++)
            {
                if (indexes[i].TryGetValue(identity, out var seen))
                {
                    found[i] = seen;
                    var below = reports[i].Role == SpecimenRole.Ctdna && seen.Vaf is { } vaf && vaf < input.LimitOfDetectionVaf;
                    calls[i] = new SampleCall(CallState.Detected, seen.Vaf, seen.CopyNumber, seen.Value, below, CancerCellFraction.Estimate(seen, samples[i].Purity));
                }
                else
                {
                    calls[i] = coverage[i].Tests(representative) ? SampleCall.NotDetected : SampleCall.NotTested;
                }
            }

            var plasmaOnly = Enumerable.Range(0, reports.Count).All(i => found[i] is null || reports[i].Role == SpecimenRole.Ctdna);
            var possibleCh = plasmaOnly && input.PairOptions.ClonalHematopoiesisGenes.Contains(representative.Gene);
            rows.Add(new EvolutionRow(identity, representative, calls, found, possibleCh));
        }

        return rows;
    }

    private static List<Trajectory> Trajectories(IReadOnlyList<ReportSnapshot> reports, List<EvolutionRow> rows, HashSet<string> resistanceKeys)
    {
        var plasma = Enumerable.Range(0, reports.Count).Where(i => reports[i].Role == SpecimenRole.Ctdna).ToList();
        return rows
            .Where(row => plasma.Any(i => row.Calls[i].State == CallState.Detected))
            .Select(row => new Trajectory(
                row.Representative.Key,
                row.Representative.Gene,
                resistanceKeys.Contains(row.Identity),
                plasma.Where(i => row.Calls[i].State != CallState.NotTested)
                    .Select(i => new TrajectoryPoint(reports[i].ReportId, reports[i].SampleTime, row.Calls[i].State, row.Calls[i].Vaf, row.Calls[i].BelowLimitOfDetection))
                    .ToList()))
            .OrderByDescending(t => t.Resistance)
            .ThenBy(t => t.Key, StringComparer.Ordinal)
            .ToList();
    }

    private static List<EvolutionStep> Steps(IReadOnlyList<ReportSnapshot> reports) =>
        Enumerable.Range(1, Math.Max(0, reports.Count - 1))
            .Select(i =>
            {
                var pair = PairComparer.Compare(reports[i - 1], reports[i]);
                return new EvolutionStep(
                    pair.FromReportId,
                    pair.ToReportId,
                    pair.Concordance,
                    pair.Alterations.Where(a => a.Status == PairStatus.Acquired).Select(a => a.Key).ToList(),
                    pair.Alterations.Where(a => a.Status == PairStatus.Lost).Select(a => a.Key).ToList());
            })
            .ToList();
}

/// <summary>One alteration's calls across the ordered samples, before classification.</summary>
internal sealed record EvolutionRow(string Identity, Alteration Representative, IReadOnlyList<SampleCall> Calls, IReadOnlyList<Alteration?> Found, bool PossibleClonalHaematopoiesis);
