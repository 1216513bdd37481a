using System.Text.Json;
using TumorBoard.Api.Tests.Infrastructure;
using static TumorBoard.Api.Tests.Evolution.EvolutionCases;

namespace TumorBoard.Api.Tests.Evolution;

/// <summary>Issue 17's golden multi-sample cases through FHIR: ingestion, evaluation, GET /evolution, the evaluation's flag, audit, trials.</summary>
public sealed class EvolutionGoldenCaseTests(TumorBoardApp app) : ApiTest(app)
{
    private async Task<(Guid PatientId, JsonElement Evolution)> IngestCaseAsync(string name)
    {
        var ingested = await IngestAsync(Bundle(name));
        return (ingested.PatientId, await GetAsync<JsonElement>(Board, $"/api/patients/{ingested.PatientId}/evolution"));
    }

    private static JsonElement Row(JsonElement evolution, string key) =>
        evolution.GetProperty("alterations").EnumerateArray().Single(a => a.GetProperty("key").GetString() == key);

    private static string Text(JsonElement element, string property) => element.GetProperty(property).GetString()!;

    private static List<JsonElement> Progression(JsonElement document) => document.GetProperty("molecularProgression").EnumerateArray().ToList();

    [Fact]
    public async Task Given_L858R_then_T790M_then_C797S_in_ctDNA_then_L858R_is_truncal_and_each_resistance_is_flagged_under_its_therapy()
    {
        var (patientId, evolution) = await IngestCaseAsync(T790MThenC797S);

        Assert.Equal(["primary", "ctdna", "ctdna", "ctdna", "ctdna"], evolution.GetProperty("samples").EnumerateArray().Select(s => Text(s, "role")));
        Assert.Equal("truncal", Text(Row(evolution, "EGFR L858R"), "class"));
        var t790m = Row(evolution, "EGFR T790M");
        Assert.Equal("emergent", Text(t790m, "class"));
        Assert.Equal(["notDetected", "notDetected", "detected", "detected", "detected"], t790m.GetProperty("values").EnumerateArray().Select(v => Text(v, "state")));
        Assert.Equal([0.01m, 0.03m], t790m.GetProperty("values").EnumerateArray().Skip(2).Take(2).Select(v => v.GetProperty("vaf").GetDecimal()));
        Assert.Equal("notTested", Text(Row(evolution, "TP53 R273H").GetProperty("values")[1], "state"));
        Assert.Equal("emergent", Text(Row(evolution, "EGFR C797S"), "class"));

        var alerts = Progression(evolution);
        Assert.Equal([("EGFR T790M", "erlotinib"), ("EGFR C797S", "osimertinib")],
            alerts.Select(a => (Text(a, "alterationKey"), a.GetProperty("underTherapies")[0].GetProperty("drugs")[0].GetString()!)));
        Assert.All(alerts, a => Assert.Equal("appearance", Text(a, "kind")));

        var evaluation = await GetAsync<JsonElement>(Board, $"/api/patients/{patientId}/recommendations");
        Assert.Equal(["EGFR T790M", "EGFR C797S"], Progression(evaluation).Select(a => Text(a, "alterationKey")));
        var audit = await GetAsync<JsonElement>(Board, $"/api/patients/{patientId}/audit");
        var flagged = Assert.Single(audit.EnumerateArray(), a => Text(a, "action") == "molecular-progression");
        Assert.Contains("molecular.progression", flagged.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("GOLD-EVO-1", audit.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_ESR1_Y537S_rising_over_four_draws_under_letrozole_then_PADA1_flags_progression_and_its_arm_is_listed()
    {
        var (patientId, evolution) = await IngestCaseAsync(Esr1Rising);

        var alerts = Progression(evolution);
        Assert.Equal(["appearance", "increase", "increase", "increase"], alerts.Select(a => Text(a, "kind")));
        Assert.All(alerts, a => Assert.Equal("PADA-1", Text(a, "progressionRuleId")));
        Assert.All(alerts, a => Assert.Contains(a.GetProperty("underTherapies").EnumerateArray(), t => t.GetProperty("drugs")[0].GetString() == "letrozole"));
        Assert.Contains(alerts[0].GetProperty("citations").EnumerateArray(), c => Text(c, "id") == "36183733");
        Assert.Equal((0.025m, 0.05m), (alerts[3].GetProperty("fromVaf").GetDecimal(), alerts[3].GetProperty("toVaf").GetDecimal()));

        var evaluation = await GetAsync<JsonElement>(Board, $"/api/patients/{patientId}/recommendations");
        var pada = evaluation.GetProperty("trials").EnumerateArray().Single(t => Text(t, "trialId") == "PADA-1");
        var rising = pada.GetProperty("criteria").EnumerateArray().Single(c => Text(c, "criterion").Contains("rising in blood", StringComparison.Ordinal));
        Assert.Equal("met", Text(rising, "result"));
        Assert.NotEqual("ineligible", Text(pada, "status"));
    }

    [Fact]
    public async Task Given_KRAS_emerging_in_plasma_under_cetuximab_then_progression_is_flagged_with_the_clonal_haematopoiesis_caveat()
    {
        var (_, evolution) = await IngestCaseAsync(KrasUnderCetuximab);

        var alert = Assert.Single(Progression(evolution));
        Assert.Equal(("KRAS G12D", "anti-EGFR-RAS-ctDNA", "cetuximab"),
            (Text(alert, "alterationKey"), Text(alert, "progressionRuleId"), alert.GetProperty("underTherapies")[0].GetProperty("drugs")[0].GetString()));
        Assert.Contains(alert.GetProperty("caveats").EnumerateArray(), c => c.GetString()!.Contains("clonal haematopoiesis", StringComparison.Ordinal));
        Assert.Equal("emergent", Text(Row(evolution, "KRAS G12D"), "class"));
    }

    [Fact]
    public async Task Given_a_metastasis_mutation_outside_the_primary_panel_then_it_is_private_not_truncal()
    {
        var (_, evolution) = await IngestCaseAsync(PrivateMetastasisMutation);

        var ctnnb1 = Row(evolution, "CTNNB1 S37F");
        Assert.Equal("private", Text(ctnnb1, "class"));
        Assert.Equal(["notTested", "detected"], ctnnb1.GetProperty("values").EnumerateArray().Select(v => Text(v, "state")));
        Assert.Equal("truncal", Text(Row(evolution, "EGFR L858R"), "class"));
        Assert.Empty(Progression(evolution));
    }

    [Fact]
    public async Task Given_one_T790M_draw_below_the_limit_of_detection_then_no_progression_and_the_reason_is_shown()
    {
        var (patientId, evolution) = await IngestCaseAsync(SingleDrawBlip);

        Assert.Empty(Progression(evolution));
        var noise = Assert.Single(evolution.GetProperty("notProgression").EnumerateArray());
        Assert.Equal("EGFR T790M", Text(noise, "alterationKey"));
        Assert.Contains("below the limit of detection", Text(noise, "reason"), StringComparison.Ordinal);
        Assert.True(Row(evolution, "EGFR T790M").GetProperty("values")[1].GetProperty("belowLimitOfDetection").GetBoolean());
        var evaluation = await GetAsync<JsonElement>(Board, $"/api/patients/{patientId}/recommendations");
        Assert.Empty(Progression(evaluation));
    }

    [Fact]
    public async Task The_two_pictures_mark_the_progression_draws_and_draw_a_band_per_therapy()
    {
        var ingested = await IngestAsync(Bundle(T790MThenC797S));

        var oncoprint = await Board.GetAsync($"/api/patients/{ingested.PatientId}/evolution.svg");
        var trajectory = await Board.GetAsync($"/api/patients/{ingested.PatientId}/trajectory.svg");

        Assert.Equal("image/svg+xml", oncoprint.Content.Headers.ContentType?.MediaType);
        var matrix = System.Xml.Linq.XDocument.Parse(await oncoprint.Content.ReadAsStringAsync());
        var plot = System.Xml.Linq.XDocument.Parse(await trajectory.Content.ReadAsStringAsync());
        Assert.Equal(2, matrix.Descendants().Count(e => (string?)e.Attribute("data-progression") == "true"));
        Assert.Equal(["EGFR T790M", "EGFR C797S"], plot.Descendants().Where(e => (string?)e.Attribute("class") == "progression-point").Select(e => (string?)e.Attribute("data-key")));
        Assert.Equal(["erlotinib", "osimertinib"], plot.Descendants().Where(e => (string?)e.Attribute("class") == "therapy-band").Select(e => (string?)e.Attribute("data-drugs")));
    }

    [Fact]
    public async Task An_unknown_patient_is_a_404_problem_on_every_evolution_route()
    {
        foreach (var route in new[] { "evolution", "evolution.svg", "trajectory.svg" })
        {
            var response = await Board.GetAsync($"/api/patients/{Guid.NewGuid()}/{route}");

            Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }
}
