using System.Text.Json.Nodes;
using TumorBoard.Core.Ingestion;

namespace TumorBoard.Fhir.Tests;

/// <summary>
/// A value of the wrong JSON type is kept by Firely's lenient parse and used to throw when read; now
/// the parser clears it and reports an error naming the element, whatever the element is.
/// </summary>
public class WrongTypeValueTests
{
    private const string Paired = "paired-lung-liver.json";
    private const string VafOfT790M = "Bundle.entry[11].resource.component[4].value.value";

    [Theory]
    [InlineData("\"0.12\"")]
    [InlineData("\"abc\"")]
    [InlineData("true")]
    [InlineData("1e400")]
    public void A_allele_frequency_that_is_not_a_json_decimal_is_an_error_naming_the_element(string value)
    {
        var body = Mutations.Of(Paired, b => Vaf(b).ReplaceWith(JsonNode.Parse(value)));

        var bundle = Reader.Parsed(body);

        var issue = Assert.Single(bundle.Issues, i => i.Expression == VafOfT790M);
        Assert.Equal((IssueSeverity.Error, "value"), (issue.Severity, issue.Code));
        Assert.Contains("decimal", issue.Diagnostics, StringComparison.Ordinal);
        Assert.True(bundle.HasErrors);
    }

    [Theory]
    [InlineData("Bundle.entry[0].resource.gender", "42")]
    [InlineData("Bundle.entry[0].resource.identifier[0].value", "12345")]
    [InlineData("Bundle.entry[5].resource.status", "false")]
    [InlineData("Bundle.entry[6].resource.component[0].code.coding[0].code", "48018.6")]
    [InlineData("Bundle.entry[3].resource.collection.bodySite.coding[0].system", "7")]
    [InlineData("Bundle.entry[1].resource.meta.profile[0]", "3")]
    [InlineData("Bundle.entry[11].fullUrl", "11")]
    public void A_string_element_given_a_number_or_boolean_is_an_error_not_a_crash(string expression, string value)
    {
        var body = Mutations.Of(Paired, b => At(b, expression).ReplaceWith(JsonNode.Parse(value)));

        var bundle = Reader.Parsed(body);

        Assert.Contains(bundle.Issues, i => i is { Severity: IssueSeverity.Error, Code: "value" } && i.Expression == expression);
    }

    [Fact]
    public void A_null_inside_a_repeating_element_is_reported_and_dropped_not_a_crash()
    {
        var body = Mutations.Of(Paired, b => Mutations.Resource(b, 1)["meta"]!["profile"]!.AsArray().Add(null));

        var bundle = Reader.Parsed(body);

        Assert.Contains(bundle.Issues, i => i.Expression?.StartsWith("Bundle.entry[1].resource.meta.profile", StringComparison.Ordinal) == true);
        Assert.NotNull(bundle.Diagnosis?.TumorType);
    }

    [Fact]
    public void A_json_null_as_the_only_item_of_a_repeating_element_is_an_error_not_a_crash()
    {
        var body = Mutations.Of(Paired, b => Mutations.Resource(b, 1)["meta"]!["profile"] = new JsonArray((JsonNode?)null));

        var bundle = Reader.Parsed(body);

        // Firely locates the null one item late (profile[1]); where exactly is its business.
        Assert.Contains(bundle.Issues, i => i.Severity == IssueSeverity.Error && i.Expression!.StartsWith("Bundle.entry[1].resource.meta.profile", StringComparison.Ordinal));
    }

    [Fact]
    public void A_nul_character_in_a_string_is_an_error_naming_the_element()
    {
        var body = Mutations.Of(Paired, b => Mutations.Resource(b, 3)["collection"]!["bodySite"]!["coding"]![0]!["display"] = "Lung\u0000structure");

        var bundle = Reader.Parsed(body);

        var issue = Assert.Single(bundle.Issues, i => i.Expression == "Bundle.entry[3].resource.collection.bodySite.coding[0].display");
        Assert.Equal((IssueSeverity.Error, "value"), (issue.Severity, issue.Code));
    }

    [Fact]
    public void The_same_bundle_with_a_json_decimal_is_accepted()
    {
        var body = Mutations.Of(Paired, b => Vaf(b).ReplaceWith(JsonNode.Parse("0.12")));

        Assert.DoesNotContain(Reader.Accepted(body).Issues, i => i.Expression == VafOfT790M);
    }

    private static JsonNode Vaf(JsonObject bundle) => Mutations.Resource(bundle, 11)["component"]![4]!["valueQuantity"]!["value"]!;

    /// <summary>The JSON node at a FHIRPath-like expression of the fixture (choice names as in JSON).</summary>
    private static JsonNode At(JsonObject bundle, string expression)
    {
        JsonNode node = bundle;
        foreach (var step in expression.Split('.').Skip(1))
        {
            var bracket = step.IndexOf('[', StringComparison.Ordinal);
            node = bracket < 0
                ? node[step]!
                : node[step[..bracket]]![int.Parse(step[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)]!;
        }

        return node;
    }
}
