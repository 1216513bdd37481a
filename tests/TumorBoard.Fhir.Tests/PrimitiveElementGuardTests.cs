using System.Text.Json.Nodes;
using TumorBoard.Core.Ingestion;

namespace TumorBoard.Fhir.Tests;

/// <summary>
/// The element guard skips a primitive that has nothing below it (no id, no extension), and only such a primitive: what
/// hangs below a primitive (its <c>_status</c>, <c>_display</c> in JSON) is still checked like any other element.
/// </summary>
public sealed class PrimitiveElementGuardTests
{
    private const string Paired = "paired-lung-liver.json";

    [Fact]
    public void A_control_character_in_an_extension_of_a_primitive_is_an_error_naming_the_element()
    {
        var body = Mutations.Of(Paired, b => Mutations.Resource(b, 5)["_status"] = Extended(new JsonObject { ["url"] = "http://example.org/note", ["valueString"] = "final\u0001" }));

        var bundle = Reader.Parsed(body);

        var issue = Assert.Single(bundle.Issues, i => i.Expression == "Bundle.entry[5].resource.status.extension[0].value");
        Assert.Equal((IssueSeverity.Error, "value"), (issue.Severity, issue.Code));
    }

    [Fact]
    public void A_wrong_type_value_in_an_extension_of_a_primitive_is_an_error_naming_the_element()
    {
        var body = Mutations.Of(Paired, b => Mutations.Resource(b, 3)["collection"]!["bodySite"]!["coding"]![0]!["_display"] =
            Extended(new JsonObject { ["url"] = "http://example.org/confidence", ["valueDecimal"] = "high" }));

        var bundle = Reader.Parsed(body);

        var issue = Assert.Single(bundle.Issues, i => i.Expression == "Bundle.entry[3].resource.collection.bodySite.coding[0].display.extension[0].value");
        Assert.Equal((IssueSeverity.Error, "value"), (issue.Severity, issue.Code));
        Assert.Contains("decimal", issue.Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public void A_control_character_in_the_id_of_a_primitive_is_an_error_naming_the_element()
    {
        var body = Mutations.Of(Paired, b => Mutations.Resource(b, 5)["_status"] = new JsonObject { ["id"] = "s\u0002t" });

        var bundle = Reader.Parsed(body);

        var issue = Assert.Single(bundle.Issues, i => i.Expression == "Bundle.entry[5].resource.status.id");
        Assert.Equal((IssueSeverity.Error, "value"), (issue.Severity, issue.Code));
    }

    private static JsonObject Extended(JsonObject extension) => new() { ["extension"] = new JsonArray(extension) };
}
