using TumorBoard.Core.Alterations;
using TumorBoard.Core.Pairs;
using TumorBoard.Core.Patients;
using static TumorBoard.Core.Tests.Pairs.PairFixtures;

namespace TumorBoard.Core.Tests.Pairs;

public class ConcordanceTests
{
    [Fact]
    public void Concordance_is_shared_over_shared_plus_acquired_plus_lost_rounded_to_two_decimals()
    {
        // 1 shared, 1 lost, 1 acquired: 1/3.
        var from = Report("a", SpecimenRole.Primary, "2019-01-01", Snv("KRAS", "G12D", 0.3m), Snv("TP53", "R175H", 0.3m));
        var to = Report("b", SpecimenRole.Metastasis, "2020-01-01", Snv("KRAS", "G12D", 0.3m), Snv("SMAD4", "R361H", 0.3m));

        var comparison = PairComparer.Compare(from, to);

        Assert.Equal((1, 3, 0.33m), (comparison.SharedCount, comparison.ComparedCount, comparison.Concordance));
    }

    [Fact]
    public void Two_reports_without_alterations_have_no_concordance_rather_than_zero_or_one()
    {
        var comparison = PairComparer.Compare(Report("a", SpecimenRole.Primary, "2019-01-01"), Report("b", SpecimenRole.Metastasis, "2020-01-01"));

        Assert.Empty(comparison.Alterations);
        Assert.Equal((0, 0, (decimal?)null), (comparison.SharedCount, comparison.ComparedCount, comparison.Concordance));
    }

    [Fact]
    public void Completely_discordant_reports_have_concordance_zero()
    {
        var comparison = PairComparer.Compare(
            Report("a", SpecimenRole.Primary, "2019-01-01", Snv("KRAS", "G12D", 0.3m)),
            Report("b", SpecimenRole.Metastasis, "2020-01-01", Snv("NRAS", "Q61K", 0.3m)));

        Assert.Equal(0m, comparison.Concordance);
    }

    [Fact]
    public void Not_tested_alterations_biomarkers_and_uninterpreted_calls_stay_out_of_the_denominator()
    {
        var uninterpreted = new Alteration { Key = "chr7:g.55191822T>G", Gene = "EGFR", Kind = AlterationKind.Other, Interpreted = false };
        var from = Report("a", SpecimenRole.Primary, "2019-01-01", Snv("KRAS", "G12D", 0.3m), Snv("BRCA2", "K3326*", 0.3m), Tmb(12m), Msi("MSI-H"));
        var to = Report("b", SpecimenRole.Metastasis, "2020-01-01", Snv("KRAS", "G12D", 0.3m), Tmb(4m), Msi("MSS"), uninterpreted)
            .Panel("KRAS", "EGFR");

        var comparison = PairComparer.Compare(from, to);

        Assert.Equal(6, comparison.Alterations.Count);
        Assert.Equal((1, 1, 1m), (comparison.SharedCount, comparison.ComparedCount, comparison.Concordance));
        Assert.Equal([PairFlag.Uninterpreted], comparison.Entry("chr7:g.55191822T>G").Flags);
    }
}
