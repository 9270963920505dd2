using Malekort.Confidentiality;
using Microsoft.Playwright;
using static Malekort.Web.Leader.OwnIndicatorsBrowserTests;

namespace Malekort.Web.Leader;

/// <summary>
/// An office's own indicator on the other leader's pages (issue 11 item 6): coloured on <c>/grenser</c> by the office alone,
/// chosen and placed on <c>/indikatorvalg</c>, in the printed report and in the comparison; axe-core finds nothing serious on
/// any of them. A class of its own, on a server of its own: the longest browser test of the program, it ran after the other
/// own-indicator tests on their server while other classes finished around it (a test class is what runs in parallel).
/// </summary>
public sealed class OwnIndicatorsAcrossPagesBrowserTests(ScorecardServer server, BrowserFixture browser) : IClassFixture<ScorecardServer>
{
    private Task<IPage> Open(string path, string? token = null) => OwnIndicatorsBrowserTests.Open(server, browser, path, token);

    [Fact]
    public async Task An_office_colours_its_own_indicator_on_grenser_chooses_and_places_it_and_finds_it_in_the_report_and_the_comparison()
    {
        // NAV Fredrikstad's share of young recipients: 5 of 12 in December (41,7 %), Fredrikstad's 5 of 10 (50,0 %).
        var page = await Open(Address);
        await Define(page, "EGEN.VALGT", "BL153 / BL151 * 100");

        // The office colours it (lower is better: green up to 45, red over 60): nobody else could, the national limits being the municipalities'.
        await page.GotoAsync("/grenser?enhet=NAV-0106&maned=2024-12");
        Assert.Equal(0, await page.Locator("#grense-B-101").CountAsync());
        var limits = page.Locator("#grense-EGEN-VALGT");
        await limits.GetByLabel("Grønn til og med").FillAsync("45");
        await limits.GetByLabel("Rød over").FillAsync("60");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre grensene" }).ClickAsync();
        Assert.Equal("Én grense er endret og lagret. Målekortet viser den nå.", await page.Locator("#lagret-melding").InnerTextAsync());
        await AccessibilityTests.AssertNoSeriousViolations(page);
        await page.GotoAsync("/malekort?enhet=NAV-0106&maned=2024-12");
        Assert.Equal("Grønn", await ScorecardRow(page, "EGEN.VALGT").Locator(".status-tag").InnerTextAsync());
        // Another office's user may read the office's limits, not change them.
        var sarpsborg = TestUsers.Token(server.Store, "sarpsborg-grenser", ViewerRole.Kontor, ScorecardData.NavSarpsborg);
        var other = await Open("/grenser?enhet=NAV-0106&maned=2024-12", sarpsborg);
        Assert.Equal(0, await other.GetByRole(AriaRole.Button, new() { Name = "Lagre grensene" }).CountAsync());
        Assert.Equal(0, await other.Locator("#grense-EGEN-VALGT").CountAsync());

        // The choice places it first, before B.101, and leaves the rest out.
        await page.GotoAsync("/indikatorvalg?enhet=NAV-0106");
        foreach (var box in await page.Locator("#indikatorvalg input[type=checkbox]").AllAsync()) await box.UncheckAsync();
        foreach (var (id, place) in new[] { ("EGEN-VALGT", "1"), ("B-101", "2") })
        {
            await page.Locator($"#vis-{id}").CheckAsync();
            await page.Locator($"#plass-{id}").FillAsync(place);
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre utvalget" }).ClickAsync();
        Assert.Equal("Utvalget er lagret. Målekortet viser det nå.", await page.Locator("#resultat-melding").InnerTextAsync());
        await AccessibilityTests.AssertNoSeriousViolations(page);
        await page.GotoAsync("/malekort?enhet=NAV-0106&maned=2024-12");
        Assert.Equal(["EGEN.VALGT", "B.101"], await page.Locator("[aria-label^='Tabell over indikatorene'] .indicator-code").AllInnerTextsAsync());
        Assert.DoesNotContain("Egne indikatorer", await page.Locator("h3.indicator-group").AllInnerTextsAsync());
        Assert.StartsWith("Målekortet viser de 2 indikatorene NAV Fredrikstad har valgt.", await page.Locator("#indikatorvalg-linje").InnerTextAsync(),
            StringComparison.Ordinal);
        await page.GotoAsync("/indikatorvalg?enhet=NAV-0106");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bruk det nasjonale settet igjen" }).ClickAsync();

        // The printable report lists it under its own caption; the comparison offers it and compares it unit by unit.
        await page.GotoAsync("/rapport?enhet=NAV-0106&maned=2024-12");
        var report = page.Locator("table").Filter(new() { Has = page.Locator("caption", new() { HasTextString = "Egne indikatorer for NAV Fredrikstad" }) });
        Assert.Contains("41,7", await report.InnerTextAsync(), StringComparison.Ordinal);
        await AccessibilityTests.AssertNoSeriousViolations(page);
        await page.GotoAsync("/sammenlign?indikator=EGEN.VALGT&maned=2024-12&enhet=3107&niva=alle");
        Assert.Equal("EGEN.VALGT", await page.GetByLabel("Indikator").InputValueAsync());
        Assert.Equal("50,0 %", Plain(await page.Locator("tr.own-row td[data-label=Verdi]").InnerTextAsync()));
        await AccessibilityTests.AssertNoSeriousViolations(page);
    }
}
