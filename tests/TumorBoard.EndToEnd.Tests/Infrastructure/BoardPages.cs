using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TumorBoard.EndToEnd.Tests.Infrastructure;

/// <summary>What a person does on the board pages, in their words: sign in, find a patient.</summary>
public static class BoardPages
{
    /// <summary>Opens /board, is sent to the sign-in page, and signs in with the Development form.</summary>
    public static async Task SignInAsync(this IPage page, string subject, string role)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/board");
        Assert.EndsWith("/board/sign-in?ReturnUrl=%2Fboard", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("User name").FillAsync(subject);
        await page.GetByLabel(role, new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/board$"));
        await Assertions.Expect(page.Locator(".who")).ToContainTextAsync(subject);
    }

    public static async Task FindPatientAsync(this IPage page, string identifier)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/board");
        await page.GetByLabel("Patient identifier (e.g. MRN)").FillAsync(identifier);
        await page.GetByRole(AriaRole.Button, new() { Name = "Find", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/board/patients/[0-9a-f-]{36}$"));
    }

    /// <summary>Every URL the page requests, to check that no patient identifier ends up in one.</summary>
    public static IReadOnlyList<string> RecordRequestUrls(this IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var urls = new List<string>();
        page.Request += (_, request) => urls.Add(request.Url);
        return urls;
    }
}
