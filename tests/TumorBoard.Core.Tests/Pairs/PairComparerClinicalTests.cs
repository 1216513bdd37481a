using TumorBoard.Core.Pairs;
using TumorBoard.Core.Patients;
using static TumorBoard.Core.Tests.Pairs.PairFixtures;

namespace TumorBoard.Core.Tests.Pairs;

/// <summary>The pairs of issue 4's "done when" list, compared with resistance findings as the rules engine would give them.</summary>
public class PairComparerClinicalTests
{
    [Fact]
    public void Given_lung_adenocarcinoma_progressing_on_erlotinib_When_the_metastasis_shows_T790M_Then_it_is_acquired_emergent_resistance_and_subclonal()
    {
        var primary = Report("primary", SpecimenRole.Primary, "2019-03-01", Snv("EGFR", "L858R", 0.35m), Snv("TP53", "R273H", 0.30m));
        var metastasis = Report("liver-met", SpecimenRole.Metastasis, "2021-02-01",
            Snv("EGFR", "L858R", 0.40m), Snv("TP53", "R273H", 0.38m), Snv("EGFR", "T790M", 0.08m));

        var comparison = PairComparer.Compare(primary, metastasis, ResistanceEvidence.FromKeys(["EGFR T790M"]));

        var t790m = comparison.Entry("EGFR T790M");
        Assert.Equal(PairStatus.Acquired, t790m.Status);
        Assert.Equal((null, 0.08m), (t790m.VafFrom, t790m.VafTo));
        Assert.Equal([PairFlag.EmergentResistance, PairFlag.Subclonal], t790m.Flags);
        Assert.Equal(PairStatus.Shared, comparison.Entry("EGFR L858R").Status);
        Assert.Empty(comparison.Entry("EGFR L858R").Flags);
        Assert.Equal((2, 3, 0.67m), (comparison.SharedCount, comparison.ComparedCount, comparison.Concordance));
    }

    [Fact]
    public void Given_breast_cancer_on_letrozole_When_the_metastasis_acquires_ESR1_D538G_Then_ESR1_is_emergent_resistance_and_PIK3CA_is_shared()
    {
        var primary = Report("breast-primary", SpecimenRole.Primary, "2017-06-01", Snv("PIK3CA", "H1047R", 0.31m));
        var metastasis = Report("bone-met", SpecimenRole.Metastasis, "2022-09-01", Snv("PIK3CA", "H1047R", 0.28m), Snv("ESR1", "D538G", 0.14m));

        var comparison = PairComparer.Compare(primary, metastasis, ResistanceEvidence.FromKeys(["ESR1 D538G"]));

        var esr1 = comparison.Entry("ESR1 D538G");
        Assert.Equal(PairStatus.Acquired, esr1.Status);
        Assert.Contains(PairFlag.EmergentResistance, esr1.Flags);
        var pik3ca = comparison.Entry("PIK3CA H1047R");
        Assert.Equal((PairStatus.Shared, 0.31m, 0.28m), (pik3ca.Status, pik3ca.VafFrom, pik3ca.VafTo));
        Assert.Equal(0.5m, comparison.Concordance);
    }

    [Fact]
    public void Given_ALK_fusion_lung_cancer_after_alectinib_When_the_metastasis_shows_G1202R_Then_the_fusion_is_shared_and_G1202R_acquired()
    {
        var primary = Report("primary", SpecimenRole.Primary, "2018-04-01", Fusion("EML4", "ALK"));
        var metastasis = Report("brain-met", SpecimenRole.Metastasis, "2021-08-01", Fusion("EML4", "ALK"), Snv("ALK", "G1202R", 0.15m));

        var comparison = PairComparer.Compare(primary, metastasis, ResistanceEvidence.FromKeys(["ALK G1202R"]));

        Assert.Equal(PairStatus.Shared, comparison.Entry("EML4::ALK").Status);
        var g1202r = comparison.Entry("ALK G1202R");
        Assert.Equal(PairStatus.Acquired, g1202r.Status);
        // The only small variant of the metastasis is its own clonal reference, so it cannot be subclonal.
        Assert.Equal([PairFlag.EmergentResistance], g1202r.Flags);
    }

    [Fact]
    public void Given_a_colorectal_pair_When_PIK3CA_is_absent_from_the_metastasis_and_KRAS_appears_Then_one_is_lost_and_one_acquired()
    {
        var primary = Report("colon", SpecimenRole.Primary, "2019-01-15",
            Snv("APC", "R1450*", 0.40m), Snv("TP53", "R175H", 0.38m), Snv("PIK3CA", "E545K", 0.12m));
        var metastasis = Report("liver-met", SpecimenRole.Metastasis, "2021-03-15",
            Snv("APC", "R1450*", 0.42m), Snv("TP53", "R175H", 0.41m), Snv("KRAS", "G12D", 0.20m));

        var comparison = PairComparer.Compare(primary, metastasis, ResistanceEvidence.FromKeys(["KRAS G12D"]));

        var pik3ca = comparison.Entry("PIK3CA E545K");
        Assert.Equal((PairStatus.Lost, 0.12m, (decimal?)null), (pik3ca.Status, pik3ca.VafFrom, pik3ca.VafTo));
        var kras = comparison.Entry("KRAS G12D");
        Assert.Equal((PairStatus.Acquired, (decimal?)null, 0.20m), (kras.Status, kras.VafFrom, kras.VafTo));
        Assert.Equal([PairStatus.Acquired, PairStatus.Lost, PairStatus.Shared, PairStatus.Shared], comparison.Alterations.Select(a => a.Status));
        Assert.Equal(0.5m, comparison.Concordance);
    }

