using TumorBoard.LoadTest.Scenarios;

namespace TumorBoard.LoadTest.Ingest;

/// <summary>
/// Distinct two-report bundles made on demand (a long soak would not fit in memory made up front): each has unique
/// accessions, drawn from the seeded case mix, and a unique patient identifier, or, with a pool of returning patients,
/// the identifier of one of <c>pool</c> patients in turn (each keeping its clinical profile), so that after the first
/// <c>pool</c> bundles every bundle is a returning patient's new reports. Safe to share between clients.
/// </summary>
public sealed class BundleSource(int seed, string run, int pool = 0)
{
    private readonly PatientCaseFactory _factory = new(seed, DateTimeOffset.UtcNow.Date);
    private readonly Lock _gate = new();
    private readonly List<int> _sizes = [];
    private readonly Dictionary<int, ClinicalProfile> _profiles = [];
    private int _next;

    public string Next()
    {
        lock (_gate)
        {
            var id = $"LT-{run}-{_next++:D7}";
            var json = CaseBundles.ToJson(pool > 0 ? Returning(id) : _factory.Next(id, id));
            _sizes.Add(json.Length);
            return json;
        }
    }

    private PatientCase Returning(string accessionPrefix)
    {
        var patient = (_next - 1) % pool;
        if (!_profiles.TryGetValue(patient, out var profile))
        {
            profile = _profiles[patient] = _factory.PickProfile();
        }

        return _factory.For(profile, $"LT-{run}-P{patient:D6}", accessionPrefix);
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
