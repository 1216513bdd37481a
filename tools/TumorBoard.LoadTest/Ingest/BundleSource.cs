using TumorBoard.LoadTest.Scenarios;

namespace TumorBoard.LoadTest.Ingest;

/// <summary>
/// Distinct two-report bundles made on demand (a long soak would not fit in memory made up front): each has unique
/// accessions, drawn from the seeded case mix, and a unique patient identifier, or, with a pool of returning patients,
/// the identifier of one of <c>pool</c> patients in turn (each keeping its clinical profile), so that after the first
/// <c>pool</c> bundles every bundle is a returning patient's new reports. Safe to share between clients.
/// </summary>
/// <remarks>
/// New patients' bundles are made once per case for <see cref="Cases"/> seeded cases, with a placeholder where the patient's
/// identifier and accessions go; each bundle is then a case's text with this bundle's own identifier put in. Building and
/// serialising a bundle per request cost the load generator, which shares the two cores with the service and PostgreSQL,
/// about 0.1 ms of CPU per bundle (docs/performance.md, issue 12 session 7); a real EHR integration does not take its
/// cores from the service.
/// </remarks>
public sealed class BundleSource(int seed, string run, int pool = 0)
{
    private readonly PatientCaseFactory _factory = new(seed, DateTimeOffset.UtcNow.Date);
    private readonly Lock _gate = new();
    private readonly List<int> _sizes = [];
    private readonly Dictionary<int, ClinicalProfile> _profiles = [];
    private readonly List<(string Json, string Placeholder)> _cases = [];
    private int _next;

    /// <summary>How many seeded cases new patients' bundles cycle through.</summary>
    public const int Cases = 256;

    public string Next()
    {
        string id;
        (string Json, string Placeholder) made;
        lock (_gate)
        {
            var next = _next++;
            id = $"LT-{run}-{next:D7}";
            if (pool > 0)
            {
                made = (CaseBundles.ToJson(Returning(id)), id);
            }
            else
            {
                if (next < Cases)
                {
                    // The placeholder has the identifier's length, so a bundle's size does not depend on which it is.
                    var placeholder = $"LT-{run}-C{next:D6}";
                    _cases.Add((CaseBundles.ToJson(_factory.Next(placeholder, placeholder)), placeholder));
                }

                made = _cases[next % Cases];
            }

            _sizes.Add(made.Json.Length);
        }

        return made.Placeholder == id ? made.Json : made.Json.Replace(made.Placeholder, id, StringComparison.Ordinal);
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
