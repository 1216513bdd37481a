using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TumorBoard.Api;
using TumorBoard.Persistence;

namespace TumorBoard.LoadTest.Trials;

/// <summary>
/// The real service, composed exactly as Program.cs does (AddTumorBoard / UseTumorBoardAsync), on a real
/// Kestrel socket on 127.0.0.1, pointing at the benchmark database, with the background re-match off so the
/// benchmark runs it explicitly. Information logging is off: per-patient log lines would dominate the timings.
/// </summary>
public sealed class BenchHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BenchHost(WebApplication app, Uri address, SqlCapture sql)
    {
        _app = app;
        Address = address;
        Sql = sql;
    }

    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>The SQL the service's DbContext runs, when capturing is switched on.</summary>
    public SqlCapture Sql { get; }

    public static async Task<BenchHost> StartAsync(string connectionString)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Development,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:TumorBoard"] = connectionString,
            ["Rematch:Enabled"] = "false",
            // No subscriptions in the cohort; the idle sender's poll would only add noise.
            ["Subscriptions:SenderEnabled"] = "false",
            ["Database:MigrateOnStartup"] = "false",
            ["Auth:SigningKey"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)),
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddTumorBoard();
        var sql = new SqlCapture();
        builder.Services.ConfigureDbContext<TumorBoardDbContext>(options => options.AddInterceptors(sql));

        var app = builder.Build();
        await app.UseTumorBoardAsync();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BenchHost(app, new Uri(address), sql);
    }

    /// <summary>A client with a token from the Development-only route for <paramref name="role"/>.</summary>
    public async Task<HttpClient> ClientAsync(string role)
    {
        var client = new HttpClient { BaseAddress = Address };
        using var response = await client.PostAsJsonAsync("/auth/dev-token", new { subject = "bench-" + role, roles = new[] { role } });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<Token>())!.AccessToken;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    [SuppressMessage("Performance", "CA1812:Avoid uninstantiated internal classes", Justification = "Created by System.Text.Json from the token response.")]
    private sealed record Token(string AccessToken);
}
