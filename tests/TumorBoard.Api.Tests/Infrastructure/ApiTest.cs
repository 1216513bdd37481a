using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TumorBoard.Api.Features.Ingestion;
using TumorBoard.Api.Infrastructure;

namespace TumorBoard.Api.Tests.Infrastructure;

/// <summary>Base for HTTP tests: a clean database per test, clients per role, and helpers that read like the workflow.</summary>
public abstract class ApiTest(TumorBoardApp app) : IClassFixture<TumorBoardApp>, IAsyncLifetime
{
    protected static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    protected TumorBoardApp App { get; } = app;

    protected HttpClient Ingest => App.CreateClient("ehr-integration", Roles.Ingest);

    protected HttpClient Board => App.CreateClient("dr-board", Roles.Board);

    public Task InitializeAsync() => App.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    protected static StringContent FhirJson(string body) => new(body, Encoding.UTF8, "application/fhir+json");

    protected async Task<HttpResponseMessage> PostBundleAsync(string body) => await Ingest.PostAsync("/fhir/Bundle", FhirJson(body));

    /// <summary>Posts a bundle that must be accepted and returns the answer.</summary>
    protected async Task<IngestResponse> IngestAsync(string body)
    {
        var response = await PostBundleAsync(body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<IngestResponse>(text, Json)!;
    }

    protected async Task<T> GetAsync<T>(HttpClient client, string path)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} -> {(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<T>(text, Json)!;
    }

    protected static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Json);
    }
}
