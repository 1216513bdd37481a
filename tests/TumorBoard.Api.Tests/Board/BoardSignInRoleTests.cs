using System.Security.Claims;
using TumorBoard.Api.Features.Board;

namespace TumorBoard.Api.Tests.Board;

public class BoardSignInRoleTests
{
    [Fact]
    public void Without_a_role_map_only_the_API_role_names_of_the_configured_claim_are_kept()
    {
        var options = new BoardSignInOptions { RoleClaimType = "roles" };
        Claim[] claims = [new("roles", "board"), new("roles", "superuser"), new("groups", "trials"), new("roles", "board")];

        Assert.Equal(["board"], BoardPrincipal.MapRoles(claims, options));
    }

    [Fact]
    public void A_role_map_turns_identity_provider_groups_into_API_roles_and_drops_unmapped_ones()
    {
        var options = new BoardSignInOptions
        {
            RoleClaimType = "groups",
            RoleMap = new() { ["mtb-members"] = "board", ["trial-office"] = "trials", ["it-ops"] = "root" },
        };
        Claim[] claims = [new("groups", "mtb-members"), new("groups", "trial-office"), new("groups", "it-ops"), new("groups", "board")];

        Assert.Equal(["board", "trials"], BoardPrincipal.MapRoles(claims, options));
    }

    [Fact]
    public void The_page_principal_carries_sub_and_role_claims_like_an_API_token()
    {
        var principal = BoardPrincipal.Create("dr-a", ["board", "nonsense"]);

        Assert.Equal("dr-a", principal.Identity!.Name);
        Assert.True(principal.IsInRole("board"));
        Assert.Equal(["board"], principal.FindAll("role").Select(c => c.Value));
        Assert.Equal(BoardAuth.CookieScheme, principal.Identity.AuthenticationType);
    }
}
