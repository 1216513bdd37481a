using TumorBoard.Core.Ingestion;
using TumorBoard.Core.Patients;
using static TumorBoard.Fhir.Tests.Markers.MarkerBundles;

namespace TumorBoard.Fhir.Tests.Markers;

/// <summary>Duplicate and disagreeing marker results: the latest effective result wins, disagreements are warnings.</summary>
public class MarkerConflictTests
{
    [Fact]
    public void Given_a_later_er_negative_result_When_read_Then_it_wins_and_the_older_positive_is_a_conflict_warning()
    {
        var added = -1;
        var bundle = ReadBreast(b => added = AddObservation(b, "16112-5", Value("LA6577-6", "Negative"), "2024-06-01"));

        var er = Marker(bundle, ClinicalMarker.EstrogenReceptor)!;
        Assert.Equal((MarkerStatus.Negative, new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero)), (er.Status, er.EffectiveAt));
        Assert.Equal(MarkerStatus.Negative, Marker(bundle, ClinicalMarker.HormoneReceptor)!.Status);
        var warning = Assert.Single(bundle.Issues, i => i.Code == "conflict");
        Assert.Equal((IssueSeverity.Warning, Entry(Er)), (warning.Severity, warning.Expression));
        Assert.Contains(Entry(added), warning.Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_an_undated_er_negative_result_When_read_Then_the_dated_positive_wins()
    {
        var bundle = ReadBreast(b => AddObservation(b, "40556-3", Value("LA6577-6", "Negative"), effective: null));

        Assert.Equal(MarkerStatus.Positive, Marker(bundle, ClinicalMarker.EstrogenReceptor)!.Status);
        Assert.Single(bundle.Issues, i => i.Code == "conflict");
    }

    [Fact]
    public void Given_er_results_of_the_same_date_that_disagree_When_read_Then_er_and_hr_are_not_set_and_both_are_warned()
    {
        var added = -1;
        var bundle = ReadBreast(b => added = AddObservation(b, "16112-5", Value("LA6577-6", "Negative"), "2024-02-20"));

        Assert.Null(Marker(bundle, ClinicalMarker.EstrogenReceptor));
        Assert.Null(Marker(bundle, ClinicalMarker.HormoneReceptor));
        Assert.Equal(new[] { Entry(Er), Entry(added) }.Order(StringComparer.Ordinal), bundle.Issues.Where(i => i.Code == "conflict").Select(i => i.Expression).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Given_an_identical_repeated_result_When_read_Then_there_is_no_conflict()
    {
        var bundle = ReadBreast(b => AddObservation(b, "16112-5", Value("LA6576-8", "Positive"), "2023-11-02"));

        Assert.Equal(MarkerStatus.Positive, Marker(bundle, ClinicalMarker.EstrogenReceptor)!.Status);
        Assert.DoesNotContain(bundle.Issues, i => i.Code == "conflict");
    }

    [Fact]
    public void Given_ihc_2_plus_and_amplified_ish_When_read_Then_her2_is_positive_without_a_conflict()
    {
        var bundle = ReadBreast(b => SetValue(b, Her2Ish, Value(null, text: "Amplified")));

        Assert.Equal(MarkerStatus.Positive, Marker(bundle, ClinicalMarker.Her2)!.Status);
        Assert.DoesNotContain(bundle.Issues, i => i.Code == "conflict");
    }

    [Fact]
    public void Given_ihc_0_and_amplified_ish_When_read_Then_her2_is_positive_and_the_discordance_is_a_warning()
    {
        var bundle = ReadBreast(b =>
        {
            SetValue(b, Her2Ihc, Value("LA6111-4", "0"));
            SetValue(b, Her2Ish, Value(null, text: "Amplified"));
        });

        Assert.Equal(MarkerStatus.Positive, Marker(bundle, ClinicalMarker.Her2)!.Status);
        Assert.Contains(bundle.Issues, i => i is { Severity: IssueSeverity.Warning, Code: "conflict" } && i.Expression == Entry(Her2Ish));
    }

    [Fact]
    public void Given_ihc_2_plus_without_ish_When_read_Then_her2_stays_equivocal()
    {
        var bundle = ReadBreast(b => RemoveEntry(b, Her2Ish));

        Assert.Equal(MarkerStatus.Equivocal, Marker(bundle, ClinicalMarker.Her2)!.Status);
    }

    [Fact]
    public void Given_an_overall_her2_interpretation_When_it_disagrees_with_the_tests_Then_it_wins_with_a_warning()
    {
        var added = -1;
        var bundle = ReadBreast(b => added = AddObservation(b, "48676-1", Value(null, text: "Positive"), "2024-03-01"));

        var her2 = Marker(bundle, ClinicalMarker.Her2)!;
        Assert.Equal((MarkerStatus.Positive, "LOINC 48676-1 HER2 status Positive"), (her2.Status, her2.Source));
        Assert.Contains(bundle.Issues, i => i is { Severity: IssueSeverity.Warning, Code: "conflict" } && i.Expression == Entry(added));
    }

    [Fact]
    public void Given_an_overall_her2_negative_and_tests_giving_her2_low_When_read_Then_they_agree()
    {
        var bundle = ReadBreast(b => AddObservation(b, "48676-1", Value("LA6577-6", "Negative"), "2024-03-01"));

        Assert.Equal(MarkerStatus.Negative, Marker(bundle, ClinicalMarker.Her2)!.Status);
        Assert.DoesNotContain(bundle.Issues, i => i.Code == "conflict");
    }
}
