using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TumorBoard.Api.Tests.Auth;

/// <summary>
/// A minimal OpenID Connect provider on 127.0.0.1 for the authorization-code flow with PKCE: discovery
/// document, JWKS, an authorization endpoint that redirects back with a code for the person "logged in" at
/// the provider (<see cref="SignIn"/>), a token endpoint that checks client, redirect URI and code verifier
/// and issues an RS256 id_token with the person's claims, and a user-info endpoint. It refuses what a real
/// provider refuses (unknown client, wrong secret, replayed code, bad verifier) so the service's side of the
/// protocol is what is tested.
/// </summary>
public sealed class StubOidcProvider : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "board-key-1" };
    private readonly ConcurrentDictionary<string, Grant> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _accessTokens = new(StringComparer.Ordinal);
    private (string Subject, IDictionary<string, object> Claims)? _person;

    private StubOidcProvider(string clientId, string clientSecret)
    {
        ClientId = clientId;
        ClientSecret = clientSecret;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/.well-known/openid-configuration", Discovery);
        _app.MapGet("/jwks", Jwks);
        _app.MapGet("/authorize", Authorize);
        _app.MapPost("/token", TokenAsync);
        _app.MapGet("/userinfo", UserInfo);
    }

    public string ClientId { get; }

    public string ClientSecret { get; }

    public string Issuer { get; private set; } = "";

    /// <summary>Codes redeemed with a correct client secret and PKCE verifier.</summary>
    public int CodesRedeemed => _redeemed;

    private int _redeemed;

    public static async Task<StubOidcProvider> StartAsync(string clientId, string clientSecret)
    {
        var provider = new StubOidcProvider(clientId, clientSecret);
        await provider._app.StartAsync();
        provider.Issuer = provider._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return provider;
    }

    /// <summary>The person who is logged in at the provider: the next authorization answers for them.</summary>
    public void SignIn(string subject, IDictionary<string, object> claims) => _person = (subject, claims);

    private IResult Discovery() => Results.Json(new Dictionary<string, object>
    {
        ["issuer"] = Issuer,
        ["authorization_endpoint"] = $"{Issuer}/authorize",
        ["token_endpoint"] = $"{Issuer}/token",
        ["userinfo_endpoint"] = $"{Issuer}/userinfo",
        ["jwks_uri"] = $"{Issuer}/jwks",
        ["response_types_supported"] = new[] { "code" },
        ["subject_types_supported"] = new[] { "public" },
        ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        ["code_challenge_methods_supported"] = new[] { "S256" },
        ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "client_secret_basic" },
    });

    private IResult Jwks()
    {
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_key.Rsa.ExportParameters(false)) { KeyId = _key.KeyId });
        return Results.Json(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", alg = "RS256", n = jwk.N, e = jwk.E } } });
    }

    private IResult Authorize(HttpRequest request)
    {
        string? Query(string name) => request.Query[name].FirstOrDefault();
        var redirectUri = Query("redirect_uri");
        if (Query("client_id") != ClientId || Query("response_type") != "code" || redirectUri is null
            || Query("code_challenge_method") != "S256" || Query("code_challenge") is not { Length: > 0 } challenge || _person is not { } person)
        {
            return Results.BadRequest("invalid_request");
        }

        var code = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(24));
        _codes[code] = new Grant(redirectUri, challenge, Query("nonce"), person.Subject, person.Claims);
        var back = QueryHelpers.AddQueryString(redirectUri, new Dictionary<string, string?> { ["code"] = code, ["state"] = Query("state"), ["iss"] = Issuer });
        return Results.Redirect(back);
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var (clientId, secret) = ClientCredentials(request, form);
        if (clientId != ClientId || secret != ClientSecret)
        {
            return Results.Json(new { error = "invalid_client" }, statusCode: 401);
        }

        // A code is good once, for the redirect URI it was issued to, with the verifier of its challenge.
        if (form["grant_type"] != "authorization_code" || !_codes.TryRemove(form["code"].ToString(), out var grant)
            || form["redirect_uri"] != grant.RedirectUri || !VerifierMatches(form["code_verifier"].ToString(), grant.Challenge))
        {
            return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
        }

        var accessToken = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        _accessTokens[accessToken] = grant.Subject;
        var claims = new Dictionary<string, object>(grant.Claims) { ["sub"] = grant.Subject, ["at_hash"] = HalfHash(accessToken) };
        if (grant.Nonce is not null)
        {
            claims["nonce"] = grant.Nonce;
        }

        var now = DateTime.UtcNow;
        var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = ClientId,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
        Interlocked.Increment(ref _redeemed);
        return Results.Json(new Dictionary<string, object> { ["access_token"] = accessToken, ["token_type"] = "Bearer", ["expires_in"] = 300, ["id_token"] = idToken });
    }

    private IResult UserInfo(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal) && _accessTokens.TryGetValue(header["Bearer ".Length..], out var subject)
            ? Results.Json(new Dictionary<string, object> { ["sub"] = subject, ["name"] = $"Dr {subject}" })
            : Results.Unauthorized();
    }

    private static (string? Id, string? Secret) ClientCredentials(HttpRequest request, IFormCollection form)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..])).Split(':', 2);
            return (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1]));
        }

        return (form["client_id"].FirstOrDefault(), form["client_secret"].FirstOrDefault());
    }

    private static bool VerifierMatches(string verifier, string challenge) =>
        verifier.Length > 0 && WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) == challenge;

    /// <summary>at_hash: the left half of the SHA-256 of the access token, base64url (OpenID Connect Core 3.1.3.6).</summary>
    private static string HalfHash(string token) => WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(token))[..16]);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _key.Rsa.Dispose();
    }

    private sealed record Grant(string RedirectUri, string Challenge, string? Nonce, string Subject, IDictionary<string, object> Claims);
}
