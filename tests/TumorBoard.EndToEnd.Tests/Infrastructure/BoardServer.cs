using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TumorBoard.Api.Features.Demo;
using TumorBoard.Api.Infrastructure;
using TumorBoard.TestSupport;

namespace TumorBoard.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The real service listening on Kestrel at 127.0.0.1 (a free port), in Development so the sign-in page
/// issues dev tokens, on a fresh migrated PostgreSQL database, with the background re-match running as in
/// production: what a browser reaches is exactly what a board member's browser would.
/// </summary>
public sealed class BoardServer : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly DatabaseFixture _database = new();

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.Single());
    }

    public Task ResetAsync() => _database.ResetAsync();

    /// <summary>Posts a shipped demo bundle through POST /fhir/Bundle as the EHR integration would and returns the response body.</summary>
    public Task<string> IngestDemoAsync(string fileName) => IngestBundleAsync(DemoBundles.Read(fileName));

    /// <summary>Posts a FHIR Bundle through POST /fhir/Bundle as the EHR integration would and returns the response body.</summary>
    public async Task<string> IngestBundleAsync(string bundle)
    {
        using var client = ApiClient("ehr-integration", Roles.Ingest);
        using var content = new StringContent(bundle, Encoding.UTF8, "application/fhir+json");
        using var response = await client.PostAsync(new Uri("/fhir/Bundle", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.Created, $"{(int)response.StatusCode}: {body}");
        return body;
    }

    /// <summary>Every shipped demo bundle's file name (src/TumorBoard.Api/Demo).</summary>
    public static IReadOnlyList<string> DemoFiles() =>
        typeof(DemoSeeder).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Demo/", StringComparison.Ordinal))
            .Select(n => n["Demo/".Length..])
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>An API client over the network (not in-memory) with a real bearer token.</summary>
    public HttpClient ApiClient(string subject, params string[] roles)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        var token = Services.GetRequiredService<TokenIssuer>().Issue(subject, roles);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:TumorBoard", _database.ConnectionString);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        // The host first (its connections go back to the pool), then the database it used.
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}
