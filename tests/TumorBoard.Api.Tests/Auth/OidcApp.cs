using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace TumorBoard.Api.Tests.Auth;

/// <summary>The service in Production configured for an OpenID Connect provider (the stub authority).</summary>
public sealed class OidcApp(string authority, string audience, string roleClaim, string connectionString) : WebApplicationFactory<Program>
{
    public HttpClient CreateClient(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:TumorBoard", connectionString);
        builder.UseSetting("Auth:Authority", authority);
        builder.UseSetting("Auth:Audience", audience);
        builder.UseSetting("Auth:RoleClaim", roleClaim);
        // The stub serves its discovery document over plain HTTP on loopback.
        builder.UseSetting("Auth:RequireHttpsMetadata", "false");
        builder.UseSetting("Rematch:Enabled", "false");
        builder.UseSetting("Logging:Format", "simple");
    }
}
