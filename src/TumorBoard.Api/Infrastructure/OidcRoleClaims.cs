using System.Security.Claims;
using System.Text.Json;

namespace TumorBoard.Api.Infrastructure;

/// <summary>
/// Roles nested in a JSON claim (Keycloak puts realm roles in <c>realm_access.roles</c>): copied into flat
/// <c>role</c> claims after validation, so the authorization policies read one claim type whatever the provider.
/// </summary>
internal static class OidcRoleClaims
{
    public const string FlatRoleClaim = "role";

    public static void Flatten(ClaimsPrincipal? principal, string path)
    {
        if (principal?.Identity is not ClaimsIdentity identity)
        {
            return;
        }

        var segments = path.Split('.');
        foreach (var claim in identity.FindAll(segments[0]).ToList())
        {
            try
            {
                using var document = JsonDocument.Parse(claim.Value);
                var node = document.RootElement;
                foreach (var segment in segments.Skip(1))
                {
                    if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(segment, out node))
                    {
                        node = default;
                        break;
                    }
                }

                var roles = node.ValueKind switch
                {
                    JsonValueKind.Array => node.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()!),
                    JsonValueKind.String => [node.GetString()!],
                    _ => [],
                };
                identity.AddClaims(roles.Select(role => new Claim(FlatRoleClaim, role)));
            }
            catch (JsonException)
            {
                // Not JSON: the claim has no nested roles.
            }
        }
    }
}
