using Malekort.Confidentiality;
using Microsoft.Playwright;

namespace Malekort.Web.Leader;

/// <summary>
/// An office's user sets a yearly target in a real browser and sees the monthly targets and the attainment month by month and
/// for the year so far, on the targets page and on the scorecard; removes it; gets errors on the form; and the county sees its
/// offices' targets (issue 11 item 3). axe-core finds nothing serious on any of the pages.
/// </summary>
public sealed class TargetsBrowserTests(ScorecardServer server, BrowserFixture browser) : IClassFixture<ScorecardServer>
{
    private async Task<IPage> Open(string path, string? token = null)
    {
        var page = await browser.NewPageAsync(server.BaseAddress, token: token ?? server.Token);
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response?.Status);
        return page;
    }

    private static async Task<IReadOnlyList<string>> Line(ILocator table, string period) =>
        await table.Locator("tbody tr").Filter(new() { Has = table.Page.Locator("th").GetByText(period, new() { Exact = true }) })
            .Locator("td").AllInnerTextsAsync();

    [Fact]
    public async Task A_yearly_target_spread_evenly_shows_each_month_s_target_and_attainment_and_the_year_so_far_and_can_be_removed()
    {
        // Fredrikstad's KVP: 0 participants in January, 4 from February, 2 in December after two ended.
        var page = await Open("/mal?enhet=3107&ar=2024");
        Assert.Equal("Ingen måltall for 2024 ennå.", await page.Locator("#maloppnaelse + p").InnerTextAsync());

        await page.GetByLabel("Indikator").SelectOptionAsync("B.151");
        await page.GetByLabel("Årsmål", new() { Exact = true }).FillAsync("4");
        await page.GetByLabel("Jevnt fordelt på årets måneder").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre måltall" }).ClickAsync();

        Assert.Equal("Måltallene er lagret. Målekortet viser dem nå.", await page.Locator("#resultat-melding").InnerTextAsync());
        var table = page.Locator("#mal-B-151");
        Assert.Contains("årsmål 4, jevnt fordelt; året: snitt 4", await table.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(["4", "0", "0,0\u00A0% (ikke nådd)"], await Line(table, "januar 2024"));
        Assert.Equal(["4", "4", "100,0\u00A0% (nådd)"], await Line(table, "februar 2024"));
        Assert.Equal(["4", "2", "50,0\u00A0% (ikke nådd)"], await Line(table, "desember 2024"));
        await Screenshots.Take(page, "mal-3107-2024");
        // The year so far: a mean of 42 / 12 = 3,5 participants against 4.
        Assert.Equal(["4", "3,5", "87,5\u00A0% (ikke nådd), 12 av 12 måneder"], await Line(table, "Hittil i år (januar–desember 2024)"));
        await AccessibilityTests.AssertNoSeriousViolations(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Se målekortet for Fredrikstad" }).ClickAsync();
        var row = page.Locator("tbody tr").Filter(new() { Has = page.Locator(".indicator-code").GetByText("B.151", new() { Exact = true }) });
        Assert.Contains("Mål 4", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("måloppnåelse 50,0\u00A0% (ikke nådd)", await row.InnerTextAsync(), StringComparison.Ordinal);

        await page.GotoAsync("/mal?enhet=3107&ar=2024");
        await page.GetByRole(AriaRole.Button, new() { Name = "Fjern målene for B.151" }).ClickAsync();

        Assert.Equal("Måltallene er fjernet.", await page.Locator("#resultat-melding").InnerTextAsync());
        Assert.Equal(0, await page.Locator("#mal-B-151").CountAsync());
        Assert.Equal(["fjernet", "årsmål 4, jevnt fordelt"],
            await page.Locator("#mal-endringslogg tbody tr td:nth-child(5)").AllInnerTextsAsync());
    }

    [Fact]
    public async Task A_target_that_is_no_number_and_weights_that_cannot_be_used_are_named_on_the_form_and_nothing_is_saved()
    {
        var before = server.Store.TargetChanges(ScorecardData.Fredrikstad).Count;
        var page = await Open("/mal?enhet=3107&ar=2024");
        await page.GetByLabel("Årsmål", new() { Exact = true }).FillAsync("mange");
        await page.GetByLabel("Fordelt etter 12 vekter").CheckAsync();
        await page.Locator("#vekt-3").FillAsync("-1");

        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre måltall" }).ClickAsync();

        Assert.Equal(
            ["Årsmålet må være et tall, for eksempel 349 eller 2,5 (ikke «mange»).",
             "Vekten for mars må være et tall som ikke er negativt (ikke «-1»)."],
            await page.Locator("#feilsammendrag li").AllInnerTextsAsync());
        Assert.Equal("mange", await page.GetByLabel("Årsmål", new() { Exact = true }).InputValueAsync());
        Assert.True(await page.GetByLabel("Fordelt etter 12 vekter").IsCheckedAsync());
        Assert.Equal(before, server.Store.TargetChanges(ScorecardData.Fredrikstad).Count);
        await AccessibilityTests.AssertNoSeriousViolations(page);
    }

    [Fact]
    public async Task The_county_sees_its_offices_targets_and_their_attainment_in_the_latest_month_and_the_year_so_far()
    {
        var token = TestUsers.Token(server.Store, "fylkesradgiver", ViewerRole.Fylke, Units.UnitCode.Parse("31"));
        var page = await browser.NewPageAsync(server.BaseAddress, token: token);
        await page.GotoAsync("/mal/fylke");

        Assert.EndsWith("/mal/fylke?fylke=31", page.Url, StringComparison.Ordinal);
        Assert.Contains("1 kontor i fylket har ingen måltall for 2024.", await page.Locator(".lead").InnerTextAsync(), StringComparison.Ordinal);
        var office = page.Locator("#fylkets-mal tbody tr").Filter(new() { HasText = "NAV Fredrikstad" });
        Assert.Equal(1, await office.CountAsync());
        var cells = await office.Locator("td").AllInnerTextsAsync();
        Assert.StartsWith("B.151", cells[0], StringComparison.Ordinal);
        // Two participants are a small count, shown to the county as «:», as everywhere outside the office.
        Assert.Equal(["desember 2024", "4", ":"], cells.Skip(2).Take(3));
        await Screenshots.Take(page, "mal-fylke-31");
        await AccessibilityTests.AssertNoSeriousViolations(page);
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Lagre måltall" }).CountAsync());
    }
}
