using System.Net;
using System.Net.Http.Json;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Api.Tests.Infrastructure;

namespace TumorBoard.Api.Tests.Auth;

/// <summary>401 without or with a bad token, 403 with the wrong role, per the contract's role table.</summary>
public sealed class AuthorizationTests(TumorBoardApp app) : ApiTest(app)
{
    private static readonly Guid Someone = Guid.Parse("00000000-0000-0000-0000-000000000001");

    public static TheoryData<string, string, string[]> ProtectedRoutes => new()
    {
        { "POST", "/fhir/Bundle", [Roles.Ingest, Roles.Admin] },
        { "GET", $"/api/patients/{Someone}", [Roles.Board, Roles.Trials, Roles.Admin] },
        { "GET", $"/api/patients/{Someone}/alterations", [Roles.Board, Roles.Trials, Roles.Admin] },
        { "GET", $"/api/patients/{Someone}/comparison", [Roles.Board, Roles.Trials, Roles.Admin] },
        { "GET", $"/api/patients/{Someone}/recommendations", [Roles.Board, Roles.Trials, Roles.Admin] },
        { "GET", $"/api/evaluations/{Someone}", [Roles.Board, Roles.Trials, Roles.Admin] },
        { "POST", $"/api/patients/{Someone}/evaluations", [Roles.Board, Roles.Admin] },
        { "POST", $"/api/recommendations/{Someone}/reviews", [Roles.Board, Roles.Admin] },
        { "POST", $"/api/evaluations/{Someone}/sign-off", [Roles.Board, Roles.Admin] },
        { "GET", $"/api/patients/{Someone}/audit", [Roles.Board, Roles.Admin] },
        { "GET", "/api/knowledge-base", [Roles.Trials, Roles.Board, Roles.Admin] },
    };

    private static HttpRequestMessage Request(string method, string url) => new(new HttpMethod(method), url)
    {
        Content = method == "POST" ? JsonContent.Create(new { decision = "accepted" }) : null,
    };

    [Theory]
    [MemberData(nameof(ProtectedRoutes))]
    public async Task A_request_without_a_token_is_401(string method, string url, string[] allowed)
    {
        Assert.NotEmpty(allowed);

        var response = await App.CreateClient().SendAsync(Request(method, url));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(ProtectedRoutes))]
    public async Task A_role_outside_the_route_table_is_403_and_a_listed_role_gets_through(string method, string url, string[] allowed)
    {
        foreach (var role in Roles.All)
        {
            var response = await App.CreateClient("someone", role).SendAsync(Request(method, url));

            if (allowed.Contains(role))
            {
                Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
                Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
            }
            else
            {
                Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            }
        }
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_401()
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer",
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJtYWxsb3J5Iiwicm9sZSI6ImFkbWluIiwiaXNzIjoidHVtb3Jib2FyZCIsImF1ZCI6InR1bW9yYm9hcmQiLCJleHAiOjQxMDI0NDQ4MDB9.c2lnbmF0dXJlLW9mLWFub3RoZXIta2V5");

        var response = await client.GetAsync("/api/knowledge-base");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/fhir/metadata")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/swagger/index.html")]
    public async Task Health_metadata_and_the_api_documents_are_anonymous(string url)
    {
        var response = await App.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_development_token_route_mints_a_token_that_the_api_accepts()
    {
        var minted = await App.CreateClient().PostAsJsonAsync("/auth/dev-token", new { subject = "dr-a", roles = new[] { "board" } });
        var token = (await ReadJsonAsync(minted)).GetProperty("accessToken").GetString();
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var response = await client.GetAsync("/api/knowledge-base");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_development_token_route_rejects_unknown_roles_with_422()
    {
        var response = await App.CreateClient().PostAsJsonAsync("/auth/dev-token", new { subject = "dr-a", roles = new[] { "superuser" } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }
}
