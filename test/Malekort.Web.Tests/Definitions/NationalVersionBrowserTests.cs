using System.Net;
using System.Text.Json;
using Malekort.Confidentiality;
using Microsoft.Playwright;

namespace Malekort.Web.Definitions;

/// <summary>
/// The directorate adds a version of a national indicator in a real browser (issue 11 item 7), on <see cref="DefinitionVersionServer"/>'s
/// Fredrikstad: B.102 version 3 from February 2025, «BL151 / BEF.18_66 * 100» (everyone with assistance in the month, of the 200 aged
/// 18–66). Worked out by hand: in February only the person with six months in a row was paid (1 of 200: 0,5 %), in March both were
/// (2 of 200: 1,0 %). The scorecard shows it beside versions 1 and 2 from February, not before; the API gives January empty with
/// <c>notInForce</c>, never 0; the directorate, which sees Fredrikstad from outside, gets the small counts as «:». An office's user is
/// refused the form. axe-core finds nothing serious on the pages.
/// </summary>
public sealed class NationalVersionBrowserTests(DefinitionVersionServer server, BrowserFixture browser) : IClassFixture<DefinitionVersionServer>
{
    private async Task<IPage> Open(string path, string token)
    {
        var page = await browser.NewPageAsync(server.BaseAddress, token: token);
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response?.Status);
        return page;
    }

    private string Directorate => TestUsers.Token(server.Store, "direktoratet", ViewerRole.Direktorat);

    private static ILocator Row(IPage page, string code) => BrowserTests.Row(page, code);

    private static string Plain(string text) => text.Replace('\u00a0', ' ').Replace("\n", " ", StringComparison.Ordinal).Trim();

    private static async Task Add(IPage page, string from, string formula)
    {
        await page.GetByLabel("Indikator").SelectOptionAsync("B.102");
        await page.GetByLabel("Gjelder fra måned").FillAsync(from);
        await page.GetByLabel("Formel").FillAsync(formula);
        await page.GetByLabel("Hva er endret").FillAsync("Teller alle med økonomisk sosialhjelp i måneden.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Legg til versjonen" }).ClickAsync();
    }

    [Fact]
    public async Task The_directorate_adds_a_version_from_a_month_and_the_scorecard_shows_it_beside_the_others_from_that_month_and_not_before()
    {
        var page = await Open("/definisjoner", Directorate);
        await page.GetByRole(AriaRole.Link, new() { Name = "Legg til en ny versjon av en nasjonal indikator" }).ClickAsync();
        await AccessibilityTests.AssertNoSeriousViolations(page);

        // A formula with an unknown code and a month that is none: each problem beside its field, the formula's with its column.
        await Add(page, "2025-13", "BL15 / BEF.18_66 * 100");
        Assert.Contains("Tegn 1: Ukjent kode «BL15»", await page.Locator("#formel-feil").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("«2025-13» er ikke en måned", await page.Locator("#fra-feil").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("true", await page.Locator("#formel").GetAttributeAsync("aria-invalid"));
        Assert.Equal(2, await page.Locator("#feilsammendrag li").CountAsync());
        await AccessibilityTests.AssertNoSeriousViolations(page);

        await Add(page, "2025-02", "BL151 / BEF.18_66 * 100");
        Assert.Equal("Versjonen B.102.v3 er lagt til. Målekortet viser den fra den første måneden den gjelder.",
            await page.Locator("#resultat-melding").InnerTextAsync());
        var line = page.Locator("#definisjon-B-102-v3");
        Assert.Equal("fra februar 2025", await line.Locator("td[data-label=Gjelder]").InnerTextAsync());
        Assert.Equal("Formel: BL151 / BEF.18_66 * 100", await line.Locator("td[data-label=Teller]").InnerTextAsync());
        Assert.StartsWith("direktoratet, ", await line.Locator("td[data-label='Lagt til']").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("fra januar 2025", await page.Locator("#definisjon-B-102-v2 td[data-label=Gjelder]").InnerTextAsync());
        await AccessibilityTests.AssertNoSeriousViolations(page);

        // The office sees Fredrikstad in full: version 3 beside versions 1 and 2, each by its own rule.
        var office = await Open("/malekort?enhet=3107&maned=2025-03", server.Token);
        var codes = (await office.Locator("tbody tr .indicator-code").AllInnerTextsAsync()).ToList();
        var first = codes.IndexOf("B.102");
        Assert.Equal(["B.102", "B.102.v2", "B.102.v3"], codes.Skip(first).Take(3));
        Assert.Equal("1,0 %", Plain(await Row(office, "B.102").Locator("td[data-label=Verdi]").InnerTextAsync()));
        Assert.Equal("0,5 %", Plain(await Row(office, "B.102.v2").Locator("td[data-label=Verdi]").InnerTextAsync()));
        Assert.Equal("1,0 %", Plain(await Row(office, "B.102.v3").Locator("td[data-label=Verdi]").InnerTextAsync()));
        Assert.Contains("versjon 3", await Row(office, "B.102.v3").InnerTextAsync(), StringComparison.Ordinal);
        await AccessibilityTests.AssertNoSeriousViolations(office);
        await office.GotoAsync("/malekort?enhet=3107&maned=2025-02");
        Assert.Equal("0,5 %", Plain(await Row(office, "B.102.v3").Locator("td[data-label=Verdi]").InnerTextAsync()));
        await office.GotoAsync("/malekort?enhet=3107&maned=2025-01");
        Assert.Equal(1, await Row(office, "B.102.v2").CountAsync());
        Assert.Equal(0, await Row(office, "B.102.v3").CountAsync());

        // Its history has January empty, saying the version does not apply, never 0.
        await office.GotoAsync("/historikk?indikator=B.102.v3&enhet=3107&maned=2025-03");
        var january = office.Locator("tbody tr").Filter(new() { Has = office.Locator("th", new() { HasTextString = "januar 2025" }) });
        Assert.DoesNotContain("0", Plain(await january.Locator("td[data-label=Verdi]").InnerTextAsync()), StringComparison.Ordinal);
        Assert.Equal("1,0 %", Plain(await office.Locator("tbody tr").Filter(new() { Has = office.Locator("th", new() { HasTextString = "mars 2025" }) })
            .Locator("td[data-label=Verdi]").InnerTextAsync()));
        await AccessibilityTests.AssertNoSeriousViolations(office);

        // The API: January empty with its reason, February and March by the formula.
        using var response = await server.Client.GetAsync(new Uri("/api/indikatorer?enhet=3107&indikator=B.102.v3&fra=2025-01&til=2025-03", UriKind.Relative),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var rows = json.RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("month").GetString()!);
        Assert.Equal(JsonValueKind.Null, rows["2025-01"].GetProperty("value").ValueKind);
        Assert.Equal("notInForce", rows["2025-01"].GetProperty("reason").GetString());
        Assert.Equal((1, 200), (rows["2025-02"].GetProperty("numerator").GetInt64(), rows["2025-02"].GetProperty("denominator").GetInt64()));
        Assert.Equal((2, 200), (rows["2025-03"].GetProperty("numerator").GetInt64(), rows["2025-03"].GetProperty("denominator").GetInt64()));

        // The directorate sees Fredrikstad from outside: the new version's small count is suppressed like every other.
        var outside = await Open("/malekort?enhet=3107&maned=2025-03", Directorate);
        Assert.Contains(":", await Row(outside, "B.102.v3").Locator("td[data-label=Verdi]").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_office_leader_is_refused_the_form_and_sees_the_definitions_without_the_link_to_it()
    {
        var page = await browser.NewPageAsync(server.BaseAddress, token: server.Token);
        var refused = await page.GotoAsync("/definisjoner/ny");
        Assert.Equal(403, refused?.Status);

        var list = await Open("/definisjoner", server.Token);
        Assert.Equal(0, await list.Locator("#ny-versjon").CountAsync());
        Assert.Equal(1, await list.Locator("#definisjon-B-102-v2").CountAsync());
        await AccessibilityTests.AssertNoSeriousViolations(list);
    }
}
