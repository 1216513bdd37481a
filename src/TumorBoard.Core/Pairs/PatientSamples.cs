using TumorBoard.Core.Alterations;
using TumorBoard.Core.Patients;

namespace TumorBoard.Core.Pairs;

/// <summary>
/// A patient's tumour samples seen as the board weighs them: the most recent metastasis or ctDNA sample
/// governs current decisions (acquired alterations are the resistance biology of current therapy), and the
/// latest primary is the reference an alteration is "acquired" against. Normal and unknown-role specimens
/// take no part.
/// </summary>
public sealed class PatientSamples
{
    private PatientSamples(IReadOnlyList<ReportSnapshot> tumourReports, ReportSnapshot? primary, ReportSnapshot? governing)
    {
        TumourReports = tumourReports;
        Primary = primary;
        Governing = governing;
    }

    /// <summary>Tumour reports (primary, metastasis, ctDNA), oldest first.</summary>
    public IReadOnlyList<ReportSnapshot> TumourReports { get; }

    /// <summary>The latest primary, or null.</summary>
    public ReportSnapshot? Primary { get; }

    /// <summary>The most recent metastasis or ctDNA sample; the latest primary when there is none; null without tumour reports.</summary>
    public ReportSnapshot? Governing { get; }

    public static PatientSamples From(IEnumerable<ReportSnapshot> reports)
    {
        var tumour = ReportChronology.Order(reports.Where(r => r.IsTumourSample));
        var primary = ReportChronology.Latest(tumour, r => r.Role == SpecimenRole.Primary);
        var governing = ReportChronology.Latest(tumour, r => r.Role is SpecimenRole.Metastasis or SpecimenRole.Ctdna) ?? primary;
        return new PatientSamples(tumour, primary, governing);
    }

    /// <summary>Which sample(s) <paramref name="alterationKey"/> rests on; null when no tumour report carries it.</summary>
    public SampleAttribution? Attribute(string alterationKey)
    {
        // The key's identity once per call: every look-up below compares each reported alteration with it.
        var identity = AlterationIdentity.OfKey(alterationKey);
        var carriers = TumourReports.Where(r => Find(r, identity) is not null).ToList();
        if (carriers.Count == 0 || Governing is null)
        {
            return null;
        }

        var inPrimary = Primary is not null && Find(Primary, identity) is not null;
        var inGoverning = Find(Governing, identity);
        var governingIsLater = Governing.Role is SpecimenRole.Metastasis or SpecimenRole.Ctdna;

        var sample = (inPrimary, inGoverning is not null) switch
        {
            (true, true) when governingIsLater => RecommendationSample.Both,
            (_, true) => SampleOf(Governing.Role),
            (true, false) => RecommendationSample.Primary,
            _ => SampleOf(carriers[^1].Role),
        };

        var emergent = governingIsLater && inGoverning is not null && Primary is not null && !inPrimary
            && PanelCoverage.Tests(Primary, inGoverning);
        var carried = Find(carriers[^1], identity)!;
        var notTestedInGoverning = inGoverning is null && !PanelCoverage.Tests(Governing, carried);

        return new SampleAttribution(
            alterationKey,
            sample,
            emergent,
            Governing.ReportId,
            Primary?.ReportId,
            carriers.Select(r => r.ReportId).ToList(),
            notTestedInGoverning);
    }

    /// <summary>The first of the report's alterations whose identity is <paramref name="identity"/> (<see cref="AlterationIdentity.OfKey"/> of a key).</summary>
    private static Alteration? Find(ReportSnapshot report, string identity)
    {
        foreach (var alteration in report.Alterations)
        {
            if (AlterationIdentity.Of(alteration) == identity)
            {
                return alteration;
            }
        }

        return null;
    }

    private static RecommendationSample SampleOf(SpecimenRole role) => role switch
    {
        SpecimenRole.Metastasis => RecommendationSample.Metastasis,
        SpecimenRole.Ctdna => RecommendationSample.Ctdna,
        _ => RecommendationSample.Primary,
    };
}
