using Microsoft.Playwright;

namespace TumorBoard.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Writes the documentation's screenshots when asked: <c>TUMORBOARD_BOARD_SCREENSHOTS=$PWD/docs/board
/// dotnet test tests/TumorBoard.EndToEnd.Tests</c>. Otherwise nothing is written.
/// </summary>
public static class Screenshots
{
    public const string OutputVariable = "TUMORBOARD_BOARD_SCREENSHOTS";

    public static async Task SaveAsync(IPage page, string fileName, bool print)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (Environment.GetEnvironmentVariable(OutputVariable) is not { Length: > 0 } folder)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        var viewport = page.ViewportSize;
        if (print)
        {
            // An A4 sheet at 96 dpi less the page margins, so the picture shows what the printer gets.
            await page.SetViewportSizeAsync(726, 1055);
        }

        await page.EmulateMediaAsync(new() { Media = print ? Media.Print : Media.Screen });
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, fileName), FullPage = true });
        await page.EmulateMediaAsync(new() { Media = Media.Null }); // back to no emulation: printing uses print media again
        if (viewport is not null)
        {
            await page.SetViewportSizeAsync(viewport.Width, viewport.Height);
        }
    }
}
