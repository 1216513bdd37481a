namespace TumorBoard.Core.Pairs;

/// <summary>
/// The one ordering every pair decision uses, so "latest" means the same thing everywhere: sample time
/// (collection, else issue), then issue time, then report id as a deterministic tie-break. A report with
/// no time at all sorts before every dated report: it cannot claim to be the latest.
/// </summary>
public static class ReportChronology
{
    /// <summary>Oldest first.</summary>
    public static IReadOnlyList<ReportSnapshot> Order(IEnumerable<ReportSnapshot> reports) =>
        reports
            .OrderBy(r => r.SampleTime ?? DateTimeOffset.MinValue)
            .ThenBy(r => r.IssuedAt ?? DateTimeOffset.MinValue)
            .ThenBy(r => r.ReportId, StringComparer.Ordinal)
            .ToList();

    /// <summary>The latest report matching <paramref name="predicate"/>, or null when none does.</summary>
    public static ReportSnapshot? Latest(IEnumerable<ReportSnapshot> reports, Func<ReportSnapshot, bool> predicate)
    {
        var ordered = Order(reports.Where(predicate));
        return ordered.Count == 0 ? null : ordered[^1];
    }
}
