using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.IdentityModel.JsonWebTokens;
using TumorBoard.Api.Infrastructure;

namespace TumorBoard.Api.Features.Board.Pages;

/// <summary>
/// Sign-in. In Development: a subject and a role, for which the page mints the same token as
/// POST /auth/dev-token and signs in with its claims. Elsewhere: OpenID Connect when configured
/// (the cookie forwards its challenge there), else a page saying sign-in is not configured.
/// </summary>
public sealed class SignInModel(IWebHostEnvironment environment, TokenIssuer issuer, BoardSignInOptions oidc) : PageModel
{
    public static readonly string[] PageRoles = [Roles.Board, Roles.Trials, Roles.Admin];

    public bool DevelopmentSignIn => environment.IsDevelopment();

    public bool OidcConfigured => oidc.IsConfigured;

    [BindProperty]
    public string? Subject { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!environment.IsDevelopment())
        {
            return NotFound();
        }

        Subject = Subject?.Trim();
        if (string.IsNullOrEmpty(Subject) || Subject.Length > 128 || Role is null || !PageRoles.Contains(Role))
        {
            Error = "Enter a user name (up to 128 characters) and choose a role.";
            return Page();
        }

        // The same token the API's dev-token route issues; its claims become the page session.
        var token = new JsonWebToken(issuer.Issue(Subject, [Role]));
        var principal = BoardPrincipal.Create(
            token.GetClaim("sub").Value,
            token.Claims.Where(c => c.Type == "role").Select(c => c.Value));
        var properties = new AuthenticationProperties { IsPersistent = false, ExpiresUtc = token.ValidTo };
        await HttpContext.SignInAsync(BoardAuth.CookieScheme, principal, properties);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl.StartsWith("/board", StringComparison.Ordinal) ? ReturnUrl : "/board");
    }

    public IActionResult OnPostOidc() =>
        oidc.IsConfigured
            ? Challenge(new AuthenticationProperties { RedirectUri = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/board" }, BoardAuth.OidcScheme)
            : NotFound();

    public async Task<IActionResult> OnPostSignOutAsync()
    {
        await HttpContext.SignOutAsync(BoardAuth.CookieScheme);
        TempData["Status"] = "Signed out.";
        return RedirectToPage("/SignIn");
    }
}
