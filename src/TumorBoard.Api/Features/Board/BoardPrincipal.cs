using System.Security.Claims;
using TumorBoard.Api.Infrastructure;

namespace TumorBoard.Api.Features.Board;

/// <summary>
/// The cookie principal of the board pages carries exactly what an API token carries: a <c>sub</c> and
/// <c>role</c> claims with the API's role names, so reviews, sign-offs and the audit trail name the same actor.
/// </summary>
public static class BoardPrincipal
{
    public static ClaimsPrincipal Create(string subject, IEnumerable<string> roles)
    {
        var claims = new List<Claim> { new("sub", subject) };
        claims.AddRange(roles.Where(r => Roles.All.Contains(r)).Distinct(StringComparer.Ordinal).Select(r => new Claim("role", r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, BoardAuth.CookieScheme, "sub", "role"));
    }

    /// <summary>The roles an identity provider's claims grant: mapped through <see cref="BoardSignInOptions.RoleMap"/> when it has entries.</summary>
    public static IReadOnlyList<string> MapRoles(IEnumerable<Claim> claims, BoardSignInOptions options) =>
        claims.Where(c => c.Type == options.RoleClaimType)
            .Select(c => options.RoleMap.Count == 0 ? c.Value : options.RoleMap.GetValueOrDefault(c.Value))
            .OfType<string>()
            .Where(r => Roles.All.Contains(r))
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
