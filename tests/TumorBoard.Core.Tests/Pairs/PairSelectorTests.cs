using TumorBoard.Core.Pairs;
using TumorBoard.Core.Patients;
using static TumorBoard.Core.Tests.Pairs.PairFixtures;

namespace TumorBoard.Core.Tests.Pairs;

public class PairSelectorTests
{
    [Fact]
    public void Given_primaries_and_metastases_When_selecting_by_default_Then_the_latest_of_each_are_compared()
    {
        var reports = new[]
        {
            Report("met-2020", SpecimenRole.Metastasis, "2020-05-01"),
            Report("primary-2018", SpecimenRole.Primary, "2018-01-10"),
            Report("met-2022", SpecimenRole.Metastasis, "2022-03-01"),
            Report("primary-2019", SpecimenRole.Primary, "2019-02-01"),
        };

        var pair = Assert.IsType<SelectedPair>(PairSelector.Select(reports));

        Assert.Equal(("primary-2019", "met-2022"), (pair.From.ReportId, pair.To.ReportId));
        Assert.Equal(PairBasis.PrimaryVsMetastasis, pair.Basis);
    }

    [Fact]
    public void Given_a_newer_ctdna_and_an_older_metastasis_When_selecting_by_default_Then_the_metastasis_is_preferred()
    {
        var reports = new[]
        {
            Report("primary", SpecimenRole.Primary, "2018-01-10"),
            Report("met", SpecimenRole.Metastasis, "2020-05-01"),
            Report("ctdna", SpecimenRole.Ctdna, "2023-01-01"),
        };

        var pair = Assert.IsType<SelectedPair>(PairSelector.Select(reports));

        Assert.Equal("met", pair.To.ReportId);
    }

    [Fact]
    public void Given_no_metastasis_When_selecting_by_default_Then_the_latest_ctdna_is_compared_with_the_primary()
    {
        var reports = new[]
        {
            Report("ctdna-old", SpecimenRole.Ctdna, "2020-01-01"),
            Report("primary", SpecimenRole.Primary, "2018-01-10"),
            Report("ctdna-new", SpecimenRole.Ctdna, "2021-01-01"),
        };

        var pair = Assert.IsType<SelectedPair>(PairSelector.Select(reports));

        Assert.Equal(("primary", "ctdna-new", PairBasis.PrimaryVsCtdna), (pair.From.ReportId, pair.To.ReportId, pair.Basis));
    }

    [Fact]
    public void Given_no_primary_When_selecting_by_default_Then_the_two_latest_tumour_samples_are_compared_oldest_first()
    {
        var reports = new[]
        {
            Report("ctdna", SpecimenRole.Ctdna, "2022-01-01"),
            Report("met-old", SpecimenRole.Metastasis, "2019-01-01"),
            Report("met-new", SpecimenRole.Metastasis, "2021-01-01"),
        };

        var pair = Assert.IsType<SelectedPair>(PairSelector.Select(reports));

        Assert.Equal(("met-new", "ctdna", PairBasis.LatestTwoTumourSamples), (pair.From.ReportId, pair.To.ReportId, pair.Basis));
    }

    [Fact]
    public void Normal_and_unknown_role_reports_do_not_make_a_default_pair()
    {
        var reports = new[]
        {
            Report("primary", SpecimenRole.Primary, "2018-01-10"),
            Report("buffy-coat", SpecimenRole.Normal, "2018-01-10"),
            Report("unclear", SpecimenRole.Unknown, "2020-01-01"),
        };

        var outcome = Assert.IsType<NotEnoughReports>(PairSelector.Select(reports));

        Assert.Equal(1, outcome.ComparableReportCount);
    }

    [Fact]
    public void A_patient_with_one_report_has_not_enough_reports()
    {
        var outcome = PairSelector.Select([Report("primary", SpecimenRole.Primary, "2018-01-10")]);

        Assert.Equal(new NotEnoughReports(1), outcome);
    }

    [Fact]
    public void A_patient_without_reports_has_not_enough_reports_even_when_ids_are_named()
    {
        Assert.Equal(new NotEnoughReports(0), PairSelector.Select([]));
        Assert.Equal(new NotEnoughReports(0), PairSelector.Select([], "a", "b"));
    }

    [Fact]
    public void Explicit_from_and_to_are_compared_in_the_order_given_whatever_their_roles()
    {
        var reports = new[]
        {
            Report("primary", SpecimenRole.Primary, "2018-01-10"),
            Report("met", SpecimenRole.Metastasis, "2020-05-01"),
            Report("buffy-coat", SpecimenRole.Normal, "2018-01-10"),
        };

        var pair = Assert.IsType<SelectedPair>(PairSelector.Select(reports, "met", "buffy-coat"));

        Assert.Equal(("met", "buffy-coat", PairBasis.Explicit), (pair.From.ReportId, pair.To.ReportId, pair.Basis));
    }

    [Fact]
    public void An_explicit_id_that_is_not_the_patients_report_is_unknown()
    {
        var reports = new[] { Report("primary", SpecimenRole.Primary, "2018-01-10"), Report("met", SpecimenRole.Metastasis, "2020-05-01") };

        Assert.Equal(new UnknownReport("other-patients-report"), PairSelector.Select(reports, "primary", "other-patients-report"));
    }

    [Theory]
    [InlineData("primary", "primary")]
    [InlineData("primary", null)]
    [InlineData(null, "met")]
    public void Explicit_requests_that_cannot_form_a_pair_are_invalid(string? from, string? to)
    {
        var reports = new[] { Report("primary", SpecimenRole.Primary, "2018-01-10"), Report("met", SpecimenRole.Metastasis, "2020-05-01") };

        Assert.IsType<InvalidPairRequest>(PairSelector.Select(reports, from, to));
    }

    [Fact]
    public void Collection_time_orders_reports_and_issue_time_stands_in_when_it_is_missing()
    {
        var collectedLater = Report("met-collected-2021", SpecimenRole.Metastasis, "2021-01-01") with { IssuedAt = Date("2021-02-01") };
        var issuedOnly = Report("met-issued-2022", SpecimenRole.Metastasis, "2000-01-01") with { CollectedAt = null, IssuedAt = Date("2022-01-01") };
        var reports = new[] { Report("primary", SpecimenRole.Primary, "2018-01-10"), collectedLater, issuedOnly };

        var pair = Assert.IsType<SelectedPair>(PairSelector.Select(reports));

        Assert.Equal("met-issued-2022", pair.To.ReportId);
    }

    [Fact]
    public void Reports_taken_on_the_same_day_are_ordered_by_issue_time_then_id_so_the_choice_is_stable()
    {
        var a = Report("met-a", SpecimenRole.Metastasis, "2021-01-01") with { IssuedAt = Date("2021-01-20") };
        var b = Report("met-b", SpecimenRole.Metastasis, "2021-01-01") with { IssuedAt = Date("2021-01-20") };
        var earlierIssue = Report("met-z", SpecimenRole.Metastasis, "2021-01-01") with { IssuedAt = Date("2021-01-05") };
        var primary = Report("primary", SpecimenRole.Primary, "2018-01-10");

        var forward = Assert.IsType<SelectedPair>(PairSelector.Select([primary, a, b, earlierIssue]));
        var backward = Assert.IsType<SelectedPair>(PairSelector.Select([earlierIssue, b, a, primary]));

        Assert.Equal("met-b", forward.To.ReportId);
        Assert.Equal("met-b", backward.To.ReportId);
    }
}
