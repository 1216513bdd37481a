using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TumorBoard.Api.Infrastructure;
using TumorBoard.TestSupport;

namespace TumorBoard.Api.Tests.Infrastructure;

/// <summary>
/// The real service in-process (full middleware pipeline, real auth, real PostgreSQL: a fresh
/// migrated database per test class) with helpers that mint real tokens for a subject and roles.
/// </summary>
public sealed class TumorBoardApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly DatabaseFixture _database = new();

    public string ConnectionString => _database.ConnectionString;

    public async Task InitializeAsync() => await _database.InitializeAsync();

    public Task ResetAsync() => _database.ResetAsync();

    /// <summary>A client whose requests carry a bearer token for <paramref name="subject"/> with <paramref name="roles"/>.</summary>
    public HttpClient CreateClient(string subject, params string[] roles)
    {
        var client = CreateClient();
        var token = Services.GetRequiredService<TokenIssuer>().Issue(subject, roles);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:TumorBoard", _database.ConnectionString);
        // Tests run the re-match explicitly (Rematcher) so background work never races a test.
        builder.UseSetting("Rematch:Enabled", "false");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        // The host first (its connections go back to the pool), then the database it used.
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}
