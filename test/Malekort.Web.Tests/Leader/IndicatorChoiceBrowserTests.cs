using Malekort.Confidentiality;
using Malekort.Indicators;
using Malekort.Periods;
using Microsoft.Playwright;

namespace Malekort.Web.Leader;

/// <summary>
/// NAV Fredrikstad's user chooses three of the scorecard's indicators under two headings in a real browser, reorders them, and the
/// scorecard shows them so, with the national set one link away; another office reads the choice but cannot change it; a place
/// that is no number is named on the form (issue 11 item 5). axe-core finds nothing serious on the pages.
/// </summary>
public sealed class IndicatorChoiceBrowserTests(ScorecardServer server, BrowserFixture browser) : IClassFixture<ScorecardServer>
{
    private const string Address = "/indikatorvalg?enhet=NAV-0106";
    private const string Scorecard = "/malekort?enhet=NAV-0106&maned=2024-12";

    private async Task<IPage> Open(string path, string? token = null)
    {
        var page = await browser.NewPageAsync(server.BaseAddress, token: token ?? server.Token);
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response?.Status);
        return page;
    }

    private static Task<IReadOnlyList<string>> Shown(IPage page) =>
        page.Locator("[aria-label^='Tabell over indikatorene'] .indicator-code").AllInnerTextsAsync();

    private static async Task Choose(IPage page, params (string Code, string Place, string Heading)[] chosen)
    {
        foreach (var box in await page.Locator("#indikatorvalg input[type=checkbox]").AllAsync()) await box.UncheckAsync();
        foreach (var (code, place, heading) in chosen)
        {
            var id = code.Replace('.', '-');
            await page.Locator($"#vis-{id}").CheckAsync();
            await page.Locator($"#plass-{id}").FillAsync(place);
            await page.Locator($"#overskrift-{id}").FillAsync(heading);
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre utvalget" }).ClickAsync();
    }

    [Fact]
    public async Task An_office_chooses_and_reorders_its_indicators_under_headings_and_the_national_set_stays_one_link_away()
    {
        var page = await Open(Address);
        Assert.Contains("NAV Fredrikstad bruker det nasjonale settet.", await page.Locator(".lead + p").InnerTextAsync(), StringComparison.Ordinal);
        await Choose(page, ("B51", "1", "Kvalifisering"), ("BL151", "2", ""), ("B.101", "3", "Andeler"));

        Assert.Equal("Utvalget er lagret. Målekortet viser det nå.", await page.Locator("#resultat-melding").InnerTextAsync());
        await AccessibilityTests.AssertNoSeriousViolations(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Se målekortet for NAV Fredrikstad" }).ClickAsync();
        Assert.Equal(["B51", "BL151", "B.101"], await Shown(page));
        Assert.Equal(["Kvalifisering", "Andeler"], await page.Locator("h3.indicator-group").AllInnerTextsAsync());
        Assert.StartsWith("Målekortet viser de 3 indikatorene NAV Fredrikstad har valgt.", await page.Locator("#indikatorvalg-linje").InnerTextAsync(),
            StringComparison.Ordinal);
        await Screenshots.Take(page, "indikatorvalg-malekort-NAV-0106");
        await AccessibilityTests.AssertNoSeriousViolations(page);

        // Reordered: B.101 first, B51 last; each heading moves with its indicator.
        await page.GotoAsync(Address);
        await page.Locator("#plass-B-101").FillAsync("1");
        await page.Locator("#plass-B51").FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre utvalget" }).ClickAsync();
        await page.GotoAsync(Scorecard);
        Assert.Equal(["B.101", "BL151", "B51"], await Shown(page));
        Assert.Equal(["Andeler", "Kvalifisering"], await page.Locator("h3.indicator-group").AllInnerTextsAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "Vis alle indikatorene" }).ClickAsync();
        // The national set as December 2024 has it: the versions in force then (B.102 version 2 begins in 2025).
        Assert.Equal(IndicatorCatalog.Core.Where(d => d.AppliesIn(new Month(2024, 12))).Select(d => d.Code), await Shown(page));
        Assert.Equal(0, await page.Locator("h3.indicator-group").CountAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "Vis bare utvalget til NAV Fredrikstad" }).ClickAsync();
        Assert.Equal(["B.101", "BL151", "B51"], await Shown(page));

        // NAV Sarpsborg sees the choice on NAV Fredrikstad's scorecard and on the page, but cannot change it.
        var other = await Open(Address, TestUsers.Token(server.Store, "sarpsborg", ViewerRole.Kontor, ScorecardData.NavSarpsborg));
        Assert.Equal(0, await other.GetByRole(AriaRole.Button, new() { Name = "Lagre utvalget" }).CountAsync());
        Assert.Equal(3, await other.Locator(".chosen-list li").CountAsync());

        await page.GotoAsync(Address);
        await page.GetByRole(AriaRole.Button, new() { Name = "Bruk det nasjonale settet igjen" }).ClickAsync();
        Assert.Equal("Målekortet viser det nasjonale settet igjen.", await page.Locator("#resultat-melding").InnerTextAsync());
        await page.GotoAsync(Scorecard);
        // The national set as December 2024 has it: the versions in force then (B.102 version 2 begins in 2025).
        Assert.Equal(IndicatorCatalog.Core.Where(d => d.AppliesIn(new Month(2024, 12))).Select(d => d.Code), await Shown(page));
        Assert.Equal(0, await page.Locator("#indikatorvalg-linje").CountAsync());
    }

    [Fact]
    public async Task A_place_that_is_no_number_is_named_on_the_form_and_nothing_is_saved()
    {
        var page = await Open("/indikatorvalg?enhet=3110");
        await page.Locator("#plass-BL151").FillAsync("først");

        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre utvalget" }).ClickAsync();

        Assert.Equal(["Plassen til BL151 må være et helt tall fra 1 til 999 (ikke «først»)."], await page.Locator("#feilsammendrag li").AllInnerTextsAsync());
        Assert.Equal("først", await page.Locator("#plass-BL151").InputValueAsync());
        Assert.DoesNotContain(server.Store.IndicatorChoices(), c => c.Unit == ScorecardData.Hvaler);
        await AccessibilityTests.AssertNoSeriousViolations(page);
    }
}
