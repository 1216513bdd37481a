using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TumorBoard.Api.Infrastructure;

namespace TumorBoard.Api.Tests.Scaling;

/// <summary>
/// One replica of the service: its own host, DI container, caches and background workers, sharing only
/// the PostgreSQL database with the other replicas, as pods behind a load balancer do.
/// </summary>
public sealed class ServiceInstance(string connectionString, IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<Program>
{
    public HttpClient Client(string subject, params string[] roles)
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
        builder.UseSetting("ConnectionStrings:TumorBoard", connectionString);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
