using TumorBoard.Core.Pairs;
using TumorBoard.Core.Patients;
using static TumorBoard.Core.Tests.Pairs.PairFixtures;

namespace TumorBoard.Core.Tests.Pairs;

public class BiomarkerComparisonTests
{
    [Fact]
    public void TMB_measured_in_both_reports_is_shared_with_both_values()
    {
        var comparison = PairComparer.Compare(
            Report("a", SpecimenRole.Primary, "2019-01-01", Tmb(14.2m)),
            Report("b", SpecimenRole.Metastasis, "2020-01-01", Tmb(6.1m)));

        var tmb = comparison.Entry("TMB");
        Assert.Equal((PairStatus.Shared, 14.2m, 6.1m), (tmb.Status, tmb.ValueFrom, tmb.ValueTo));
    }

    [Fact]
    public void TMB_measured_in_one_report_only_is_not_tested_in_the_other()
    {
        var comparison = PairComparer.Compare(
            Report("a", SpecimenRole.Primary, "2019-01-01", Tmb(14.2m)),
            Report("b", SpecimenRole.Metastasis, "2020-01-01", Snv("KRAS", "G12D", 0.2m)));

        Assert.Equal(PairStatus.NotTested, comparison.Entry("TMB").Status);
    }

    [Fact]
    public void MSI_status_changing_between_reports_shows_the_old_status_lost_and_the_new_acquired()
    {
        var comparison = PairComparer.Compare(
            Report("a", SpecimenRole.Primary, "2019-01-01", Msi("MSI-H")),
            Report("b", SpecimenRole.Metastasis, "2020-01-01", Msi("MSS")));

        Assert.Equal(PairStatus.Lost, comparison.Entry("MSI-H").Status);
        Assert.Equal(PairStatus.Acquired, comparison.Entry("MSS").Status);
    }

    [Fact]
    public void MSI_absent_from_a_report_that_did_not_measure_it_is_not_tested()
    {
        var comparison = PairComparer.Compare(
            Report("a", SpecimenRole.Primary, "2019-01-01", Msi("MSI-H")),
            Report("b", SpecimenRole.Metastasis, "2020-01-01", Tmb(30m)));

        Assert.Equal(PairStatus.NotTested, comparison.Entry("MSI-H").Status);
    }

    [Fact]
    public void An_amplification_is_matched_on_its_key_and_carries_no_VAF()
    {
        var comparison = PairComparer.Compare(
            Report("a", SpecimenRole.Primary, "2019-01-01", Amplification("ERBB2", 12m)),
            Report("b", SpecimenRole.Metastasis, "2020-01-01", Amplification("ERBB2", 8m)));

        var erbb2 = comparison.Entry("ERBB2 amplification");
        Assert.Equal((PairStatus.Shared, (decimal?)null, (decimal?)null), (erbb2.Status, erbb2.VafFrom, erbb2.VafTo));
    }

    [Fact]
    public void A_fusion_counts_as_tested_when_the_panel_covers_either_partner()
    {
        var primary = Report("a", SpecimenRole.Primary, "2019-01-01", Fusion("EML4", "ALK")).Panel("ALK", "RET");
        var retPanel = Report("b", SpecimenRole.Metastasis, "2020-01-01", Fusion("KIF5B", "RET")).Panel("EML4", "RET");
        var otherPanel = Report("c", SpecimenRole.Metastasis, "2020-01-01").Panel("KRAS");

        Assert.Equal(PairStatus.Lost, PairComparer.Compare(primary, retPanel).Entry("EML4::ALK").Status);
        Assert.Equal(PairStatus.Acquired, PairComparer.Compare(primary, retPanel).Entry("KIF5B::RET").Status);
        Assert.Equal(PairStatus.NotTested, PairComparer.Compare(primary, otherPanel).Entry("EML4::ALK").Status);
    }
}
