using TumorBoard.Core.Alterations;
using TumorBoard.Core.Pairs;
using TumorBoard.Core.Patients;
using static TumorBoard.Core.Tests.Pairs.PairFixtures;

namespace TumorBoard.Core.Tests.Pairs;

public class FlagTests
{
    [Theory]
    [InlineData("0.40", "0.60", true)]
    [InlineData("0.49", "0.52", true)]
    [InlineData("0.39", "0.50", false)]
    [InlineData("0.50", "0.61", false)]
    public void Given_an_unlabelled_variant_in_both_reports_When_its_VAF_is_in_the_0_40_to_0_60_band_in_both_Then_it_is_germline_suspect(
        string vafFrom, string vafTo, bool expected)
    {
        var comparison = PairComparer.Compare(
            Report("a", SpecimenRole.Primary, "2019-01-01", Snv("BRCA2", "S1982Rfs*22", Dec(vafFrom))),
            Report("b", SpecimenRole.Metastasis, "2020-01-01", Snv("BRCA2", "S1982Rfs*22", Dec(vafTo))));

        Assert.Equal(expected, comparison.Entry("BRCA2 S1982Rfs*22").Flags.Contains(PairFlag.GermlineSuspect));
    }

    [Fact]
    public void A_variant_labelled_somatic_is_not_germline_suspect_even_at_half_VAF()
    {
        var comparison = PairComparer.Compare(
            Report("a", SpecimenRole.Primary, "2019-01-01", Snv("BRCA2", "S1982Rfs*22", 0.5m, VariantOrigin.Somatic)),
            Report("b", SpecimenRole.Metastasis, "2020-01-01", Snv("BRCA2", "S1982Rfs*22", 0.5m)));

        Assert.DoesNotContain(PairFlag.GermlineSuspect, comparison.Entry("BRCA2 S1982Rfs*22").Flags);
    }

    [Fact]
    public void A_variant_labelled_germline_in_either_report_is_germline_suspect_whatever_its_VAF()
    {
        var comparison = PairComparer.Compare(
            Report("a", SpecimenRole.Primary, "2019-01-01", Snv("BRCA1", "C61G", 0.9m, VariantOrigin.Germline)),
            Report("b", SpecimenRole.Metastasis, "2020-01-01"));

        Assert.Equal([PairFlag.GermlineSuspect], comparison.Entry("BRCA1 C61G").Flags);
    }

    [Fact]
    public void A_germline_suspect_variant_is_neither_the_clonal_reference_nor_subclonal()
    {
        // Without excluding the germline BRCA2 at 0.5, KRAS at 0.1 would look subclonal (0.1 < 0.5 / 4).
        var comparison = PairComparer.Compare(
            Report("a", SpecimenRole.Primary, "2019-01-01", Snv("BRCA2", "K3326*", 0.5m), Snv("KRAS", "G12D", 0.1m)),
            Report("b", SpecimenRole.Metastasis, "2020-01-01", Snv("BRCA2", "K3326*", 0.48m), Snv("KRAS", "G12D", 0.11m)));

        Assert.Equal([PairFlag.GermlineSuspect], comparison.Entry("BRCA2 K3326*").Flags);
        Assert.Empty(comparison.Entry("KRAS G12D").Flags);
    }

    [Theory]
    [InlineData("0.099", true)]
    [InlineData("0.100", false)]
    public void An_SNV_is_subclonal_strictly_below_a_quarter_of_the_reports_highest_somatic_VAF(string vaf, bool expected)
    {
        var met = Report("b", SpecimenRole.Metastasis, "2020-01-01",
            Snv("EGFR", "L858R", 0.40m), Snv("EGFR", "T790M", Dec(vaf)));

        var comparison = PairComparer.Compare(Report("a", SpecimenRole.Primary, "2019-01-01", Snv("EGFR", "L858R", 0.3m)), met);

        Assert.Equal(expected, comparison.Entry("EGFR T790M").Flags.Contains(PairFlag.Subclonal));
    }

    [Fact]
    public void The_subclonal_fraction_is_an_option()
    {
        var met = Report("b", SpecimenRole.Metastasis, "2020-01-01", Snv("EGFR", "L858R", 0.40m), Snv("EGFR", "T790M", 0.15m));
        var strict = new PairComparisonOptions { SubclonalFraction = 0.5m };

        var comparison = PairComparer.Compare(Report("a", SpecimenRole.Primary, "2019-01-01"), met, options: strict);

        Assert.Contains(PairFlag.Subclonal, comparison.Entry("EGFR T790M").Flags);
    }

    [Fact]
    public void Given_a_listed_clonal_haematopoiesis_gene_When_a_variant_is_only_in_plasma_Then_it_is_flagged_possible_CHIP()
    {
        var options = new PairComparisonOptions { ClonalHematopoiesisGenes = new HashSet<string> { "DNMT3A", "TET2" } };
        var primary = Report("tissue", SpecimenRole.Primary, "2019-01-01", Snv("KRAS", "G12D", 0.3m), Snv("TET2", "Q1034*", 0.2m));
        var plasma = Report("plasma", SpecimenRole.Ctdna, "2020-01-01", Snv("KRAS", "G12D", 0.02m), Snv("TET2", "Q1034*", 0.01m), Snv("DNMT3A", "R882H", 0.01m));

        var comparison = PairComparer.Compare(primary, plasma, options: options);

        Assert.Contains(PairFlag.PossibleClonalHematopoiesis, comparison.Entry("DNMT3A R882H").Flags);
        Assert.DoesNotContain(PairFlag.PossibleClonalHematopoiesis, comparison.Entry("TET2 Q1034*").Flags);
    }
}
