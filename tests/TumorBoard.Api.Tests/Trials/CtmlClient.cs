using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using TumorBoard.Api.Tests.Infrastructure;
using TumorBoard.TestSupport.Fhir;

namespace TumorBoard.Api.Tests.Trials;

/// <summary>The vendored MatchMiner trials (tests/fixtures/ctml) as request bodies, patients built for them, and SQL checks.</summary>
internal static class CtmlClient
{
    public const string Wildcard = "01_v2_wildcard_protein_BRAF_p.V600.json";
    public const string StructuralVariants = "02_v2_structured_sv_fusion_partner.json";
    public const string Tmb = "03_v2_tmb_numerical.json";
    public const string Signatures = "04_v2_mutational_signatures.json";
    public const string NegatedYaml = "05_v2_negated_variant_category.yaml";

    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Vendored", "ctml", name));

    public static StringContent Content(string text, string mediaType) => new(text, Encoding.UTF8, mediaType);

    public static StringContent Fixture(string name) =>
        Content(Text(name), name.EndsWith(".yaml", StringComparison.Ordinal) ? "application/yaml" : "application/json");

    public static async Task<JsonElement> ImportAsync(HttpClient client, string name, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await client.PostAsync(name == StructuralVariants ? "/api/trials?allowUnknownGenes=true" : "/api/trials", Fixture(name));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{name}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A melanoma patient (OncoTree SKCM) with the given protein changes, born 1960.</summary>
    public static string Melanoma(string mrn, params (string Gene, string Protein)[] variants) =>
        Cases.Patient(mrn, "SKCM", "Cutaneous Melanoma", TestSite.Lung)
            .Report(new TestReport($"ACC-{mrn}", TestSite.Lung, Cases.Relapse, variants.Select(v => (TestResult)new TestVariant(v.Gene, v.Protein, null, 0.3m)).ToList()))
            .ToJson();

    public static async Task<T?> ScalarAsync<T>(this TumorBoardApp app, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? default : (T)result;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public static Task<HttpResponseMessage> PutAsync(HttpClient client, string trialId, string json) =>
        client.PutAsync($"/api/trials/{trialId}", Content(json, "application/json"));

    public static Task<HttpResponseMessage> PatchStatusAsync(HttpClient client, string trialId, string armId, string status) =>
        client.PatchAsJsonAsync($"/api/trials/{trialId}/arms/{armId}", new { status });
}
