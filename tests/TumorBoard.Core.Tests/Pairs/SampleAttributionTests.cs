using TumorBoard.Core.Pairs;
using TumorBoard.Core.Patients;
using static TumorBoard.Core.Tests.Pairs.PairFixtures;

namespace TumorBoard.Core.Tests.Pairs;

public class SampleAttributionTests
{
    private static readonly ReportSnapshot LungPrimary =
        Report("primary", SpecimenRole.Primary, "2019-03-01", Snv("EGFR", "L858R", 0.35m), Snv("TP53", "R273H", 0.3m));

    private static readonly ReportSnapshot LiverMetastasis =
        Report("liver-met", SpecimenRole.Metastasis, "2021-02-01", Snv("EGFR", "L858R", 0.4m), Snv("EGFR", "T790M", 0.08m));

    [Fact]
    public void Given_L858R_in_primary_and_metastasis_When_attributed_Then_it_rests_on_both_and_is_not_emergent()
    {
        var attribution = PatientSamples.From([LungPrimary, LiverMetastasis]).Attribute("EGFR L858R");

        Assert.NotNull(attribution);
        Assert.Equal((RecommendationSample.Both, false), (attribution.Sample, attribution.Emergent));
        Assert.Equal(["primary", "liver-met"], attribution.ReportIds);
    }

    [Fact]
    public void Given_T790M_only_in_the_metastasis_When_attributed_Then_it_rests_on_the_metastasis_and_is_emergent()
    {
        var attribution = PatientSamples.From([LungPrimary, LiverMetastasis]).Attribute("EGFR T790M");

        Assert.NotNull(attribution);
        Assert.Equal((RecommendationSample.Metastasis, true, "liver-met", "primary"),
            (attribution.Sample, attribution.Emergent, attribution.GoverningReportId, attribution.PrimaryReportId));
    }

    [Fact]
    public void Given_a_ctdna_sample_newer_than_the_metastasis_When_attributing_Then_the_ctdna_governs()
    {
        var plasma = Report("plasma", SpecimenRole.Ctdna, "2022-06-01", Snv("EGFR", "L858R", 0.03m), Snv("EGFR", "C797S", 0.01m));

        var samples = PatientSamples.From([plasma, LungPrimary, LiverMetastasis]);
        var c797s = samples.Attribute("EGFR C797S");
        var t790m = samples.Attribute("EGFR T790M");

        Assert.Equal("plasma", samples.Governing?.ReportId);
        Assert.Equal((RecommendationSample.Ctdna, true), (c797s?.Sample, c797s?.Emergent));
        // T790M was seen in the older metastasis only: not in the governing sample, so not emergent now.
        Assert.Equal((RecommendationSample.Metastasis, false), (t790m?.Sample, t790m?.Emergent));
    }

    [Fact]
    public void Given_TP53_only_in_the_primary_When_attributed_Then_it_rests_on_the_primary()
    {
        var attribution = PatientSamples.From([LungPrimary, LiverMetastasis]).Attribute("TP53 R273H");

        Assert.Equal((RecommendationSample.Primary, false, false), (attribution?.Sample, attribution?.Emergent, attribution?.NotTestedInGoverning));
    }

    [Fact]
    public void Given_a_governing_panel_without_the_gene_When_a_primary_alteration_is_attributed_Then_it_is_marked_not_tested_there()
    {
        var hotspotMet = LiverMetastasis.Panel("EGFR", "KRAS");

        var attribution = PatientSamples.From([LungPrimary, hotspotMet]).Attribute("TP53 R273H");

        Assert.Equal((RecommendationSample.Primary, true), (attribution?.Sample, attribution?.NotTestedInGoverning));
    }

    [Fact]
    public void Given_a_primary_that_did_not_test_the_gene_When_the_metastasis_carries_it_Then_it_is_not_called_emergent()
    {
        var narrowPrimary = LungPrimary.Panel("EGFR", "TP53");
        var met = Report("met", SpecimenRole.Metastasis, "2021-02-01", Snv("EGFR", "L858R", 0.4m), Snv("MET", "Y1003*", 0.2m));

        var attribution = PatientSamples.From([narrowPrimary, met]).Attribute("MET Y1003*");

        Assert.Equal((RecommendationSample.Metastasis, false), (attribution?.Sample, attribution?.Emergent));
    }

    [Fact]
    public void Without_a_primary_nothing_is_called_emergent()
    {
        var met = Report("met", SpecimenRole.Metastasis, "2020-01-01", Snv("EGFR", "L858R", 0.4m));
        var plasma = Report("plasma", SpecimenRole.Ctdna, "2021-01-01", Snv("EGFR", "L858R", 0.05m), Snv("EGFR", "T790M", 0.01m));

        var attribution = PatientSamples.From([met, plasma]).Attribute("EGFR T790M");

        Assert.Equal((RecommendationSample.Ctdna, false, (string?)null), (attribution?.Sample, attribution?.Emergent, attribution?.PrimaryReportId));
    }

    [Fact]
    public void With_primaries_only_the_latest_primary_governs_and_everything_rests_on_the_primary()
    {
        var rebiopsy = Report("primary-2", SpecimenRole.Primary, "2020-03-01", Snv("EGFR", "L858R", 0.3m), Snv("EGFR", "T790M", 0.1m));

        var samples = PatientSamples.From([LungPrimary, rebiopsy]);
        var attribution = samples.Attribute("EGFR T790M");

        Assert.Equal("primary-2", samples.Governing?.ReportId);
        Assert.Equal((RecommendationSample.Primary, false), (attribution?.Sample, attribution?.Emergent));
    }

    [Fact]
    public void An_alteration_no_tumour_report_carries_has_no_attribution()
    {
        var normal = Report("buffy-coat", SpecimenRole.Normal, "2019-03-01", Snv("BRCA2", "K3326*", 0.5m));

        var samples = PatientSamples.From([LungPrimary, LiverMetastasis, normal]);

        Assert.Null(samples.Attribute("BRCA2 K3326*"));
        Assert.Null(PatientSamples.From([]).Attribute("EGFR L858R"));
    }
}
