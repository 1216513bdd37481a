using TumorBoard.Core.Ingestion;
using TumorBoard.Core.Patients;
using static TumorBoard.Fhir.Tests.Markers.MarkerBundles;

namespace TumorBoard.Fhir.Tests.Markers;

/// <summary>How marker values map to statuses, and what happens to values that say nothing readable.</summary>
public class MarkerValueTests
{
    [Theory]
    [InlineData("LA6111-4", null, MarkerStatus.Negative)]
    [InlineData("LA11841-6", null, MarkerStatus.Low)]
    [InlineData("LA11842-4", null, MarkerStatus.Equivocal)]
    [InlineData("LA11843-2", null, MarkerStatus.Positive)]
    [InlineData("LA9634-2", null, MarkerStatus.Negative)]
    [InlineData("431396003", null, MarkerStatus.Negative)]
    [InlineData(null, "0", MarkerStatus.Negative)]
    [InlineData(null, "IHC score 0 (no staining)", MarkerStatus.Negative)]
    [InlineData(null, "1+", MarkerStatus.Low)]
    [InlineData(null, "Negative (1+)", MarkerStatus.Low)]
    [InlineData(null, "2+", MarkerStatus.Equivocal)]
    [InlineData(null, "Positive (3+)", MarkerStatus.Positive)]
    [InlineData(null, "HER2-low", MarkerStatus.Low)]
    [InlineData(null, "HER2-ultralow", MarkerStatus.Negative)]
    [InlineData(null, "Equivocal", MarkerStatus.Equivocal)]
    [InlineData(null, "Negative", MarkerStatus.Negative)]
    public void Her2_ihc_answers_and_scores_map_to_a_status(string? code, string? text, MarkerStatus expected)
    {
        var bundle = ReadBreast(b =>
        {
            SetValue(b, Her2Ihc, Value(code, text: text));
            RemoveEntry(b, Her2Ish);
        });

        Assert.Equal(expected, Marker(bundle, ClinicalMarker.Her2)!.Status);
    }

    [Theory]
    [InlineData("LA6576-8", null, MarkerStatus.Positive)]
    [InlineData("416053008", null, MarkerStatus.Positive)]
    [InlineData("10828004", null, MarkerStatus.Positive)]
    [InlineData("LA9633-4", null, MarkerStatus.Positive)]
    [InlineData("LA6577-6", null, MarkerStatus.Negative)]
    [InlineData("260385009", null, MarkerStatus.Negative)]
    [InlineData("LA9634-2", null, MarkerStatus.Negative)]
    [InlineData(null, "Positive (95%, strong)", MarkerStatus.Positive)]
    [InlineData(null, "Low positive (5%)", MarkerStatus.Positive)]
    [InlineData(null, "present", MarkerStatus.Positive)]
    [InlineData(null, "Not detected", MarkerStatus.Negative)]
    [InlineData(null, "absent", MarkerStatus.Negative)]
    public void Er_answers_and_words_map_to_positive_or_negative(string? code, string? text, MarkerStatus expected)
    {
        var bundle = ReadBreast(b => SetValue(b, Er, Value(code, text: text)));

        Assert.Equal(expected, Marker(bundle, ClinicalMarker.EstrogenReceptor)!.Status);
    }

    [Theory]
    [InlineData("Amplified", MarkerStatus.Positive)]
    [InlineData("HER2/CEP17 ratio 2.6, amplified", MarkerStatus.Positive)]
    [InlineData("non-amplified", MarkerStatus.Negative)]
    [InlineData("Equivocal", MarkerStatus.Equivocal)]
    public void Her2_ish_words_map_to_amplified_or_not_when_ish_is_the_only_her2_test(string text, MarkerStatus expected)
    {
        var bundle = ReadBreast(b =>
        {
            SetValue(b, Her2Ish, Value(null, text: text));
            RemoveEntry(b, Her2Ihc);
        });

        Assert.Equal(expected, Marker(bundle, ClinicalMarker.Her2)!.Status);
    }

    [Theory]
    [InlineData("LA11884-6", "Indeterminate", null)]
    [InlineData("LA9633-4", "Present", null)]
    [InlineData(null, null, "2+ to 3+")]
    [InlineData(null, null, "see comment")]
    public void An_unreadable_her2_ihc_value_is_a_warning_at_the_value_and_sets_nothing_from_it(string? code, string? display, string? text)
    {
        var bundle = ReadBreast(b =>
        {
            SetValue(b, Her2Ihc, Value(code, display, text));
            RemoveEntry(b, Her2Ish);
        });

        Assert.Null(Marker(bundle, ClinicalMarker.Her2));
        var warning = Assert.Single(bundle.Issues, i => i.Expression == Entry(Her2Ihc, ".value"));
        Assert.Equal((IssueSeverity.Warning, "value"), (warning.Severity, warning.Code));
        Assert.False(bundle.HasErrors);
    }

    [Fact]
    public void A_numeric_er_value_is_not_turned_into_a_status_and_hr_is_not_derived_from_pr_negative_alone()
    {
        var bundle = ReadBreast(b =>
        {
            var er = Mutations.Resource(b, Er);
            er.Remove("valueCodeableConcept");
            er["valueQuantity"] = System.Text.Json.Nodes.JsonNode.Parse("""{"value": 90, "unit": "%", "system": "http://unitsofmeasure.org", "code": "%"}""");
        });

        Assert.Null(Marker(bundle, ClinicalMarker.EstrogenReceptor));
        Assert.Null(Marker(bundle, ClinicalMarker.HormoneReceptor));
        Assert.Contains(bundle.Issues, i => i is { Severity: IssueSeverity.Warning, Code: "value" } && i.Expression == Entry(Er, ".value"));
    }

    [Fact]
    public void The_interpretation_is_read_when_the_value_says_nothing_readable()
    {
        var bundle = ReadBreast(b =>
        {
            SetValue(b, Er, Value(null, text: "see pathology comment"));
            Mutations.Resource(b, Er)["interpretation"] = System.Text.Json.Nodes.JsonNode.Parse("""[{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", "code": "POS"}]}]""");
        });

        Assert.Equal(MarkerStatus.Positive, Marker(bundle, ClinicalMarker.EstrogenReceptor)!.Status);
        Assert.DoesNotContain(bundle.Issues, i => i.Expression == Entry(Er, ".value"));
    }

    [Fact]
    public void Er_and_pr_both_negative_give_hormone_receptor_negative()
    {
        var bundle = ReadBreast(b => SetValue(b, Er, Value("LA6577-6", "Negative")));

        var hr = Marker(bundle, ClinicalMarker.HormoneReceptor)!;
        Assert.Equal((MarkerStatus.Negative, "derived from ER negative and PR negative"), (hr.Status, hr.Source));
    }
}
