using Malekort.Confidentiality;
using Microsoft.Playwright;

namespace Malekort.Web.Leader;

/// <summary>
/// A municipality's user sets its own limits in a real browser (issue 11 item 2): the recommended default beside each, a
/// preview of this month's colour that the scorecard then shows, the change kept with who and old and new, and errors on the
/// form in Norwegian, with axe-core finding nothing serious on the page in any of its states.
/// </summary>
public sealed class ThresholdsBrowserTests(ScorecardServer server, BrowserFixture browser) : IClassFixture<ScorecardServer>
{
    private const string Address = "/grenser?enhet=3107&maned=2024-12";

    private async Task<IPage> OpenAsKommune(string path = Address)
    {
        var token = TestUsers.Token(server.Store, "kari", ViewerRole.Kommune, ScorecardData.Fredrikstad);
        var page = await browser.NewPageAsync(server.BaseAddress, token: token);
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response?.Status);
        return page;
    }

    private static async Task Screenshot(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("MALEKORT_SCREENSHOTS") is not { } folder) return;
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    private static ILocator Row(IPage page, string code) => page.Locator($"#grense-{code.Replace('.', '-')}");

    private static ILocator ScorecardRow(IPage page, string code) =>
        page.Locator("tbody tr").Filter(new() { Has = page.Locator(".indicator-code").GetByText(code, new() { Exact = true }) });

    [Fact]
    public async Task A_previewed_colour_is_the_colour_the_scorecard_shows_after_saving_and_the_change_is_kept_with_who_old_and_new()
    {
        var page = await OpenAsKommune();
        var b101 = Row(page, "B.101");
        // December: 10 recipients of 400 persons aged 18–66 is 2,5 %, yellow between the default's 2 and 3,5.
        Assert.Equal("2,5\u00A0%", await b101.Locator("td").First.InnerTextAsync());
        Assert.Equal("Gul", await b101.Locator(".status-tag").First.InnerTextAsync());
        Assert.Equal("grønn ≤ 2 · rød > 3,5", await b101.Locator(".default-limits").InnerTextAsync());

        // Lower is better for B.101: the fields say so.
        await b101.GetByLabel("Grønn til og med").FillAsync("1,5");
        await b101.GetByLabel("Rød over").FillAsync("2,4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Forhåndsvis" }).ClickAsync();

        Assert.Contains("Ingenting er lagret ennå", await page.Locator("#forhandsvisning-melding").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Rød", await Row(page, "B.101").Locator(".preview-cell .status-tag").InnerTextAsync());
        await Screenshot(page, "grenser-forhandsvisning");
        Assert.Equal("Gul", await Row(page, "B.101").Locator(".status-tag").First.InnerTextAsync());
        Assert.Equal("1,5", await page.Locator("#gronn-B-101").InputValueAsync());
        Assert.DoesNotContain(server.Store.ThresholdChanges(ScorecardData.Fredrikstad), c => c.Indicator == "B.101");
        await AccessibilityTests.AssertNoSeriousViolations(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre grensene" }).ClickAsync();

        Assert.Equal("Én grense er endret og lagret. Målekortet viser den nå.", await page.Locator("#lagret-melding").InnerTextAsync());
        var change = page.Locator("#endringslogg tbody tr").First;
        Assert.Equal(["B.101 Andel som har mottatt økonomisk sosialhjelp", "kari", "standardgrensene", "grønn ≤ 1,5 · rød > 2,4"],
            (await change.Locator("td").AllInnerTextsAsync()).Skip(1));
        await page.GetByRole(AriaRole.Link, new() { Name = "Se målekortet for Fredrikstad" }).ClickAsync();
        var scorecard = ScorecardRow(page, "B.101");
        Assert.Equal("Rød", await scorecard.Locator(".status-tag").InnerTextAsync());
        Assert.Contains("egne grenser for Fredrikstad, satt av kari", await scorecard.Locator(".threshold-owner").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Limits_that_are_no_numbers_half_given_or_against_the_direction_are_named_on_the_form_and_nothing_is_saved()
    {
        var before = server.Store.ThresholdChanges(ScorecardData.Fredrikstad).Count;
        var page = await OpenAsKommune();
        await page.Locator("#gronn-B-102").FillAsync("mye");
        await page.Locator("#rod-B-102").FillAsync("3");
        await page.Locator("#gronn-B10").FillAsync("80");
        await page.Locator("#gronn-PL151").FillAsync("30");
        await page.Locator("#rod-PL151").FillAsync("14");

        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Lagre grensene" }).ClickAsync(), r => r.Request.Method == "POST");

        Assert.Equal(400, response.Status);
        var summary = page.Locator("#feilsammendrag");
        Assert.Equal("Rett opp dette før du lagrer:", await summary.Locator("h2").InnerTextAsync());
        Assert.Equal(
            [
                "Når lavere er bedre, må grønn grense (30) være høyst like høy som rød grense (14).",
                "Grønn grense må være et tall, for eksempel 2,5 (ikke «mye»).",
                "Skriv rød grense også, eller la begge grensene stå tomme for å bruke standardgrensene.",
            ],
            await summary.Locator("li").AllInnerTextsAsync());
        Assert.Equal("#gronn-PL151", await summary.Locator("a").First.GetAttributeAsync("href"));
        Assert.True(await summary.EvaluateAsync<bool>("e => e === document.activeElement"));
        Assert.Equal("true", await page.Locator("#gronn-B-102").GetAttributeAsync("aria-invalid"));
        Assert.Equal("mye", await page.Locator("#gronn-B-102").InputValueAsync());
        Assert.Equal("Grønn grense må være et tall, for eksempel 2,5 (ikke «mye»).", await page.Locator("#gronn-B-102-feil").InnerTextAsync());
        Assert.Equal(before, server.Store.ThresholdChanges(ScorecardData.Fredrikstad).Count);
        await Screenshot(page, "grenser-feil");
        await AccessibilityTests.AssertNoSeriousViolations(page);
    }

    [Fact]
    public async Task The_office_sees_the_municipality_s_limits_without_a_form_to_change_them()
    {
        var page = await browser.NewPageAsync(server.BaseAddress, token: server.Token);
        await page.GotoAsync(Address);

        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Lagre grensene" }).CountAsync());
        Assert.True(await page.Locator("#gronn-BL151").IsEditableAsync() is false);
        Assert.Equal("8", await page.Locator("#gronn-BL151").InputValueAsync());
        await AccessibilityTests.AssertNoSeriousViolations(page);
    }
}
