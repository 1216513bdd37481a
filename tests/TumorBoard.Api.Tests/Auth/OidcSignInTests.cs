using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Api.Tests.Infrastructure;
using TumorBoard.TestSupport;

namespace TumorBoard.Api.Tests.Auth;

/// <summary>Starts the stub authority and two services trusting it: Entra-style <c>roles</c> and Keycloak-style <c>realm_access.roles</c>.</summary>
public sealed class OidcFixture : IAsyncLifetime
{
    public const string Audience = "tumorboard-api";
    private readonly DatabaseFixture _database = new();

    public StubAuthority Authority { get; private set; } = null!;

    public OidcApp Entra { get; private set; } = null!;

    public OidcApp Keycloak { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        Authority = await StubAuthority.StartAsync();
        Entra = new OidcApp(Authority.Issuer, Audience, "roles", _database.ConnectionString);
        Keycloak = new OidcApp(Authority.Issuer, Audience, "realm_access.roles", _database.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await Entra.DisposeAsync();
        await Keycloak.DisposeAsync();
        await Authority.DisposeAsync();
        await _database.DisposeAsync();
    }
}

/// <summary>
/// Real sign-in: tokens signed by an OpenID Connect provider's key, found through its discovery document
/// and JWKS, with roles in the configured claim. A few representative routes per role (the exhaustive
/// role table is AuthorizationTests, with dev tokens).
/// </summary>
public sealed class OidcSignInTests(OidcFixture oidc) : IClassFixture<OidcFixture>
{
    private static readonly Guid Someone = Guid.Parse("00000000-0000-0000-0000-000000000001");

    public static TheoryData<string, string, string, bool> RoleMatrix => new()
    {
        { Roles.Ingest, "POST", "/fhir/Bundle", true },
        { Roles.Board, "POST", "/fhir/Bundle", false },
        { Roles.Board, "GET", $"/api/patients/{Someone}", true },
        { Roles.Ingest, "GET", $"/api/patients/{Someone}", false },
        { Roles.Trials, "GET", "/api/trials", true },
        { Roles.Ingest, "GET", "/api/trials", false },
        { Roles.Board, "POST", $"/api/evaluations/{Someone}/sign-off", true },
        { Roles.Trials, "POST", $"/api/evaluations/{Someone}/sign-off", false },
        { Roles.Admin, "GET", $"/api/patients/{Someone}/audit", true },
        { Roles.Trials, "GET", $"/api/patients/{Someone}/audit", false },
    };

    [Theory]
    [MemberData(nameof(RoleMatrix))]
    public async Task A_provider_token_with_roles_in_the_roles_claim_gets_exactly_its_routes(string role, string method, string url, bool allowed)
    {
        var token = oidc.Authority.Issue(Claims("user-1", new Dictionary<string, object> { ["roles"] = new[] { role } }), OidcFixture.Audience);

        var response = await oidc.Entra.CreateClient(token).SendAsync(Request(method, url));

        AssertAllowed(allowed, response);
    }

    [Theory]
    [MemberData(nameof(RoleMatrix))]
    public async Task Keycloak_realm_roles_nested_in_realm_access_are_read_through_the_dotted_role_claim(string role, string method, string url, bool allowed)
    {
        var realmAccess = new Dictionary<string, object> { ["roles"] = new[] { "offline_access", role } };
        var token = oidc.Authority.Issue(Claims("user-2", new Dictionary<string, object> { ["realm_access"] = realmAccess }), OidcFixture.Audience);

        var response = await oidc.Keycloak.CreateClient(token).SendAsync(Request(method, url));

        AssertAllowed(allowed, response);
    }

    [Fact]
    public async Task A_bundle_posted_with_a_provider_token_is_stored_and_audited_under_the_token_subject()
    {
        var ingest = oidc.Authority.Issue(Claims("svc-ehr-bridge", new Dictionary<string, object> { ["roles"] = new[] { Roles.Ingest } }), OidcFixture.Audience);
        var board = oidc.Authority.Issue(Claims("dr-oidc", new Dictionary<string, object> { ["roles"] = new[] { Roles.Board } }), OidcFixture.Audience);

        var posted = await oidc.Entra.CreateClient(ingest).PostAsync("/fhir/Bundle",
            new StringContent(Cases.SingleLungReport("MRN-OIDC-" + Guid.NewGuid().ToString("N")[..8], "ACC-OIDC-1"), System.Text.Encoding.UTF8, "application/fhir+json"));
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var patientId = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("patientId").GetGuid();

        var audit = await oidc.Entra.CreateClient(board).GetFromJsonAsync<JsonElement>($"/api/patients/{patientId}/audit");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("actor").GetString() == "svc-ehr-bridge");
    }

    [Fact]
    public async Task Tokens_for_another_audience_from_another_issuer_expired_or_signed_by_an_unpublished_key_are_401()
    {
        var claims = Claims("user-3", new Dictionary<string, object> { ["roles"] = new[] { Roles.Board } });
        string[] rejected =
        [
            oidc.Authority.Issue(claims, "another-api"),
            oidc.Authority.Issue(claims, OidcFixture.Audience, issuer: "https://login.example.org/realms/other"),
            oidc.Authority.Issue(claims, OidcFixture.Audience, lifetime: TimeSpan.FromMinutes(-10)),
            oidc.Authority.Issue(claims, OidcFixture.Audience, signWith: StubAuthority.NewKey("stub-key-1")),
        ];

        foreach (var token in rejected)
        {
            var response = await oidc.Entra.CreateClient(token).GetAsync($"/api/patients/{Someone}");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        var accepted = await oidc.Entra.CreateClient(oidc.Authority.Issue(claims, OidcFixture.Audience)).GetAsync($"/api/patients/{Someone}");
        Assert.Equal(HttpStatusCode.NotFound, accepted.StatusCode);
    }

    [Fact]
    public async Task With_a_provider_configured_outside_Development_there_is_no_dev_token_route_and_shared_key_tokens_are_401()
    {
        var devToken = await oidc.Entra.CreateClient().PostAsJsonAsync("/auth/dev-token", new { subject = "me", roles = new[] { Roles.Admin } });
        Assert.Equal(HttpStatusCode.NotFound, devToken.StatusCode);

        var sharedKey = new TokenIssuer(new AuthOptions { Issuer = oidc.Authority.Issuer, Audience = OidcFixture.Audience, SigningKey = new string('k', 48) }, TimeProvider.System)
            .Issue("intruder", [Roles.Admin]);
        var response = await oidc.Entra.CreateClient(sharedKey).GetAsync($"/api/patients/{Someone}");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static Dictionary<string, object> Claims(string subject, Dictionary<string, object> roles)
    {
        roles["sub"] = subject;
        return roles;
    }

    private static HttpRequestMessage Request(string method, string url) => new(new HttpMethod(method), url)
    {
        Content = method == "POST" ? JsonContent.Create(new { comment = "x" }) : null,
    };

    private static void AssertAllowed(bool allowed, HttpResponseMessage response)
    {
        if (allowed)
        {
            Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }
}
