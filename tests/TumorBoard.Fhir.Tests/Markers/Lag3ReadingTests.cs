using System.Text.Json.Nodes;
using TumorBoard.Core.Ingestion;
using TumorBoard.Core.Patients;
using static TumorBoard.Fhir.Tests.Markers.MarkerBundles;

namespace TumorBoard.Fhir.Tests.Markers;

/// <summary>LAG-3 by IHC (NCI-MATCH Z1M): the local code or the words, a percentage against the 1 % cut-off, or a coded call.</summary>
public class Lag3ReadingTests
{
    private const string LocalSystem = "http://tumorboard.local/fhir/CodeSystem/marker-test";

    private static ParsedBundle WithLag3(JsonObject code, Action<JsonObject> value) => ReadBreastWith(b =>
        AddObservation(b, "0000-0", new JsonObject(), "2024-03-05", o =>
        {
            o["code"] = code;
            o.Remove("valueCodeableConcept");
            value(o);
        }));

    private static ParsedBundle ReadBreastWith(Action<JsonObject> change) => Reader.Parsed(Mutations.Of(Breast, change));

    private static JsonObject LocalCode() => new() { ["coding"] = new JsonArray(new JsonObject { ["system"] = LocalSystem, ["code"] = "LAG3-IHC" }) };

    private static Action<JsonObject> Percent(decimal value, string unit = "%", string? comparator = null) => o =>
    {
        var quantity = new JsonObject { ["value"] = value, ["unit"] = unit, ["system"] = "http://unitsofmeasure.org", ["code"] = unit };
        if (comparator is not null)
        {
            quantity["comparator"] = comparator;
        }

        o["valueQuantity"] = quantity;
    };

    [Theory]
    [InlineData(5, null, MarkerStatus.Positive)]
    [InlineData(1, null, MarkerStatus.Positive)]
    [InlineData(0.5, null, MarkerStatus.Negative)]
    [InlineData(0, null, MarkerStatus.Negative)]
    [InlineData(1, "<", MarkerStatus.Negative)]
    [InlineData(10, ">=", MarkerStatus.Positive)]
    public void A_percentage_of_cells_is_positive_at_1_percent_or_more(decimal percent, string? comparator, MarkerStatus expected)
    {
        var bundle = WithLag3(LocalCode(), Percent(percent, comparator: comparator));

        var lag3 = Marker(bundle, ClinicalMarker.Lag3);
        Assert.NotNull(lag3);
        Assert.Equal(expected, lag3.Status);
        Assert.StartsWith("local code LAG3-IHC LAG-3 IHC", lag3.Source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5, "<")]
    [InlineData(150, null)]
    [InlineData(-1, null)]
    public void A_bound_across_the_cut_off_or_an_impossible_percentage_sets_nothing_and_warns(decimal percent, string? comparator)
    {
        var bundle = WithLag3(LocalCode(), Percent(percent, comparator: comparator));

        Assert.Null(Marker(bundle, ClinicalMarker.Lag3));
        Assert.Contains(bundle.Issues, i => i.Severity == IssueSeverity.Warning && i.Diagnostics.Contains("LAG-3 IHC", StringComparison.Ordinal));
    }

    [Fact]
    public void A_coded_positive_call_and_a_written_percentage_under_the_words_LAG_3_IHC_are_read()
    {
        var coded = WithLag3(LocalCode(), o => o["valueCodeableConcept"] = Value("LA6576-8", "Positive"));
        var words = WithLag3(new JsonObject { ["text"] = "LAG-3 IHC (17B4)" }, o => o["valueString"] = "12% of immune cells");

        Assert.Equal(MarkerStatus.Positive, Marker(coded, ClinicalMarker.Lag3)!.Status);
        Assert.Equal(MarkerStatus.Positive, Marker(words, ClinicalMarker.Lag3)!.Status);
    }

    [Fact]
    public void A_LAG3_variant_or_an_unknown_local_code_is_not_read_as_the_protein_test()
    {
        var unknown = WithLag3(new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = LocalSystem, ["code"] = "LAG3-RNA" }) }, Percent(5));
        var rna = WithLag3(new JsonObject { ["text"] = "LAG3 mRNA level" }, Percent(5));

        Assert.Null(Marker(unknown, ClinicalMarker.Lag3));
        Assert.Null(Marker(rna, ClinicalMarker.Lag3));
    }
}
