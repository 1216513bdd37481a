using System.Text.Json.Nodes;
using TumorBoard.Core.Ingestion;

namespace TumorBoard.Fhir.Tests;

public class TherapyTests
{
    private const string Paired = "paired-lung-liver.json";
    private const int Erlotinib = 15;

    [Fact]
    public void A_contained_medication_is_resolved_to_its_inn()
    {
        var body = Mutations.Of(Paired, b =>
        {
            var statement = Mutations.Resource(b, Erlotinib);
            statement.Remove("medicationCodeableConcept");
            statement["contained"] = JsonNode.Parse("[{\"resourceType\": \"Medication\", \"id\": \"med\", \"code\": {\"text\": \"Tagrisso 80 mg\"}}]");
            statement["medicationReference"] = new JsonObject { ["reference"] = "#med" };
        });

        Assert.Equal(["osimertinib"], Reader.Accepted(body).PriorTherapies[0].Drugs);
    }

    [Fact]
    public void A_bundled_medication_referenced_by_a_request_is_resolved()
    {
        var body = Mutations.Of(Paired, b =>
        {
            b["entry"]!.AsArray().Add(JsonNode.Parse("{\"fullUrl\": \"urn:uuid:11111111-0000-4000-8000-0000000000aa\", \"resource\": {\"resourceType\": \"Medication\", \"code\": {\"text\": \"Tarceva\"}}}"));
            var request = Mutations.Resource(b, 18);
            request.Remove("medicationCodeableConcept");
            request["medicationReference"] = new JsonObject { ["reference"] = "urn:uuid:11111111-0000-4000-8000-0000000000aa" };
        });

        var bundle = Reader.Accepted(body);

        Assert.Contains(bundle.PriorTherapies, t => t.Drugs.SequenceEqual(["erlotinib"]) && t.Start == new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void An_entered_in_error_statement_is_not_a_prior_therapy()
    {
        var bundle = Reader.Accepted(Mutations.Of(Paired, b => Mutations.Resource(b, Erlotinib)["status"] = "entered-in-error"));

        Assert.DoesNotContain(bundle.PriorTherapies, t => t.Drugs.Contains("erlotinib"));
    }

    [Fact]
    public void An_unresolvable_medication_reference_is_a_warning_not_an_error()
    {
        var bundle = Reader.Accepted(Mutations.Of(Paired, b =>
        {
            var statement = Mutations.Resource(b, Erlotinib);
            statement.Remove("medicationCodeableConcept");
            statement["medicationReference"] = new JsonObject { ["reference"] = "Medication/elsewhere" };
        }));

        Assert.Contains(bundle.Issues, i => i is { Severity: IssueSeverity.Warning, Code: "not-found", Expression: "Bundle.entry[15].resource.medication" });
    }
}
