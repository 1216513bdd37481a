using TumorBoard.LoadTest.Scenarios;

namespace TumorBoard.LoadTest.Ingest;

/// <summary>
/// Distinct two-report bundles made on demand (a long soak would not fit in memory made up front): each has a
/// unique patient identifier and unique accessions, drawn from the seeded case mix. Safe to share between clients.
/// </summary>
public sealed class BundleSource(int seed, string run)
{
    private readonly PatientCaseFactory _factory = new(seed, DateTimeOffset.UtcNow.Date);
    private readonly Lock _gate = new();
    private readonly List<int> _sizes = [];
    private int _next;

    public string Next()
    {
        lock (_gate)
        {
            var id = $"LT-{run}-{_next++:D7}";
            var json = CaseBundles.ToJson(_factory.Next(id, id));
            _sizes.Add(json.Length);
            return json;
        }
    }

    /// <summary>Median, smallest and largest size in bytes (UTF-16 length; the bundles are ASCII) of the bundles made so far.</summary>
    public (int Median, int Min, int Max) Sizes()
    {
        lock (_gate)
        {
            var sorted = _sizes.Order().ToList();
            return sorted.Count == 0 ? (0, 0, 0) : (sorted[sorted.Count / 2], sorted[0], sorted[^1]);
        }
    }

    /// <summary>A bundle of median size among <paramref name="sample"/> made from the same seed: the one parse-only is timed on.</summary>
    public static string MedianBundle(int seed, int sample = 101)
    {
        var source = new BundleSource(seed, "parse");
        return Enumerable.Range(0, sample).Select(_ => source.Next()).OrderBy(b => b.Length).ElementAt(sample / 2);
    }
}
