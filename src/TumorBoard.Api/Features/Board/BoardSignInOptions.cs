namespace TumorBoard.Api.Features.Board;

/// <summary>
/// OpenID Connect sign-in for the board pages (section <c>Board:OpenIdConnect</c>). When
/// <see cref="Authority"/> and <see cref="ClientId"/> are set, the pages sign people in at that
/// identity provider; the roles come from <see cref="RoleClaimType"/>, optionally renamed by
/// <see cref="RoleMap"/> (e.g. a directory group to <c>board</c>), and only the API's roles are kept.
/// </summary>
public sealed class BoardSignInOptions
{
    public const string Section = "Board:OpenIdConnect";

    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The claim of the ID token (or user info) that carries roles or groups.</summary>
    public string RoleClaimType { get; set; } = "roles";

    /// <summary>The claim naming the person, kept as the actor of reviews and sign-offs.</summary>
    public string SubjectClaimType { get; set; } = "sub";

    /// <summary>Identity-provider value -> TumorBoard role; empty means the values already are role names.</summary>
    public Dictionary<string, string> RoleMap { get; set; } = new(StringComparer.Ordinal);

    public List<string> Scopes { get; set; } = ["openid", "profile"];

    public bool RequireHttpsMetadata { get; set; } = true;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}
