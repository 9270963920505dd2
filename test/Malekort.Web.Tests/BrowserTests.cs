using Microsoft.Playwright;

namespace Malekort.Web;

public sealed class BrowserTests(ScorecardServer server, BrowserFixture browser) : IClassFixture<ScorecardServer>
{
    private static readonly string? ScreenshotFolder = Environment.GetEnvironmentVariable("MALEKORT_SCREENSHOTS");

    private async Task<IPage> Open(string path)
    {
        var page = await browser.NewPageAsync(server.BaseAddress, token: server.Token);
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response?.Status);
        return page;
    }

    /// <summary>The row of an indicator by its code (other rows may mention the code in their definitions).</summary>
    internal static ILocator Row(IPage page, string code) =>
        page.Locator("tbody tr").Filter(new() { Has = page.Locator(".indicator-code").GetByText(code, new() { Exact = true }) });

    private static async Task Screenshot(IPage page, string name)
    {
        if (ScreenshotFolder is null) return;
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    [Fact]
    public async Task Picking_a_unit_and_month_and_opening_an_indicator_shows_its_numerator_and_denominator()
    {
        var page = await Open("/");
        // Typed, as a user finds one unit among ~750; /malekort/velg sends the browser on to the scorecard's own address.
        await page.GetByLabel("Enhet", new() { Exact = true }).FillAsync("fredrikstad");
        await page.GetByLabel("Måned", new() { Exact = true }).SelectOptionAsync("2024-11");
        await page.GetByRole(AriaRole.Button, new() { Name = "Vis målekort" }).ClickAsync();
        await page.WaitForURLAsync("**/malekort?enhet=3107&maned=2024-11");
        Assert.Equal("Målekort for Fredrikstad", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());

        var details = page.Locator("#indikator-B-101");
        var numerator = details.Locator("dd").First;
        Assert.False(await numerator.IsVisibleAsync());
        await details.Locator("summary").ClickAsync();
        Assert.True(await numerator.IsVisibleAsync());
        // November: 10 recipients of 400 persons aged 18–66.
        Assert.Equal("10", await numerator.Locator(".number").InnerTextAsync());
        Assert.Equal("400", await details.Locator("dd").Nth(1).Locator(".number").InnerTextAsync());
        Assert.Contains("18–66", await details.Locator("dd").Nth(1).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("direktoratets anbefaling", await details.Locator("dd").Nth(2).InnerTextAsync(), StringComparison.Ordinal);
        await Screenshot(page, "malekort-3107");
    }

    [Fact]
    public async Task The_scorecard_lists_the_18_indicators_in_catalogue_order_with_norwegian_numbers_and_status_words()
    {
        var page = await Open("/malekort?enhet=3107&maned=2024-12");
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Indikatorer for Fredrikstad, desember 2024" });
        var rows = table.Locator("tbody tr");
        Assert.Equal(18, await rows.CountAsync());
        Assert.EndsWith("BL151", (await rows.First.Locator("th summary").InnerTextAsync()).Trim(), StringComparison.Ordinal);
        Assert.EndsWith("V.104", (await rows.Last.Locator("th summary").InnerTextAsync()).Trim(), StringComparison.Ordinal);

        var share = Row(page, "B.101");
        Assert.Equal("2,5\u00A0%", await share.Locator("td").First.InnerTextAsync());
        Assert.Equal("Gul", await share.Locator(".status-tag").InnerTextAsync());
        Assert.Equal("14,0\u00A0dager", await Row(page, "PL151").Locator("td").First.InnerTextAsync());
        await Screenshot(page, "malekort-3107-desember");
    }

    [Fact]
    public async Task What_was_not_captured_says_so_and_is_never_zero()
    {
        var page = await Open("/malekort?enhet=3110&maned=2024-12");
        var row = Row(page, "BL152");
        Assert.Equal("Ikke fanget", await row.Locator("td").First.InnerTextAsync());
        Assert.Equal("Mangler data", await row.Locator(".status-tag").InnerTextAsync());
    }

    [Fact]
    public async Task The_comparison_of_every_level_shows_the_indicator_for_every_unit_with_data()
    {
        var page = await Open("/sammenlign?indikator=BL151&maned=2024-12&niva=alle");
        var rows = page.Locator("tbody tr");
        Assert.Equal(7, await rows.CountAsync());
        var office = rows.Filter(new() { HasText = "NAV Fredrikstad" });
        Assert.Equal("12", await office.Locator("td").First.InnerTextAsync());
        await Screenshot(page, "sammenlign");
    }

    [Fact]
    public async Task The_skip_link_moves_focus_to_the_main_content()
    {
        var page = await Open("/malekort?enhet=3107&maned=2024-12");
        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Hopp til hovedinnholdet" });
        Assert.True(await skip.EvaluateAsync<bool>("e => e === document.activeElement"));
        Assert.True(await skip.IsVisibleAsync());
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("hovedinnhold", await page.EvaluateAsync<string>("() => document.activeElement.id"));
    }
}
