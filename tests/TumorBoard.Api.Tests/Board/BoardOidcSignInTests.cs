using System.Net;

namespace TumorBoard.Api.Tests.Board;

/// <summary>
/// The board pages' OpenID Connect sign-in against a provider, end to end through the service's pipeline:
/// challenge, the provider's authorization redirect, the callback's code redemption (client secret and PKCE),
/// the id_token's group claim mapped to the API's roles, the page cookie; then what each role may do, and the
/// anti-forgery check on the pages' forms.
/// </summary>
public sealed class BoardOidcSignInTests(BoardOidcApp app) : IClassFixture<BoardOidcApp>
{
    private static readonly Guid SomePatient = Guid.Parse("00000000-0000-0000-0000-0000000000b1");

    [Fact]
    public async Task A_board_member_signs_in_at_the_provider_and_reaches_the_board_with_the_mapped_role_only()
    {
        app.Provider.SignIn("dr-oidc", new Dictionary<string, object> { ["groups"] = new[] { BoardOidcApp.BoardGroup, BoardOidcApp.UnmappedGroup } });
        using var browser = app.Browser();
        var redeemed = app.Provider.CodesRedeemed;

        var page = await browser.GetAsync("/board");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("/board", page.Url.AbsolutePath);
        Assert.Contains("Signed in as <strong>dr-oidc</strong> (board)", page.Html, StringComparison.Ordinal);
        Assert.Contains(browser.Visited, u => u.AbsolutePath == "/authorize" && u.Host == "127.0.0.1");
        Assert.Contains(browser.Visited, u => u.AbsolutePath == "/board/signin-oidc");
        Assert.Equal(redeemed + 1, app.Provider.CodesRedeemed);
    }

    [Fact]
    public async Task A_coordinator_signed_in_by_the_provider_reads_the_board_but_gets_403_when_reviewing()
    {
        app.Provider.SignIn("coordinator-oidc", new Dictionary<string, object> { ["groups"] = new[] { BoardOidcApp.TrialsGroup } });
        using var browser = app.Browser();
        var board = await browser.GetAsync("/board");
        Assert.Contains("Signed in as <strong>coordinator-oidc</strong> (trials)", board.Html, StringComparison.Ordinal);

        var review = await browser.PostFormAsync(
            $"/board/patients/{SomePatient}?handler=Review&recommendationId={Guid.NewGuid()}",
            ("__RequestVerificationToken", board.AntiforgeryToken), ("decision", "accepted"));

        Assert.Equal(HttpStatusCode.Forbidden, review.Status);
        Assert.Equal("/board/denied", review.Url.AbsolutePath);
        Assert.Contains("Not allowed", review.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_whose_groups_map_to_no_role_is_signed_in_but_denied_every_board_page()
    {
        app.Provider.SignIn("it-oidc", new Dictionary<string, object> { ["groups"] = new[] { BoardOidcApp.UnmappedGroup } });
        using var browser = app.Browser();

        var page = await browser.GetAsync("/board");

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Equal("/board/denied", page.Url.AbsolutePath);
        Assert.Contains(browser.Visited, u => u.AbsolutePath == "/board/signin-oidc");
    }

    [Fact]
    public async Task A_board_form_without_the_antiforgery_token_is_refused_and_with_it_is_answered()
    {
        app.Provider.SignIn("dr-forms", new Dictionary<string, object> { ["groups"] = new[] { BoardOidcApp.BoardGroup } });
        using var browser = app.Browser();
        var board = await browser.GetAsync("/board");

        var forged = await browser.PostFormAsync("/board", ("IdentifierValue", "MRN-NOBODY"));
        var genuine = await browser.PostFormAsync("/board", ("__RequestVerificationToken", board.AntiforgeryToken), ("IdentifierValue", "MRN-NOBODY"));

        Assert.Equal(HttpStatusCode.BadRequest, forged.Status);
        Assert.Equal(HttpStatusCode.OK, genuine.Status);
        Assert.Contains("No patient has that identifier.", genuine.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_callback_with_a_code_but_no_sign_in_started_here_is_not_signed_in()
    {
        app.Provider.SignIn("dr-forged", new Dictionary<string, object> { ["groups"] = new[] { BoardOidcApp.BoardGroup } });
        using var browser = app.Browser();
        var redeemed = app.Provider.CodesRedeemed;

        var callback = await browser.GetAsync("/board/signin-oidc?code=stolen-code&state=forged-state");

        Assert.Equal(HttpStatusCode.BadRequest, callback.Status);
        Assert.DoesNotContain(browser.Cookies.GetAllCookies(), c => c.Name == "TumorBoard.Board");
        Assert.Equal(redeemed, app.Provider.CodesRedeemed);
    }
}
