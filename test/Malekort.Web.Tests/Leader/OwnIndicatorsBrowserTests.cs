using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Malekort.Confidentiality;
using Microsoft.Playwright;

namespace Malekort.Web.Leader;

/// <summary>
/// NAV Fredrikstad's user defines an own indicator by formula in a real browser (issue 11 item 6): the share of young recipients,
/// <c>BL153 / BL151 * 100</c>. The scorecard shows it under «Egne indikatorer» with its numerator and denominator on click, worked
/// out by hand from <see cref="ScorecardData"/> (December 2024: in Fredrikstad 5 of the 10 recipients are 22, Hvaler's 2 are 45, so
/// NAV Fredrikstad has 5 of 12); bad formulas get a Norwegian error beside the field with the column; another office sees nothing
/// of it and is refused with 403 when it asks for it by code. axe-core finds nothing serious on the pages.
/// </summary>
public sealed class OwnIndicatorsBrowserTests(ScorecardServer server, BrowserFixture browser) : IClassFixture<ScorecardServer>
{
    internal const string Address = "/egne-indikatorer";

    private Task<IPage> Open(string path, string? token = null) => Open(server, browser, path, token);

    /// <summary>A new page on the server at the path, signed in with the token (the office's own when not given).</summary>
    internal static async Task<IPage> Open(ScorecardServer server, BrowserFixture browser, string path, string? token = null)
    {
        var page = await browser.NewPageAsync(server.BaseAddress, token: token ?? server.Token);
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response?.Status);
        return page;
    }

    internal static ILocator ScorecardRow(IPage page, string code) =>
        page.Locator("tbody tr").Filter(new() { Has = page.Locator(".indicator-code").GetByText(code, new() { Exact = true }) });

    internal static async Task Define(IPage page, string code, string formula, string measure = "prosent", string sharedWith = "")
    {
        await page.GetByLabel("Gi indikatoren til (valgfritt)").FillAsync(sharedWith);
        await page.GetByLabel("Kode").FillAsync(code);
        await page.GetByLabel("Navn").FillAsync($"Egen {code}");
        await page.GetByLabel("Formel").FillAsync(formula);
        await page.GetByLabel("Hva er bedre?").SelectOptionAsync("lavere");
        await page.GetByLabel("Måleenhet").FillAsync(measure);
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre indikatoren" }).ClickAsync();
    }

    internal static string Plain(string text) => text.Replace('\u00a0', ' ').Replace("\n", " ", StringComparison.Ordinal).Trim();

    [Fact]
    public async Task An_office_defines_a_share_by_formula_and_sees_its_value_numerator_and_denominator_on_the_scorecard_and_nobody_else_does()
    {
        var page = await Open(Address);
        await Define(page, "EGEN.UNGE", "BL153 / BL151 * 100");

        Assert.Equal("Indikatoren er lagret. Målekortet viser den nå under «Egne indikatorer».", await page.Locator("#resultat-melding").InnerTextAsync());
        var line = page.Locator("#egen-EGEN-UNGE");
        Assert.Equal("BL153 / BL151 * 100", await line.Locator("td[data-label=Formel]").InnerTextAsync());
        Assert.Equal("andel i prosent (prosent)", await line.Locator("td[data-label=Slag]").InnerTextAsync());
        await AccessibilityTests.AssertNoSeriousViolations(page);

        await page.GotoAsync("/malekort?enhet=NAV-0106&maned=2024-12");
        Assert.Contains("Egne indikatorer", await page.Locator("h3.indicator-group").AllInnerTextsAsync());
        var row = ScorecardRow(page, "EGEN.UNGE");
        Assert.Equal("41,7 %", Plain(await row.Locator("td[data-label=Verdi]").InnerTextAsync()));
        await row.Locator("summary").ClickAsync();
        Assert.Equal(["5", "12"], await row.Locator("dl.fraction .number").AllInnerTextsAsync());
        Assert.Contains("BL153", await row.Locator("dl.fraction dd").First.InnerTextAsync(), StringComparison.Ordinal);
        await AccessibilityTests.AssertNoSeriousViolations(page);
        await page.GotoAsync("/malekort?enhet=3107&maned=2024-12");
        Assert.Equal("50,0 %", Plain(await ScorecardRow(page, "EGEN.UNGE").Locator("td[data-label=Verdi]").InnerTextAsync()));

        // The API has it for NAV Fredrikstad; NAV Sarpsborg's scorecard, page and API have nothing of it, and asking by code is refused.
        var mine = await server.Client.GetFromJsonAsync<JsonElement>(new Uri("/api/malekort?enhet=NAV-0106&maned=2024-12", UriKind.Relative),
            TestContext.Current.CancellationToken);
        var json = mine.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "EGEN.UNGE");
        Assert.Equal((5, 12), (json.GetProperty("numerator").GetInt64(), json.GetProperty("denominator").GetInt64()));
        var sarpsborg = TestUsers.Token(server.Store, "sarpsborg-egen", ViewerRole.Kontor, ScorecardData.NavSarpsborg);
        var other = await Open("/malekort?enhet=NAV-0106&maned=2024-12", sarpsborg);
        Assert.Equal(0, await ScorecardRow(other, "EGEN.UNGE").CountAsync());
        await other.GotoAsync(Address);
        Assert.Equal(0, await other.Locator("#egen-EGEN-UNGE").CountAsync());
        using var client = TestUsers.Client(server.BaseAddress, sarpsborg);
        var theirs = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/malekort?enhet=NAV-0106&maned=2024-12", UriKind.Relative),
            TestContext.Current.CancellationToken);
        Assert.DoesNotContain(theirs.GetProperty("indicators").EnumerateArray(), i => i.GetProperty("code").GetString() == "EGEN.UNGE");
        foreach (var path in new[] { "/historikk?enhet=NAV-0106&indikator=EGEN.UNGE", "/api/indikatorer?enhet=NAV-0106&indikator=EGEN.UNGE",
            "/egne-indikatorer?kode=EGEN.UNGE" })
        {
            using var refused = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.True(refused.StatusCode == HttpStatusCode.Forbidden, $"{path}: {refused.StatusCode}");
        }
        using var history = await server.Client.GetAsync(new Uri("/historikk?enhet=NAV-0106&indikator=EGEN.UNGE", UriKind.Relative),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, history.StatusCode);
    }

    [Fact]
    public async Task A_bad_formula_is_named_beside_its_field_with_the_column_and_nothing_is_saved()
    {
        var page = await Open(Address);
        await Define(page, "EGEN.SIRKEL", "BL151 - BL153", "personer");
        Assert.Equal("Indikatoren er lagret. Målekortet viser den nå under «Egne indikatorer».", await page.Locator("#resultat-melding").InnerTextAsync());

        // (formula, its error) as the form shows them: an unknown code, a circle through the indicator just saved, a division inside.
        (string Formula, string Error)[] cases =
        [
            ("BL166 / BL15 * 100", "Tegn 9: Ukjent kode «BL15». Mente du «BL151», «BL152», «BL153»?"),
            ("EGEN.FEIL + BL151", "Tegn 1: Sirkulær referanse: EGEN.FEIL → EGEN.FEIL. En indikator kan ikke bygge på seg selv."),
            ("BL151 - BL166 / BL151", "Tegn 15: Deling er bare lov øverst i formelen, som «teller / nevner» (eventuelt «* 100»)."),
        ];
        foreach (var (formula, error) in cases)
        {
            await page.GotoAsync(Address);
            await Define(page, "EGEN.FEIL", formula);

            var shown = await page.Locator("#formel-feil").InnerTextAsync();
            Assert.StartsWith(error, shown, StringComparison.Ordinal);
            Assert.StartsWith(error, Assert.Single(await page.Locator("#feilsammendrag li").AllInnerTextsAsync()), StringComparison.Ordinal);
            Assert.Equal(formula, await page.GetByLabel("Formel").InputValueAsync());
            Assert.Equal("true", await page.GetByLabel("Formel").GetAttributeAsync("aria-invalid"));
        }
        await AccessibilityTests.AssertNoSeriousViolations(page);

        // A circle through another own indicator: EGEN.SIRKEL changed to name EGEN.RUNDT, which names EGEN.SIRKEL.
        await page.GotoAsync(Address);
        await Define(page, "EGEN.RUNDT", "EGEN.SIRKEL + 1", "personer");
        await page.GotoAsync($"{Address}?kode=EGEN.SIRKEL");
        Assert.Equal("BL151 - BL153", await page.GetByLabel("Formel").InputValueAsync());
        await page.GetByLabel("Formel").FillAsync("EGEN.RUNDT * 2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre indikatoren" }).ClickAsync();
        Assert.StartsWith("Tegn 1: Sirkulær referanse: EGEN.SIRKEL → EGEN.RUNDT → EGEN.SIRKEL.", await page.Locator("#formel-feil").InnerTextAsync(),
            StringComparison.Ordinal);

        Assert.DoesNotContain(server.Store.OwnIndicators(), o => o.Code == "EGEN.FEIL");
        Assert.Equal("BL151 - BL153", server.Store.OwnIndicators().Single(o => o.Code == "EGEN.SIRKEL").Formula);
    }

    [Fact]
    public async Task An_own_indicator_given_to_the_municipality_gets_its_limits_and_a_target_and_is_coloured_on_the_scorecard()
    {
        // NAV Fredrikstad defines recipients older than 24 and gives it to Fredrikstad: in December 10 − 5 = 5 there.
        var page = await Open(Address);
        await Define(page, "EGEN.ELDRE", "BL151 - BL153", "personer", "3107");
        Assert.Equal("Fredrikstad", await page.Locator("#egen-EGEN-ELDRE td[data-label='Gitt til']").InnerTextAsync());

        // Fredrikstad's own user sets its limits (lower is better: green up to 4, red over 8) and a yearly target of 5.
        var kommune = await Open("/grenser?enhet=3107&maned=2024-12", TestUsers.Token(server.Store, "kari-egen", ViewerRole.Kommune, ScorecardData.Fredrikstad));
        var limits = kommune.Locator("#grense-EGEN-ELDRE");
        await limits.GetByLabel("Grønn til og med").FillAsync("4");
        await limits.GetByLabel("Rød over").FillAsync("8");
        await kommune.GetByRole(AriaRole.Button, new() { Name = "Lagre grensene" }).ClickAsync();
        Assert.Equal("Én grense er endret og lagret. Målekortet viser den nå.", await kommune.Locator("#lagret-melding").InnerTextAsync());
        await kommune.GotoAsync("/mal?enhet=3107&ar=2024");
        await kommune.GetByLabel("Indikator").SelectOptionAsync("EGEN.ELDRE");
        await kommune.GetByLabel("Årsmål", new() { Exact = true }).FillAsync("5");
        await kommune.GetByRole(AriaRole.Button, new() { Name = "Lagre måltall" }).ClickAsync();
        Assert.Equal("Måltallene er lagret. Målekortet viser dem nå.", await kommune.Locator("#resultat-melding").InnerTextAsync());

        await kommune.GotoAsync("/malekort?enhet=3107&maned=2024-12");
        var row = ScorecardRow(kommune, "EGEN.ELDRE");
        Assert.Equal("5", Plain(await row.Locator("td[data-label=Verdi]").InnerTextAsync()));
        Assert.Equal("Gul", await row.Locator(".status-tag").InnerTextAsync());
        Assert.Contains("Mål 5", await row.InnerTextAsync(), StringComparison.Ordinal);
        await AccessibilityTests.AssertNoSeriousViolations(kommune);
    }
}
