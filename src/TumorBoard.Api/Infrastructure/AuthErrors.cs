using System.Globalization;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.IdentityModel.Tokens;

namespace TumorBoard.Api.Infrastructure;

/// <summary>
/// 401 and 403 bodies that say why: a missing token, a token expired at an instant, a bad signature (401), or
/// the roles the operation needs against those the token carries (403). FHIR routes get OperationOutcomes.
/// </summary>
internal static class AuthErrors
{
    private const string FailureKey = "tumorboard.auth-failure";

    public static IServiceCollection AddTumorBoardAuthErrors(this IServiceCollection services)
    {
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ExplainingAuthorizationResultHandler>();
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            var events = options.Events ?? new JwtBearerEvents();
            var failed = events.OnAuthenticationFailed;
            var challenge = events.OnChallenge;
            events.OnAuthenticationFailed = async context =>
            {
                context.HttpContext.Items[FailureKey] = Describe(context.Exception);
                await failed(context);
            };
            events.OnChallenge = async context =>
            {
                await challenge(context);
                if (context.Handled)
                {
                    return;
                }

                context.HandleResponse();
                var reason = context.HttpContext.Items[FailureKey] as string
                    ?? (string.IsNullOrEmpty(context.Request.Headers.Authorization)
                        ? "No token: send Authorization: Bearer <token> (in Development, get one from POST /auth/dev-token)."
                        : "The Authorization header is not a bearer token: send Authorization: Bearer <token>.");
                context.Response.Headers.WWWAuthenticate = $"Bearer error=\"invalid_token\", error_description=\"{reason.Replace('"', '\'')}\"";
                await ErrorBodies.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "Authentication required.", reason);
            };
            options.Events = events;
        });
        return services;
    }

    /// <summary>Why a token was refused, in words a client can act on; never echoes the token.</summary>
    internal static string Describe(Exception exception) => exception switch
    {
        SecurityTokenExpiredException expired =>
            $"The token expired at {expired.Expires.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}: get a new one.",
        SecurityTokenNotYetValidException notYet =>
            $"The token is not valid before {notYet.NotBefore.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}.",
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException =>
            "The token's signature is not valid: it was not signed by this service's issuer (or was altered).",
        SecurityTokenInvalidAudienceException => "The token was issued for another audience.",
        SecurityTokenInvalidIssuerException => "The token was issued by an issuer this service does not trust.",
        SecurityTokenMalformedException or ArgumentException => "The token is malformed: it is not a JWT.",
        _ => "The token was refused.",
    };

    /// <summary>Writes 403 with the roles needed; everything else goes to the default handler.</summary>
    private sealed class ExplainingAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
    {
        private readonly AuthorizationMiddlewareResultHandler _default = new();

        public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
        {
            // The board pages (/board, cookie sign-in) keep their own sign-in and access-denied pages.
            if (!authorizeResult.Forbidden || context.User.Identity?.IsAuthenticated != true || context.Request.Path.StartsWithSegments("/board"))
            {
                await _default.HandleAsync(next, context, policy, authorizeResult);
                return;
            }

            var needed = policy.Requirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles).Distinct().ToList();
            var held = context.User.FindAll("role").Select(c => c.Value).Distinct().ToList();
            var title = needed.Count > 0
                ? $"This operation needs one of the roles: {string.Join(", ", needed)}."
                : "This operation is not allowed for this token.";
            var detail = held.Count > 0 ? $"The token has: {string.Join(", ", held)}." : "The token has no role claim.";
            await ErrorBodies.WriteAsync(context, StatusCodes.Status403Forbidden, title, detail,
                new Dictionary<string, object?> { ["requiredRoles"] = needed, ["tokenRoles"] = held });
        }
    }
}
