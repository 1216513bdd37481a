using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Tokens;

namespace TumorBoard.Api.Infrastructure;

internal static class AuthSetup
{
    /// <summary>
    /// Applies to every endpoint without a policy of its own: an authenticated user is required, so a route
    /// someone forgets to protect is closed, not open. Anonymous endpoints say so (<c>AllowAnonymous</c>).
    /// Requests that match no endpoint pass, so they still answer 404 and the Swagger UI's static files
    /// (served by middleware, not endpoints) stay public as the contract says.
    /// </summary>
    public static readonly AuthorizationPolicy FallbackPolicy = new AuthorizationPolicyBuilder()
        .RequireAssertion(context =>
            context.User.Identities.Any(identity => identity.IsAuthenticated)
            || (context.Resource is HttpContext http && http.GetEndpoint() is null))
        .Build();

    public static IServiceCollection AddTumorBoardAuth(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        if (Encoding.UTF8.GetByteCount(options.SigningKey) < 32)
        {
            throw new StartupRefusedException(
                "Auth__SigningKey is not set or shorter than 32 bytes: set it to a secret of at least 32 bytes " +
                "(e.g. openssl rand -base64 48) from your secret store. Only Development has a preset key.");
        }

        services.AddSingleton(options);
        services.AddSingleton<TokenIssuer>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(jwt =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = options.Issuer,
                    ValidAudience = options.Audience,
                    IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(options.SigningKey)),
                    RoleClaimType = "role",
                    NameClaimType = "sub",
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(FallbackPolicy)
            .AddPolicy(Policies.Ingest, p => p.RequireRole(Roles.Ingest, Roles.Admin))
            .AddPolicy(Policies.ReadPatients, p => p.RequireRole(Roles.Board, Roles.Trials, Roles.Admin))
            .AddPolicy(Policies.Review, p => p.RequireRole(Roles.Board, Roles.Admin))
            .AddPolicy(Policies.ReadTrials, p => p.RequireRole(Roles.Trials, Roles.Board, Roles.Admin))
            .AddPolicy(Policies.ManageTrials, p => p.RequireRole(Roles.Trials, Roles.Admin))
            .AddPolicy(Policies.ReadAudit, p => p.RequireRole(Roles.Board, Roles.Admin));
        return services;
    }
}
