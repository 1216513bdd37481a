using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using TumorBoard.TestSupport;

namespace TumorBoard.Api.Tests.Startup;

/// <summary>The service hosted in Production (real pipeline, real database, a configured signing key).</summary>
public sealed class ProductionHostTests(ProductionHostTests.ProductionApp app) : IClassFixture<ProductionHostTests.ProductionApp>
{
    [Fact]
    public async Task The_development_token_route_does_not_exist()
    {
        var response = await app.CreateClient().PostAsJsonAsync("/auth/dev-token", new { subject = "dr-a", roles = new[] { "admin" } });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Patient_routes_still_require_a_token_and_health_answers_anonymously()
    {
        var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/api/patients/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    public sealed class ProductionApp : WebApplicationFactory<Program>, IAsyncLifetime
    {
        private readonly DatabaseFixture _database = new();

        public async Task InitializeAsync() => await _database.InitializeAsync();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            ArgumentNullException.ThrowIfNull(builder);
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:TumorBoard", _database.ConnectionString);
            builder.UseSetting("Auth:SigningKey", "a-production-signing-key-of-at-least-32-bytes");
            builder.UseSetting("Rematch:Enabled", "false");
        }

        async Task IAsyncLifetime.DisposeAsync()
        {
            // The host first (its connections go back to the pool), then the database it used.
            await base.DisposeAsync();
            await _database.DisposeAsync();
        }
    }
}
