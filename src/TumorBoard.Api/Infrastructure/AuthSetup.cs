using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace TumorBoard.Api.Infrastructure;

internal static class AuthSetup
{
    public static IServiceCollection AddTumorBoardAuth(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var oidc = !string.IsNullOrWhiteSpace(options.Authority);
        if (!oidc && Encoding.UTF8.GetByteCount(options.SigningKey) < 32)
        {
            throw new InvalidOperationException("Auth:SigningKey must be configured with at least 32 bytes (it is only preset in Development), or Auth:Authority set to an OpenID Connect provider.");
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
