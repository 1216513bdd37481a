using TumorBoard.Core.Evolution;
using TumorBoard.Core.Patients;
using static TumorBoard.Core.Tests.Evolution.EvolutionFixtures;
using static TumorBoard.Core.Tests.Pairs.PairFixtures;

namespace TumorBoard.Core.Tests.Evolution;

public class AlterationClassTests
{
    [Fact]
    public void A_driver_in_every_sample_that_tested_for_it_is_truncal()
    {
        var evolution = Evolve([],
            Report("p", SpecimenRole.Primary, "2020-01-01", Snv("EGFR", "L858R", 0.35m)),
            Report("m", SpecimenRole.Metastasis, "2021-01-01", Snv("EGFR", "L858R", 0.30m)),
            Report("c", SpecimenRole.Ctdna, "2021-06-01", Snv("EGFR", "L858R", 0.04m)));

        var row = evolution.Row("EGFR L858R");
        Assert.Equal(AlterationClass.Truncal, row.Class);
        Assert.All(row.Calls, c => Assert.Equal(CallState.Detected, c.State));
        Assert.Equal(["p", "m", "c"], evolution.Samples.Select(s => s.ReportId));
    }

    [Fact]
    public void A_metastasis_mutation_outside_the_primary_panel_is_private_not_truncal()
    {
        var evolution = Evolve([],
            Report("p", SpecimenRole.Primary, "2020-01-01", Snv("EGFR", "L858R", 0.35m)).Panel("EGFR", "TP53"),
            Report("m", SpecimenRole.Metastasis, "2021-01-01", Snv("EGFR", "L858R", 0.30m), Snv("CTNNB1", "S37F", 0.2m)));

        var row = evolution.Row("CTNNB1 S37F");
        Assert.Equal(AlterationClass.Private, row.Class);
        Assert.Equal(CallState.NotTested, row.Calls[0].State);
        Assert.Contains("no other sample tested for it", row.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Seen_in_two_metastases_and_not_in_the_primary_without_therapy_between_is_branch()
    {
        var evolution = Evolve([],
            Report("p", SpecimenRole.Primary, "2020-01-01", Snv("TP53", "R273H", 0.3m)),
            Report("m1", SpecimenRole.Metastasis, "2021-01-01", Snv("TP53", "R273H", 0.3m), Snv("PIK3CA", "E545K", 0.2m)),
            Report("m2", SpecimenRole.Metastasis, "2021-02-01", Snv("TP53", "R273H", 0.3m), Snv("PIK3CA", "E545K", 0.1m)));

        Assert.Equal(AlterationClass.Branch, evolution.Row("PIK3CA E545K").Class);
        Assert.Equal(AlterationClass.Truncal, evolution.Row("TP53 R273H").Class);
    }

    [Fact]
    public void First_seen_after_a_therapy_started_is_emergent_and_names_the_therapy()
    {
        var evolution = Evolve([Therapy("erlotinib", "2020-02-01")],
            Report("p", SpecimenRole.Primary, "2020-01-01", Snv("EGFR", "L858R", 0.35m)),
            Report("c", SpecimenRole.Ctdna, "2021-01-01", Snv("EGFR", "L858R", 0.05m), Snv("EGFR", "T790M", 0.02m)));

        var row = evolution.Row("EGFR T790M");
        Assert.Equal(AlterationClass.Emergent, row.Class);
        Assert.Equal(["erlotinib"], Assert.Single(row.EmergentUnder).Drugs);
        Assert.Contains("after erlotinib", row.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Detected_earlier_and_absent_from_the_latest_sample_that_tested_for_it_is_lost()
    {
        var evolution = Evolve([],
            Report("p", SpecimenRole.Primary, "2020-01-01", Snv("EGFR", "L858R", 0.35m), Snv("STK11", "Q37*", 0.2m)),
            Report("m", SpecimenRole.Metastasis, "2021-01-01", Snv("EGFR", "L858R", 0.3m)));

        Assert.Equal(AlterationClass.Lost, evolution.Row("STK11 Q37*").Class);
    }

    [Fact]
    public void A_heterozygous_band_VAF_in_every_sample_is_germline_suspect()
    {
        var evolution = Evolve([],
            Report("p", SpecimenRole.Primary, "2020-01-01", Snv("BRCA2", "V2466A", 0.49m)),
            Report("m", SpecimenRole.Metastasis, "2021-01-01", Snv("BRCA2", "V2466A", 0.52m)));

        Assert.Equal(AlterationClass.GermlineSuspect, evolution.Row("BRCA2 V2466A").Class);
    }

    [Fact]
    public void Consecutive_samples_are_compared_with_the_pair_comparison()
    {
        var evolution = Evolve([],
            Report("p", SpecimenRole.Primary, "2020-01-01", Snv("EGFR", "L858R", 0.35m)),
            Report("c", SpecimenRole.Ctdna, "2021-01-01", Snv("EGFR", "L858R", 0.05m), Snv("EGFR", "T790M", 0.02m)));

        var step = Assert.Single(evolution.Steps);
        Assert.Equal(("p", "c"), (step.FromReportId, step.ToReportId));
        Assert.Equal(["EGFR T790M"], step.Acquired);
    }

    [Theory]
    [InlineData("0.20", "0.5", "0.8")]
    [InlineData("0.40", "0.5", "1")]
    public void Cancer_cell_fraction_is_twice_the_VAF_over_purity_capped_at_one(string vaf, string purity, string expected)
    {
        var ccf = CancerCellFraction.Estimate(Snv("PIK3CA", "E545K", Dec(vaf)), Dec(purity));

        Assert.Equal(Dec(expected), ccf);
    }

    [Fact]
    public void Without_purity_or_for_a_copy_number_change_there_is_no_cancer_cell_fraction()
    {
        Assert.Null(CancerCellFraction.Estimate(Snv("PIK3CA", "E545K", 0.2m), null));
        Assert.Null(CancerCellFraction.Estimate(Amplification("ERBB2", 12m), 0.5m));
    }
}
