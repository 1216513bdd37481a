using System.Diagnostics.CodeAnalysis;
using TumorBoard.TestSupport.Fhir;

namespace TumorBoard.LoadTest.Scenarios;

/// <summary>One synthetic patient: a profile made individual (identifiers, dates, VAFs, passengers, sex, age).</summary>
public sealed record PatientCase(
    ClinicalProfile Profile,
    string Mrn,
    string PrimaryAccession,
    string LaterAccession,
    DateTimeOffset Diagnosis,
    IReadOnlyList<TestVariant> Passengers,
    decimal VafFactor,
    string Gender,
    DateOnly BirthDate)
{
    /// <summary>The later sample is taken 13 months after diagnosis, after the therapies that drive resistance.</summary>
    public DateTimeOffset LaterSample => Diagnosis.AddMonths(13);
}

/// <summary>Draws patient cases from the profile mix with a seeded generator, so runs are repeatable.</summary>
[SuppressMessage("Security", "CA5394:Do not use insecure randomness", Justification = "A seeded load generator: synthetic patients must repeat from the seed; nothing here is a secret.")]
public sealed class PatientCaseFactory(int seed, DateTimeOffset today)
{
    private readonly Random _random = new(seed);
    private readonly double[] _cumulative = Cumulative(ClinicalProfiles.All);

    public PatientCase Next(string mrn, string accessionPrefix) => For(PickProfile(), mrn, accessionPrefix);

    /// <summary>A whole number in [min, max), from the same seeded sequence.</summary>
    public int Number(int min, int max) => _random.Next(min, max);

    /// <summary>A case of the given profile with individual dates, VAFs, passengers, sex and birth date.</summary>
    public PatientCase For(ClinicalProfile profile, string mrn, string accessionPrefix)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var passengers = ClinicalProfiles.Passengers.OrderBy(_ => _random.Next()).Take(_random.Next(0, 4)).ToList();
        var diagnosis = today.AddDays(-_random.Next(0, 60)).AddMonths(-14);
        var gender = profile.Gender ?? (_random.Next(2) == 0 ? "female" : "male");
        var birth = new DateOnly(1940 + _random.Next(0, 46), 1 + _random.Next(0, 12), 1 + _random.Next(0, 28));
        var vafFactor = 0.85m + (decimal)_random.Next(0, 31) / 100m;
        return new PatientCase(profile, mrn, accessionPrefix + "-P", accessionPrefix + "-L", diagnosis, passengers, vafFactor, gender, birth);
    }

    /// <summary>A profile drawn according to the profiles' weights.</summary>
    public ClinicalProfile PickProfile()
    {
        var draw = _random.NextDouble() * _cumulative[^1];
        var index = Array.FindIndex(_cumulative, c => draw < c);
        return ClinicalProfiles.All[index < 0 ? _cumulative.Length - 1 : index];
    }

    private static double[] Cumulative(IReadOnlyList<ClinicalProfile> profiles)
    {
        var sums = new double[profiles.Count];
        var total = 0.0;
        for (var i = 0; i < profiles.Count; i++)
        {
            total += profiles[i].Weight;
            sums[i] = total;
        }

        return sums;
    }
}
