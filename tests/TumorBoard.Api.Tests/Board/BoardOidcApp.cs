using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using TumorBoard.Api.Tests.Auth;
using TumorBoard.TestSupport;

namespace TumorBoard.Api.Tests.Board;

/// <summary>
/// The service in Production with the board pages signing people in at the stub OpenID Connect provider:
/// authority, client id and secret, the role claim (<c>groups</c>) and a role map from the provider's groups
/// to the API's roles, as docs/board.md tells an operator to set them.
/// </summary>
public sealed class BoardOidcApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string BoardGroup = "mtb-members";
    public const string TrialsGroup = "trial-office";
    public const string UnmappedGroup = "it-ops";

    private readonly DatabaseFixture _database = new();

    public StubOidcProvider Provider { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        Provider = await StubOidcProvider.StartAsync("tumorboard-board", "board-client-secret");
    }

    /// <summary>A fresh browser (no cookies) pointed at the service.</summary>
    public SignInBrowser Browser() => new(Server.CreateHandler());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:TumorBoard", _database.ConnectionString);
        builder.UseSetting("Auth:Authority", Provider.Issuer);
        builder.UseSetting("Auth:Audience", "tumorboard-api");
        // The stub serves its discovery document over plain HTTP on loopback.
        builder.UseSetting("Auth:RequireHttpsMetadata", "false");
        builder.UseSetting("Board:OpenIdConnect:Authority", Provider.Issuer);
        builder.UseSetting("Board:OpenIdConnect:ClientId", Provider.ClientId);
        builder.UseSetting("Board:OpenIdConnect:ClientSecret", Provider.ClientSecret);
        builder.UseSetting("Board:OpenIdConnect:RoleClaimType", "groups");
        builder.UseSetting($"Board:OpenIdConnect:RoleMap:{BoardGroup}", "board");
        builder.UseSetting($"Board:OpenIdConnect:RoleMap:{TrialsGroup}", "trials");
        builder.UseSetting("Rematch:Enabled", "false");
        builder.UseSetting("Logging:Format", "simple");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Provider.DisposeAsync();
        await _database.DisposeAsync();
    }
}
