using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using TumorBoard.Api.Infrastructure;

namespace TumorBoard.Api.Features.Board;

/// <summary>
/// Sign-in for the board pages: a cookie of their own (never accepted by /api or /fhir, which keep
/// bearer tokens, so a browser session cannot be replayed against the API by a forged request), filled
/// by the Development sign-in page or by OpenID Connect. Every page names its policy, and every policy
/// names the cookie scheme, so a fallback policy for the API does not decide who sees a page.
/// </summary>
public static class BoardAuth
{
    public const string CookieScheme = "BoardCookie";
    public const string OidcScheme = "BoardOidc";

    /// <summary>Any of the roles that may read patients and trials: board, trials, admin.</summary>
    public const string Read = "BoardPages.Read";
    public const string Review = "BoardPages.Review";
    public const string ManageTrials = "BoardPages.ManageTrials";
    public const string ReadAudit = "BoardPages.ReadAudit";

    public static IServiceCollection AddBoardAuth(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var oidc = configuration.GetSection(BoardSignInOptions.Section).Get<BoardSignInOptions>() ?? new BoardSignInOptions();
        oidc.Authority ??= auth.Authority;
        oidc.RoleClaimType ??= auth.RoleClaim;
        oidc.RequireHttpsMetadata ??= auth.RequireHttpsMetadata;
        services.AddSingleton(oidc);

        var authentication = services.AddAuthentication().AddCookie(CookieScheme, cookie =>
        {
            cookie.Cookie.Name = "TumorBoard.Board";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.Path = "/board";
            cookie.LoginPath = "/board/sign-in";
            cookie.AccessDeniedPath = "/board/denied";
            cookie.ExpireTimeSpan = auth.TokenLifetime;
            cookie.SlidingExpiration = false;
            if (oidc.IsConfigured)
            {
                cookie.ForwardChallenge = OidcScheme;
            }
        });
        if (oidc.IsConfigured)
        {
            authentication.AddOpenIdConnect(OidcScheme, options => ConfigureOidc(options, oidc));
        }

        services.AddAuthorizationBuilder()
            .AddPolicy(Read, p => p.AddAuthenticationSchemes(CookieScheme).RequireRole(Roles.Board, Roles.Trials, Roles.Admin))
            .AddPolicy(Review, p => p.AddAuthenticationSchemes(CookieScheme).RequireRole(Roles.Board, Roles.Admin))
            .AddPolicy(ManageTrials, p => p.AddAuthenticationSchemes(CookieScheme).RequireRole(Roles.Trials, Roles.Admin))
            .AddPolicy(ReadAudit, p => p.AddAuthenticationSchemes(CookieScheme).RequireRole(Roles.Board, Roles.Admin));
        return services;
    }

    /// <summary>Whether the signed-in person holds <paramref name="policy"/>: for forms and sections within a page.</summary>
    public static async Task<bool> AllowsAsync(this IAuthorizationService authorization, System.Security.Claims.ClaimsPrincipal user, string policy) =>
        (await authorization.AuthorizeAsync(user, policy)).Succeeded;

    private const string SignInFailedPage =
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sign-in did not complete</title></head>"
        + "<body><h1>Sign-in did not complete</h1><p>The identity provider's answer could not be matched to a sign-in "
        + "started in this browser, or the provider refused it.</p><p><a href=\"/board/sign-in\">Sign in again</a></p></body></html>";

    private static void ConfigureOidc(OpenIdConnectOptions options, BoardSignInOptions oidc)
    {
        options.Authority = oidc.Authority;
        options.ClientId = oidc.ClientId;
        options.ClientSecret = oidc.ClientSecret;
        options.SignInScheme = CookieScheme;
        options.ResponseType = "code";
        options.UsePkce = true;
        options.CallbackPath = "/board/signin-oidc";
        options.SignedOutCallbackPath = "/board/signout-callback-oidc";
        options.RequireHttpsMetadata = oidc.RequireHttpsMetadata ?? true;
        options.MapInboundClaims = false;
        options.SaveTokens = false;
        options.GetClaimsFromUserInfoEndpoint = true;
        options.Scope.Clear();
        foreach (var scope in oidc.Scopes)
        {
            options.Scope.Add(scope);
        }

        options.Events.OnRemoteFailure = async context =>
        {
            // A callback that cannot complete (no sign-in was started in this browser, a replayed or forged
            // state, the provider's own error such as access_denied) is the visitor's problem, not the
            // service's: a 400 page with the way back instead of an unhandled exception and a 500.
            context.HandleResponse();
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(SignInFailedPage, context.HttpContext.RequestAborted);
        };

        options.Events.OnTokenValidated = context =>
        {
            // Keep only a subject and the API's roles: the same principal the Development sign-in makes.
            var mapping = oidc;
            if (oidc.RoleClaimType?.Contains('.', StringComparison.Ordinal) == true)
            {
                // A JSON claim (Keycloak's realm_access.roles): flattened to role claims as the API does.
                OidcRoleClaims.Flatten(context.Principal, oidc.RoleClaimType);
                mapping = new BoardSignInOptions { RoleClaimType = OidcRoleClaims.FlatRoleClaim, RoleMap = oidc.RoleMap };
            }

            var claims = context.Principal?.Claims.ToList() ?? [];
            var subject = claims.FirstOrDefault(c => c.Type == oidc.SubjectClaimType)?.Value ?? "unknown";
            context.Principal = BoardPrincipal.Create(subject, BoardPrincipal.MapRoles(claims, mapping));
            return Task.CompletedTask;
        };
    }
}
