using System.Net.Http.Json;
using System.Text.Json;
using Malekort.Capture;
using Malekort.Confidentiality;
using Malekort.Testing.Exports;
using Microsoft.Playwright;

namespace Malekort.Web.Leader;

/// <summary>
/// NAV Fredrikstad's user types Hvaler's KVP participants for December, which Hvaler's extract lacks, in a real browser: the
/// scorecard, the API and the downloads mark the value «manuelt registrert» with who typed it, outside the office it is
/// suppressed like any small count, and when Hvaler's KVP data is imported the captured number replaces it with a note (issue 11
/// item 4). Errors are named on the form field by field. axe-core finds nothing serious on the page.
/// </summary>
public sealed class ManualValuesBrowserTests(ScorecardServer server, BrowserFixture browser) : IClassFixture<ScorecardServer>
{
    private const string Address = "/manuelt?enhet=3110&maned=2024-12";
    private const string Scorecard = "/malekort?enhet=3110&maned=2024-12";

    private async Task<IPage> Open(string path)
    {
        var page = await browser.NewPageAsync(server.BaseAddress, token: server.Token);
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response?.Status);
        return page;
    }

    private static ILocator ScorecardRow(IPage page, string code) =>
        page.Locator("tbody tr").Filter(new() { Has = page.Locator(".indicator-code").GetByText(code, new() { Exact = true }) });

    private async Task<JsonElement> Api(string path, string? token = null)
    {
        using var client = token is null ? null : TestUsers.Client(server.BaseAddress, token);
        var json = await (client ?? server.Client).GetFromJsonAsync<JsonElement>(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        return json.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "B51");
    }

    [Fact]
    public async Task A_typed_value_is_marked_everywhere_suppressed_outside_the_office_and_replaced_with_a_note_when_captured_data_arrives()
    {
        var page = await Open(Address);
        Assert.Equal("Ingen tall er registrert manuelt for Hvaler.", await page.Locator("#registrerte + p").InnerTextAsync());
        await page.GetByLabel("Indikator").SelectOptionAsync("B51");
        await page.GetByLabel("Teller eller antall").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre tallet" }).ClickAsync();

        Assert.Equal("Tallet er lagret. Målekortet viser det nå, merket «manuelt registrert».", await page.Locator("#resultat-melding").InnerTextAsync());
        var entry = page.Locator("#manuelt-B51-2024-12");
        Assert.Equal(["desember 2024", "2", "–"], (await entry.Locator("td").AllInnerTextsAsync()).Take(3));
        Assert.Equal("Vises på målekortet, merket «manuelt registrert»", await entry.Locator(".manual-status").InnerTextAsync());
        await Screenshots.Take(page, "manuelt-3110");
        await AccessibilityTests.AssertNoSeriousViolations(page);

        await page.GotoAsync(Scorecard);
        var row = ScorecardRow(page, "B51");
        Assert.Equal("2manuelt registrert", (await row.Locator("td").First.InnerTextAsync()).Replace("\n", "", StringComparison.Ordinal).Trim());
        var notes = await row.Locator("td[data-label=Merknader] li").AllInnerTextsAsync();
        Assert.Equal("Manuelt registrert: tallet er skrevet inn for hånd, ikke hentet fra fagsystemet.", notes[0]);
        Assert.StartsWith("Registrert av bruker ", notes[1], StringComparison.Ordinal);
        // Summed into the office, which says that some of its units' numbers were typed.
        var office = await Api("/api/malekort?enhet=NAV-0106&maned=2024-12");
        Assert.Contains("manual", office.GetProperty("notes").EnumerateArray().Select(n => n.GetProperty("code").GetString()));

        var api = await Api("/api/malekort?enhet=3110&maned=2024-12");
        Assert.Equal(2, api.GetProperty("numerator").GetInt64());
        Assert.Equal("bruker", api.GetProperty("manual").GetProperty("enteredBy").GetString());
        Assert.False(api.GetProperty("manual").GetProperty("replaced").GetBoolean());
        var csv = ExportFiles.Csv(await server.Client.GetStringAsync(new Uri("/api/malekort?enhet=3110&maned=2024-12&format=csv", UriKind.Relative),
            TestContext.Current.CancellationToken));
        var b51 = csv.Single(r => r.Contains("B51"));
        Assert.Equal("true", b51[Array.IndexOf(csv[0], "manual")]);
        Assert.Contains("manual", b51[Array.IndexOf(csv[0], "notes")], StringComparison.Ordinal);

        // NAV Sarpsborg sees Hvaler from outside: two participants are a small count, suppressed, still marked as typed.
        var outside = await Api("/api/malekort?enhet=3110&maned=2024-12", TestUsers.Token(server.Store, "sarpsborg", ViewerRole.Kontor, ScorecardData.NavSarpsborg));
        Assert.True(outside.GetProperty("suppressed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, outside.GetProperty("numerator").ValueKind);

        // Hvaler's KVP arrives: one participant all year.
        var kvp = new ScorecardData.BatchBuilder(ScorecardData.Hvaler, "hvaler-kvp-2024", CaptureDomains.Kvp);
        kvp.Kvp(kvp.Person(30), new DateOnly(2024, 1, 1), null, null);
        ScorecardData.Save(server.Store, kvp.Build());
        await server.ShowsStoredDataAsync();

        await page.GotoAsync(Scorecard);
        row = ScorecardRow(page, "B51");
        Assert.Equal("1", (await row.Locator("td").First.InnerTextAsync()).Trim());
        notes = await row.Locator("td[data-label=Merknader] li").AllInnerTextsAsync();
        Assert.Contains("Erstattet: et manuelt registrert tall for måneden er erstattet av innsamlede data.", notes);
        Assert.Contains(notes, n => n.StartsWith("Tallet bruker registrerte manuelt ", StringComparison.Ordinal) && n.EndsWith("er erstattet av innsamlede data for B51.", StringComparison.Ordinal));
        Assert.Equal(0, await row.Locator(".manual-tag").CountAsync());
        Assert.True((await Api("/api/malekort?enhet=3110&maned=2024-12")).GetProperty("manual").GetProperty("replaced").GetBoolean());

        await page.GotoAsync(Address);
        Assert.Equal("Erstattet av innsamlede data", await page.Locator("#manuelt-B51-2024-12 .manual-status").InnerTextAsync());
    }

    [Fact]
    public async Task A_month_with_captured_data_and_a_number_that_is_no_number_are_named_on_the_form_and_nothing_is_saved()
    {
        var before = server.Store.ManualValueChanges(ScorecardData.Hvaler).Count;
        var page = await Open(Address);
        await page.GetByLabel("Indikator").SelectOptionAsync("BL151");
        await page.GetByLabel("Teller eller antall").FillAsync("mange");

        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre tallet" }).ClickAsync();

        Assert.Equal(
            ["Hvaler har innsamlede data for BL151 i desember 2024; manuelle tall brukes bare for måneder uten.",
             "Antallet må være et helt tall, for eksempel 12 eller 1 234 (ikke «mange»)."],
            await page.Locator("#feilsammendrag li").AllInnerTextsAsync());
        Assert.Equal("mange", await page.GetByLabel("Teller eller antall").InputValueAsync());
        Assert.Equal(before, server.Store.ManualValueChanges(ScorecardData.Hvaler).Count);
        await AccessibilityTests.AssertNoSeriousViolations(page);

        await page.GetByLabel("Måned (ÅÅÅÅ-MM)").FillAsync("2099-01");
        await page.GetByLabel("Teller eller antall").FillAsync("4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre tallet" }).ClickAsync();
        Assert.Equal(["Januar 2099 har ikke begynt ennå; et tall kan registreres for denne og tidligere måneder."],
            await page.Locator("#feilsammendrag li").AllInnerTextsAsync());
    }
}
