namespace TumorBoard.Api.Infrastructure;

/// <summary>JWT settings (section <c>Auth</c>). Outside Development the signing key must be configured.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    public string Issuer { get; set; } = "tumorboard";

    public string Audience { get; set; } = "tumorboard";

    /// <summary>HMAC-SHA256 key, at least 32 bytes.</summary>
    public string SigningKey { get; set; } = string.Empty;

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);
}
