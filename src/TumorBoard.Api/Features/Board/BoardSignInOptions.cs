using System.Diagnostics.CodeAnalysis;
namespace TumorBoard.Api.Features.Board;

/// <summary>
/// OpenID Connect sign-in for the board pages (section <c>Board:OpenIdConnect</c>). When
/// <see cref="Authority"/> and <see cref="ClientId"/> are set, the pages sign people in at that
/// identity provider; the roles come from <see cref="RoleClaimType"/> (a dotted path such as
/// <c>realm_access.roles</c> reads a JSON claim), optionally renamed by <see cref="RoleMap"/> (e.g. a
/// directory group to <c>board</c>), and only the API's roles are kept. Authority and role claim default
/// to the API's <c>Auth:Authority</c> and <c>Auth:RoleClaim</c>, so one provider serves both.
/// </summary>
public sealed class BoardSignInOptions
{
    public const string Section = "Board:OpenIdConnect";

    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The claim of the ID token (or user info) that carries roles or groups.</summary>
    public string? RoleClaimType { get; set; }

    /// <summary>The claim naming the person, kept as the actor of reviews and sign-offs.</summary>
    public string SubjectClaimType { get; set; } = "sub";

    /// <summary>Identity-provider value -> TumorBoard role; empty means the values already are role names.</summary>
    [SuppressMessage("Usage", "CA2227:Collection properties should be read only", Justification = "Bound from configuration and copied whole into the fallback mapping (BoardAuth).")]
    public Dictionary<string, string> RoleMap { get; set; } = new(StringComparer.Ordinal);

    [SuppressMessage("Design", "CA1002:Do not expose generic lists", Justification = "An options class: the configuration binder fills it.")]
    [SuppressMessage("Usage", "CA2227:Collection properties should be read only", Justification = "Configured scopes replace the default list; a get-only list would have them appended to openid and profile.")]
    public List<string> Scopes { get; set; } = ["openid", "profile"];

    public bool? RequireHttpsMetadata { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}
