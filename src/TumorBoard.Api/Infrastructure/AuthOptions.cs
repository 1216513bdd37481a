namespace TumorBoard.Api.Infrastructure;

/// <summary>
/// JWT settings (section <c>Auth</c>). Either an OpenID Connect <see cref="Authority"/> (the hospital's
/// identity provider: its signing keys and issuer come from its discovery document), or a shared
/// <see cref="SigningKey"/>; outside Development one of them must be configured.
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    public string Issuer { get; set; } = "tumorboard";

    public string Audience { get; set; } = "tumorboard";

    /// <summary>HMAC-SHA256 key, at least 32 bytes.</summary>
    public string SigningKey { get; set; } = string.Empty;

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// OpenID Connect issuer URL (e.g. <c>https://keycloak.example.org/realms/tumorboard</c>); its
    /// <c>/.well-known/openid-configuration</c> names the issuer and the JWKS. Unset: the shared key is used.
    /// </summary>
    public string? Authority { get; set; }

    /// <summary>The claim carrying roles: <c>role</c> (default), <c>roles</c> (Entra ID app roles) or a
    /// dotted path into a JSON claim such as <c>realm_access.roles</c> (Keycloak realm roles).</summary>
    public string RoleClaim { get; set; } = "role";

    /// <summary>Only for a test authority on loopback: the discovery document must otherwise be served over HTTPS.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}
