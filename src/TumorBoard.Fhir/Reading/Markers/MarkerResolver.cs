using System.Globalization;
using TumorBoard.Core.Ingestion;
using TumorBoard.Core.Patients;
using TumorBoard.Fhir.Parsing;

namespace TumorBoard.Fhir.Reading.Markers;

/// <summary>
/// Turns every reading into at most one <see cref="ParsedMarker"/> per marker. Per test the latest effective
/// result wins (undated results count as oldest); an older result that disagrees is a warning, and results that
/// disagree on the same latest date set nothing (a warning at each). HER2 is then combined from its tests
/// (<see cref="Her2Combination"/>) and the hormone receptor derived from ER and PR.
/// </summary>
internal static class MarkerResolver
{
    public static IReadOnlyList<ParsedMarker> Resolve(List<MarkerReading> readings, IssueList issues)
    {
        var latest = readings
            .GroupBy(r => r.Test)
            .Select(g => Latest(g.ToList(), issues))
            .OfType<MarkerReading>()
            .ToDictionary(r => r.Test);

        var markers = new List<ParsedMarker>();
        AddSingle(markers, latest, MarkerTest.EstrogenReceptor);
        AddSingle(markers, latest, MarkerTest.ProgesteroneReceptor);
        if (HormoneReceptor(latest.GetValueOrDefault(MarkerTest.EstrogenReceptor), latest.GetValueOrDefault(MarkerTest.ProgesteroneReceptor)) is { } hr)
        {
            markers.Add(hr);
        }

        if (Her2Combination.Combine(latest.GetValueOrDefault(MarkerTest.Her2Overall), latest.GetValueOrDefault(MarkerTest.Her2Ihc), latest.GetValueOrDefault(MarkerTest.Her2Ish), issues) is { } her2)
        {
            markers.Add(her2);
        }

        AddSingle(markers, latest, MarkerTest.Mlh1Ihc);
        AddSingle(markers, latest, MarkerTest.Msh2Ihc);
        AddSingle(markers, latest, MarkerTest.Lag3Ihc);
        return markers.OrderBy(m => m.Marker).ToList();
    }

    internal static ParsedMarker ToMarker(MarkerReading reading) =>
        new(MarkerTests.Marker(reading.Test), reading.Status, reading.EffectiveAt, reading.Source);

    private static void AddSingle(List<ParsedMarker> markers, Dictionary<MarkerTest, MarkerReading> latest, MarkerTest test)
    {
        if (latest.TryGetValue(test, out var reading))
        {
            markers.Add(ToMarker(reading));
        }
    }

    private static MarkerReading? Latest(List<MarkerReading> readings, IssueList issues)
    {
        // Stable sort: among equal dates the bundle order is kept.
        var ordered = readings.OrderByDescending(r => r.EffectiveAt ?? DateTimeOffset.MinValue).ToList();
        var top = ordered[0];
        var label = MarkerTests.Label(top.Test);
        var sameDate = ordered.Where(r => r.EffectiveAt == top.EffectiveAt).ToList();
        if (sameDate.Any(r => r.Status != top.Status))
        {
            foreach (var reading in sameDate)
            {
                issues.Warning("conflict", $"{label} results of the same date ({Date(top.EffectiveAt)}) disagree ({string.Join(", ", sameDate.Select(r => Text(r.Status)))}); {label} is not set.", reading.Path);
            }

            return null;
        }

        foreach (var older in ordered.Skip(sameDate.Count).Where(r => r.Status != top.Status))
        {
            issues.Warning("conflict", $"This {label} result ({Text(older.Status)}, {Date(older.EffectiveAt)}) is superseded by the later one at {top.Path} ({Text(top.Status)}, {Date(top.EffectiveAt)}).", older.Path);
        }

        return top;
    }

    /// <summary>HR-positive when ER or PR is positive; HR-negative only when both are negative; otherwise not set.</summary>
    private static ParsedMarker? HormoneReceptor(MarkerReading? er, MarkerReading? pr)
    {
        var positive = new[] { er, pr }.OfType<MarkerReading>().Where(r => r.Status == MarkerStatus.Positive).ToList();
        if (positive.Count > 0)
        {
            return Derived(MarkerStatus.Positive, positive);
        }

        return er?.Status == MarkerStatus.Negative && pr?.Status == MarkerStatus.Negative ? Derived(MarkerStatus.Negative, [er, pr]) : null;
    }

    private static ParsedMarker Derived(MarkerStatus status, List<MarkerReading> from) => new(
        ClinicalMarker.HormoneReceptor,
        status,
        from.Max(r => r.EffectiveAt),
        $"derived from {string.Join(" and ", from.Select(r => $"{MarkerTests.Label(r.Test)} {Text(r.Status)}"))}");

    internal static string Text(MarkerStatus status) => status.ToString().ToLowerInvariant();

    private static string Date(DateTimeOffset? at) => at?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated";
}