    [Fact]
    public void Given_a_ctdna_sample_after_its_primary_When_compared_Then_low_plasma_VAFs_are_judged_against_the_plasma_driver()
    {
        var primary = Report("lung-primary", SpecimenRole.Primary, "2019-03-01", Indel("EGFR", "E746_A750del", 0.45m), Snv("TP53", "R248Q", 0.41m));
        var plasma = Report("plasma", SpecimenRole.Ctdna, "2020-11-01",
            Indel("EGFR", "E746_A750del", 0.04m), Snv("TP53", "R248Q", 0.035m), Snv("EGFR", "T790M", 0.006m));

        var comparison = PairComparer.Compare(primary, plasma, ResistanceEvidence.FromKeys(["EGFR T790M"]));

        Assert.Equal((SpecimenRole.Primary, SpecimenRole.Ctdna), (comparison.FromRole, comparison.ToRole));
        // 0.035 is under a tenth of the tissue VAF but within a quarter of the plasma driver (0.04): clonal.
        Assert.DoesNotContain(PairFlag.Subclonal, comparison.Entry("TP53 R248Q").Flags);
        // 0.006 is under a quarter of 0.04: subclonal, and still reported (case 11: any T790M detection counts).
        Assert.Equal([PairFlag.EmergentResistance, PairFlag.Subclonal], comparison.Entry("EGFR T790M").Flags);
    }

    [Fact]
    public void Given_a_hotspot_panel_that_omits_BRCA2_When_the_primary_carries_BRCA2_Then_it_is_not_tested_rather_than_lost()
    {
        var primary = Report("primary-wes", SpecimenRole.Primary, "2019-03-01", Snv("KRAS", "G12D", 0.30m), Snv("BRCA2", "K3326*", 0.25m));
        var metastasis = Report("met-hotspot", SpecimenRole.Metastasis, "2021-03-01", Snv("KRAS", "G12D", 0.33m))
            .Panel("KRAS", "NRAS", "BRAF", "EGFR", "ALK");

        var comparison = PairComparer.Compare(primary, metastasis);

        var brca2 = comparison.Entry("BRCA2 K3326*");
        Assert.Equal((PairStatus.NotTested, true, false), (brca2.Status, brca2.InFrom, brca2.InTo));
        Assert.Equal((1, 1, 1m), (comparison.SharedCount, comparison.ComparedCount, comparison.Concordance));
    }

    [Fact]
    public void Given_a_primary_panel_without_ESR1_When_the_metastasis_shows_ESR1_Then_it_is_not_tested_and_not_emergent()
    {
        var primary = Report("primary", SpecimenRole.Primary, "2017-06-01", Snv("PIK3CA", "H1047R", 0.31m)).Panel("PIK3CA", "AKT1", "ERBB2");
        var metastasis = Report("met", SpecimenRole.Metastasis, "2022-09-01", Snv("PIK3CA", "H1047R", 0.28m), Snv("ESR1", "Y537S", 0.2m));

        var comparison = PairComparer.Compare(primary, metastasis, ResistanceEvidence.FromKeys(["ESR1 Y537S"]));

        var esr1 = comparison.Entry("ESR1 Y537S");
        Assert.Equal(PairStatus.NotTested, esr1.Status);
        Assert.DoesNotContain(PairFlag.EmergentResistance, esr1.Flags);
    }

    [Fact]
    public void Alterations_with_the_same_normalised_key_are_shared_whatever_each_lab_wrote()
    {
        var primary = Report("primary", SpecimenRole.Primary, "2019-03-01",
            Snv("EGFR", "L858R", 0.35m) with { Description = "p.Leu858Arg", Transcript = "NM_005228.4", CodingChange = "c.2573T>G" });
        var metastasis = Report("met", SpecimenRole.Metastasis, "2021-02-01",
            Snv("EGFR", "L858R", 0.40m) with { Description = "EGFR L858R", Transcript = null });

        var comparison = PairComparer.Compare(primary, metastasis);

        var l858r = Assert.Single(comparison.Alterations);
        Assert.Equal(("EGFR L858R", PairStatus.Shared), (l858r.Key, l858r.Status));
    }

    [Fact]
    public void A_resistance_finding_on_a_shared_alteration_is_not_emergent()
    {
        var primary = Report("colon", SpecimenRole.Primary, "2019-01-15", Snv("KRAS", "G12D", 0.30m));
        var metastasis = Report("met", SpecimenRole.Metastasis, "2021-03-15", Snv("KRAS", "G12D", 0.32m));

        var comparison = PairComparer.Compare(primary, metastasis, ResistanceEvidence.FromPredicate(a => a.Gene == "KRAS"));

        Assert.DoesNotContain(PairFlag.EmergentResistance, comparison.Entry("KRAS G12D").Flags);
    }

    [Fact]
    public void A_report_repeating_a_key_contributes_it_once_with_its_highest_VAF()
    {
        var primary = Report("primary", SpecimenRole.Primary, "2019-03-01", Snv("EGFR", "L858R", 0.35m));
        var metastasis = Report("met", SpecimenRole.Metastasis, "2021-02-01", Snv("EGFR", "L858R", 0.2m), Snv("EGFR", "L858R", 0.4m));

        var comparison = PairComparer.Compare(primary, metastasis);

        Assert.Equal(0.4m, Assert.Single(comparison.Alterations).VafTo);
    }
}
