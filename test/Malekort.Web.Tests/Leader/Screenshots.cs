using Microsoft.Playwright;

namespace Malekort.Web.Leader;

/// <summary>Screenshots of the leader's pages for people to look at, taken only when <c>MALEKORT_SCREENSHOTS</c> names a folder.</summary>
internal static class Screenshots
{
    public static async Task Take(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("MALEKORT_SCREENSHOTS") is not { } folder) return;
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }
}
