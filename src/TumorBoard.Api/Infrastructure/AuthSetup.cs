using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace TumorBoard.Api.Infrastructure;

internal static class AuthSetup
{
    public static IServiceCollection AddTumorBoardAuth(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        if (Encoding.UTF8.GetByteCount(options.SigningKey) < 32)
        {
            throw new InvalidOperationException("Auth:SigningKey must be configured with at least 32 bytes (it is only preset in Development).");
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
            .AddPolicy(Policies.Ingest, p => p.RequireRole(Roles.Ingest, Roles.Admin))
            .AddPolicy(Policies.ReadPatients, p => p.RequireRole(Roles.Board, Roles.Trials, Roles.Admin))
            .AddPolicy(Policies.Review, p => p.RequireRole(Roles.Board, Roles.Admin))
            .AddPolicy(Policies.ReadTrials, p => p.RequireRole(Roles.Trials, Roles.Board, Roles.Admin))
            .AddPolicy(Policies.ManageTrials, p => p.RequireRole(Roles.Trials, Roles.Admin))
            .AddPolicy(Policies.ReadAudit, p => p.RequireRole(Roles.Board, Roles.Admin));
        return services;
    }
}
