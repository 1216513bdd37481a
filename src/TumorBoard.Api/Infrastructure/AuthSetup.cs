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
        var oidc = !string.IsNullOrWhiteSpace(options.Authority);
        if (!oidc && Encoding.UTF8.GetByteCount(options.SigningKey) < 32)
        {
            throw new StartupRefusedException(
                "Auth__SigningKey is not set or shorter than 32 bytes: set it to a secret of at least 32 bytes " +
                "(e.g. openssl rand -base64 48) from your secret store, or set Auth__Authority to an OpenID Connect provider. " +
                "Only Development has a preset key.");
        }

        services.AddSingleton(options);
        services.AddSingleton<TokenIssuer>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(jwt =>
            {
                jwt.MapInboundClaims = false;
                if (oidc)
                {
                    ConfigureOidc(jwt, options);
                    return;
                }

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

    /// <summary>
    /// Tokens from the identity provider at <c>Auth:Authority</c>: issuer and signing keys from its
    /// discovery document (keys refreshed as it rotates them), audience and role claim from configuration.
    /// The shared signing key is not trusted then, so dev tokens do not validate.
    /// </summary>
    private static void ConfigureOidc(JwtBearerOptions jwt, AuthOptions options)
    {
        var nestedRoles = options.RoleClaim.Contains('.', StringComparison.Ordinal);
        jwt.Authority = options.Authority;
        jwt.Audience = options.Audience;
        jwt.RequireHttpsMetadata = options.RequireHttpsMetadata;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidAudience = options.Audience,
            RoleClaimType = nestedRoles ? OidcRoleClaims.FlatRoleClaim : options.RoleClaim,
            // The audit trail records the token's subject (sub), whichever provider issued it.
            NameClaimType = "sub",
            ClockSkew = TimeSpan.FromSeconds(30),
        };
        if (nestedRoles)
        {
            jwt.Events = new JwtBearerEvents
            {
                OnTokenValidated = context =>
                {
                    OidcRoleClaims.Flatten(context.Principal, options.RoleClaim);
                    return Task.CompletedTask;
                },
            };
        }
    }
}
