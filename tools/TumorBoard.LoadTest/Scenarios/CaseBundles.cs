using TumorBoard.TestSupport.Fhir;

namespace TumorBoard.LoadTest.Scenarios;

/// <summary>Turns a patient case into the two-report FHIR Bundle an EHR integration would post.</summary>
public static class CaseBundles
{
    public const string MrnSystem = "urn:tumorboard:load-test:mrn";
    private const string OncoTree = "http://oncotree.mskcc.org";

    public static string ToJson(PatientCase patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        var profile = patient.Profile;
        var builder = new GenomicBundleBuilder(MrnSystem, patient.Mrn) { Gender = patient.Gender, BirthDate = patient.BirthDate }
            .PrimaryCancer(OncoTree, profile.OncotreeCode, profile.TumorName, profile.PrimarySite);
        if (profile.LaterSite != TestSite.Plasma)
        {
            builder.Metastasis(profile.LaterSite);
        }

        foreach (var course in profile.Therapies)
        {
            builder.Therapy(course.Drug, patient.Diagnosis.AddMonths(course.StartMonth), course.EndMonth is { } end ? patient.Diagnosis.AddMonths(end) : null);
        }

        foreach (var marker in profile.Markers ?? [])
        {
            builder.Marker(marker, patient.Diagnosis);
        }

        builder.Report(new TestReport(patient.PrimaryAccession, profile.PrimarySite, patient.Diagnosis, Results(profile.Primary, patient)));
        builder.Report(new TestReport(patient.LaterAccession, profile.LaterSite, patient.LaterSample, Results(profile.Later, patient)));
        return builder.ToJson();
    }

    private static List<TestResult> Results(IReadOnlyList<TestResult> drivers, PatientCase patient) =>
        drivers.Concat(patient.Passengers).Select(r => Individual(r, patient.VafFactor)).ToList();

    private static TestResult Individual(TestResult result, decimal factor) => result switch
    {
        TestVariant { Vaf: { } vaf } v => v with { Vaf = Math.Min(0.99m, Math.Round(vaf * factor, 3)) },
        _ => result,
    };
}
