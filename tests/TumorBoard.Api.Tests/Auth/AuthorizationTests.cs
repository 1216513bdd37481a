using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TumorBoard.Api.Tests.Infrastructure;

namespace TumorBoard.Api.Tests.Auth;

/// <summary>The fallback policy, bad tokens, the anonymous routes and the development token (the per-route role matrix is <see cref="RoleMatrixTests"/>).</summary>
public sealed class AuthorizationTests(TumorBoardApp app) : ApiTest(app)
{
    [Fact]
    public async Task An_endpoint_without_a_policy_of_its_own_requires_an_authenticated_user()
    {
        // The fallback policy, evaluated as the authorization middleware does for an endpoint that names no policy.
        var authorization = App.Services.GetRequiredService<IAuthorizationService>();
        var policy = (await App.Services.GetRequiredService<IAuthorizationPolicyProvider>().GetFallbackPolicyAsync())!;
        var http = new DefaultHttpContext();
        http.SetEndpoint(new Endpoint(_ => Task.CompletedTask, new EndpointMetadataCollection(), "an unprotected endpoint"));

        var anonymous = await authorization.AuthorizeAsync(new ClaimsPrincipal(new ClaimsIdentity()), http, policy);
        var signedIn = await authorization.AuthorizeAsync(new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "dr-a")], "Bearer")), http, policy);

        Assert.False(anonymous.Succeeded);
        Assert.True(signedIn.Succeeded);
    }

    [Fact]
    public async Task An_unknown_route_is_404_not_401_for_an_anonymous_caller()
    {
        var response = await App.CreateClient().GetAsync("/api/no-such-route");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
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
