using System.Text.Json.Nodes;
using TumorBoard.Core.Ingestion;

namespace TumorBoard.Fhir.Tests.Purity;

/// <summary>Tumour purity for a report's specimen: LOINC 93356-4 or SNOMED CT 371510003, in % or as a fraction.</summary>
public class PurityReadingTests
{
    private const string Fixture = "breast-hr-positive-her2-low.json";
    private const string Specimen = "urn:uuid:22222222-0000-4000-8000-000000000003";
    private const int GenomicReport = 3;

    private static JsonObject Purity(decimal? value, string? unit, string system = "http://loinc.org", string code = "93356-4", string? specimen = Specimen)
    {
        var observation = new JsonObject
        {
            ["resourceType"] = "Observation",
            ["status"] = "final",
            ["code"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = system, ["code"] = code }) },
            ["subject"] = new JsonObject { ["reference"] = "urn:uuid:22222222-0000-4000-8000-000000000001" },
        };
        if (specimen is not null)
        {
            observation["specimen"] = new JsonObject { ["reference"] = specimen };
        }

        if (value is not null)
        {
            observation["valueQuantity"] = unit is null
                ? new JsonObject { ["value"] = value }
                : new JsonObject { ["value"] = value, ["unit"] = unit, ["system"] = "http://unitsofmeasure.org", ["code"] = unit };
        }

        return observation;
    }

    private static string With(params JsonObject[] observations) => Mutations.Of(Fixture, b => Add(b, false, observations));

    private static string Listed(params JsonObject[] observations) => Mutations.Of(Fixture, b => Add(b, true, observations));

    private static void Add(JsonObject bundle, bool listInReport, JsonObject[] observations)
    {
        var entries = bundle["entry"]!.AsArray();
        foreach (var observation in observations)
        {
            var url = $"urn:uuid:22222222-0000-4000-8000-0000000008{entries.Count:00}";
            entries.Add(new JsonObject { ["fullUrl"] = url, ["resource"] = observation });
            if (listInReport)
            {
                Mutations.Resource(bundle, GenomicReport)["result"]!.AsArray().Add(new JsonObject { ["reference"] = url });
            }
        }
    }

    private static ParsedSpecimen Specimen0(ParsedBundle bundle) => bundle.Reports[0].Specimen!;

    [Fact]
    public void A_percentage_beside_the_report_about_its_specimen_is_the_specimen_purity()
    {
        var bundle = Reader.Accepted(With(Purity(45m, "%")));

        Assert.Equal((0.45m, "LOINC 93356-4 45 %"), (Specimen0(bundle).Purity, Specimen0(bundle).PuritySource));
    }

    [Fact]
    public void A_fraction_listed_in_the_report_results_under_the_SNOMED_code_is_read_without_a_not_supported_note()
    {
        var bundle = Reader.Accepted(Listed(Purity(0.3m, "%/100", "http://snomed.info/sct", "371510003", specimen: null)));

        Assert.Equal(0.3m, Specimen0(bundle).Purity);
        Assert.DoesNotContain(bundle.Issues, i => i.Code == "not-supported" && i.Diagnostics.Contains("371510003", StringComparison.Ordinal));
    }

    [Fact]
    public void A_purity_changes_the_report_content_hash_so_a_re_post_with_purity_is_a_new_version()
    {
        var without = Reader.Accepted(With());
        var with = Reader.Accepted(With(Purity(45m, "%")));

        Assert.NotEqual(without.Reports[0].ContentHash, with.Reports[0].ContentHash);
        Assert.Null(Specimen0(without).Purity);
    }

    [Theory]
    [InlineData(120, "%")]
    [InlineData(-1, "%")]
    [InlineData(1.2, "%/100")]
    [InlineData(2, "1")]
    public void A_purity_outside_its_range_is_an_error_at_the_value(decimal value, string unit)
    {
        var bundle = Reader.Parsed(With(Purity(value, unit)));

        var error = Assert.Single(bundle.Issues, i => i.Severity == IssueSeverity.Error);
        Assert.StartsWith("Tumour purity", error.Diagnostics, StringComparison.Ordinal);
        Assert.EndsWith(".value", error.Expression, StringComparison.Ordinal);
    }

    [Fact]
    public void A_purity_without_a_recognised_unit_or_two_that_disagree_set_nothing_and_warn()
    {
        var noUnit = Reader.Accepted(With(Purity(45m, null)));
        var disagree = Reader.Accepted(With(Purity(45m, "%"), Purity(0.7m, "%/100")));

        Assert.Null(Specimen0(noUnit).Purity);
        Assert.Contains(noUnit.Issues, i => i.Severity == IssueSeverity.Warning && i.Diagnostics.Contains("no recognised unit", StringComparison.Ordinal));
        Assert.Null(Specimen0(disagree).Purity);
        Assert.Contains(disagree.Issues, i => i.Code == "conflict" && i.Diagnostics.Contains("disagree", StringComparison.Ordinal));
    }

    [Fact]
    public void A_purity_about_no_report_specimen_is_not_guessed_onto_a_report()
    {
        var bundle = Reader.Accepted(With(Purity(45m, "%", specimen: null)));

        Assert.Null(Specimen0(bundle).Purity);
        Assert.Contains(bundle.Issues, i => i.Severity == IssueSeverity.Information && i.Diagnostics.Contains("not used", StringComparison.Ordinal));
    }
}
