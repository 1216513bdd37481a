using System.Net;
using System.Text.Json;
using TumorBoard.Api.Tests.Infrastructure;
using static TumorBoard.Api.Tests.Evolution.EvolutionCases;

namespace TumorBoard.Api.Tests.Evolution;

/// <summary>
/// Tumour purity read from FHIR (LOINC 93356-4 in the report's results, SNOMED CT 371510003 beside the report) gives the
/// cancer-cell fraction with its formula and caveat; a sample without purity says why it has none; an impossible
/// purity refuses the bundle with nothing stored.
/// </summary>
public sealed class PurityGoldenCaseTests(TumorBoardApp app) : ApiTest(app)
{
    private static JsonElement Row(JsonElement evolution, string key) =>
        evolution.GetProperty("alterations").EnumerateArray().Single(a => a.GetProperty("key").GetString() == key);

    private static List<decimal?> Ccf(JsonElement row) =>
        row.GetProperty("values").EnumerateArray().Select(v => v.GetProperty("cancerCellFraction").ValueKind == JsonValueKind.Null ? (decimal?)null : v.GetProperty("cancerCellFraction").GetDecimal()).ToList();

    [Fact]
    public async Task Given_purity_for_both_tissue_samples_then_their_variants_carry_a_cancer_cell_fraction_and_the_plasma_draw_says_why_it_has_none()
    {
        var ingested = await IngestAsync(Bundle(PurityReported));

        var evolution = await GetAsync<JsonElement>(Board, $"/api/patients/{ingested.PatientId}/evolution");

        var samples = evolution.GetProperty("samples").EnumerateArray().ToList();
        Assert.Equal(["primary", "metastasis", "ctdna"], samples.Select(s => s.GetProperty("role").GetString()));
        Assert.Equal([0.6m, 0.5m], samples.Take(2).Select(s => s.GetProperty("purity").GetDecimal()));
        Assert.Equal(JsonValueKind.Null, samples[2].GetProperty("purity").ValueKind);
        Assert.Equal("estimated from purity 0.6 (LOINC 93356-4 60 %)", samples[0].GetProperty("cancerCellFraction").GetString());
        Assert.Equal("estimated from purity 0.5 (SNOMED CT 371510003 0.5 %/100)", samples[1].GetProperty("cancerCellFraction").GetString());
        Assert.StartsWith("not estimated: the report gives no tumour purity", samples[2].GetProperty("cancerCellFraction").GetString(), StringComparison.Ordinal);

        // CCF = min(1, 2 x VAF / purity): L858R 0.24 / 0.6 and 0.2 / 0.5 -> 0.8; TP53 0.33 / 0.6 -> 1.1, capped at 1.
        Assert.Equal([0.8m, 0.8m, null], Ccf(Row(evolution, "EGFR L858R")));
        Assert.Equal([1m, 0.84m, null], Ccf(Row(evolution, "TP53 R273H")));
        var method = evolution.GetProperty("cancerCellFraction");
        Assert.StartsWith("CCF = min(1, 2 x VAF / purity)", method.GetProperty("formula").GetString(), StringComparison.Ordinal);
        Assert.Contains("copy-number", method.GetProperty("caveat").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_no_purity_anywhere_then_every_cancer_cell_fraction_stays_null_and_each_sample_says_why()
    {
        var ingested = await IngestAsync(Bundle(T790MThenC797S));

        var evolution = await GetAsync<JsonElement>(Board, $"/api/patients/{ingested.PatientId}/evolution");

        Assert.All(evolution.GetProperty("samples").EnumerateArray(), s =>
        {
            Assert.Equal(JsonValueKind.Null, s.GetProperty("purity").ValueKind);
            Assert.StartsWith("not estimated: the report gives no tumour purity", s.GetProperty("cancerCellFraction").GetString(), StringComparison.Ordinal);
        });
        Assert.All(evolution.GetProperty("alterations").EnumerateArray(), a => Assert.All(Ccf(a), Assert.Null));
    }

    [Theory]
    [InlineData("\"value\": 60,", "\"value\": 120,", "120 %")]
    [InlineData("\"value\": 60,", "\"value\": -5,", "-5 %")]
    [InlineData("\"value\": 0.5,", "\"value\": 1.5,", "1.5 %/100")]
    public async Task An_impossible_purity_is_refused_with_a_422_OperationOutcome_and_nothing_is_stored(string from, string to, string shown)
    {
        var bundle = Bundle(PurityReported);
        Assert.Contains(from, bundle, StringComparison.Ordinal);
        var before = await AllRows.OfAsync(App);
        var rowsBefore = await before.CountAsync();

        var response = await PostBundleAsync(bundle.Replace(from, to, StringComparison.Ordinal));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, text);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        var outcome = JsonDocument.Parse(text).RootElement;
        Assert.Equal("OperationOutcome", outcome.GetProperty("resourceType").GetString());
        var issue = Assert.Single(outcome.GetProperty("issue").EnumerateArray(), i => i.GetProperty("severity").GetString() == "error");
        Assert.Contains($"Tumour purity {shown}", issue.GetProperty("diagnostics").GetString(), StringComparison.Ordinal);
        Assert.EndsWith(".value", issue.GetProperty("expression")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(rowsBefore, await before.CountAsync());
    }
}
