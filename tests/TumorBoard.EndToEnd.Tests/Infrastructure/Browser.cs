using Microsoft.Playwright;

namespace TumorBoard.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Debian's chromium (installed by scripts/ensure-chromium.sh), driven by Playwright. Never downloads a
/// browser: the executable is given, and PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD is set. Each launch runs on a
/// fresh temporary profile (user-data-dir), deleted on dispose.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    public const string DefaultExecutable = "/usr/bin/chromium";

    private static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright _playwright;
    private readonly string _profile;

    private Browser(IPlaywright playwright, IBrowserContext context, string profile)
    {
        _playwright = playwright;
        Context = context;
        _profile = profile;
    }

    public IBrowserContext Context { get; }

    /// <summary>CHROMIUM_PATH overrides the executable (e.g. a chromium elsewhere on a developer's machine).</summary>
    public static string Executable => Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : DefaultExecutable;

    public static async Task<Browser> LaunchAsync(Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"No chromium at {Executable}: run scripts/ensure-chromium.sh (./test.sh does).");
        }

        var profile = Directory.CreateTempSubdirectory("tumorboard-chromium-").FullName;
        var playwright = await Playwright.CreateAsync();
        var context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = Executable,
            Headless = true,
            Args = Arguments,
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-GB",
            TimezoneId = "UTC",
        });
        // Generous: CI has 2 cores shared with the other test assemblies and the background re-match.
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(60_000);
        Assertions.SetDefaultExpectTimeout(30_000);
        return new Browser(playwright, context, profile);
    }

    /// <summary>A fresh page with no board session (cookies of an earlier sign-in are cleared).</summary>
    public async Task<IPage> NewSessionAsync()
    {
        await Context.ClearCookiesAsync();
        foreach (var open in Context.Pages.ToList())
        {
            await open.CloseAsync();
        }

        return await Context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        _playwright.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // chromium may still be writing its profile as it exits; the temp folder is cleaned by the OS.
        }
    }
}
