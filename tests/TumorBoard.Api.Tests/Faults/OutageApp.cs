using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Persistence.LocalPostgres;

namespace TumorBoard.Api.Tests.Faults;

/// <summary>
/// The real service on a PostgreSQL cluster of its own, which the fault tests stop and start: the
/// shared test cluster serves every other test class in parallel and must never go down.
/// </summary>
public sealed class OutageApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    // The same prefix as TestPostgres's folders, so a run that dies leaves nothing its sweep misses.
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"tumorboard-tests-{Environment.ProcessId}-{Guid.NewGuid():N}");

    public LocalPostgresCluster Cluster { get; private set; } = null!;

    public string ConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        Cluster = LocalPostgresCluster.Start(Path.Combine(_root, "pgdata"));
        await Cluster.EnsureDatabaseAsync("tumorboard_outage");
        ConnectionString = Cluster.ConnectionString("tumorboard_outage");

        // Durable commits, as in production: throwaway test clusters run with synchronous_commit off for
        // speed, and then an immediate shutdown loses the last commits already acknowledged to clients
        // (this test caught exactly that). A database setting outranks the server's command line.
        await using var connection = new NpgsqlConnection(Cluster.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var durable = new NpgsqlCommand("ALTER DATABASE tumorboard_outage SET synchronous_commit = on", connection);
        await durable.ExecuteNonQueryAsync();
    }

    public HttpClient CreateClient(string subject, params string[] roles)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Services.GetRequiredService<TokenIssuer>().Issue(subject, roles));
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:TumorBoard", ConnectionString);
        builder.UseSetting("Rematch:Enabled", "false");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        Cluster.Stop(immediate: true);
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The next run's sweep deletes it.
        }
    }
}
