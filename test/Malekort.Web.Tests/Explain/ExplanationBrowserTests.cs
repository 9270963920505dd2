using System.Text.Json;
using Malekort.Confidentiality;
using Microsoft.Playwright;

namespace Malekort.Web.Explain;

/// <summary>
/// An office user in a real browser opens who was counted in a count of its own municipality from the scorecard, looks up
/// persons by fødselsnummer, is refused another office's municipality, and the audit log shows exactly those views.
/// </summary>
public sealed class ExplanationBrowserTests(ExplanationServer server, BrowserFixture browser) : IClassFixture<ExplanationServer>
{
    [Fact]
    public async Task The_office_opens_who_was_counted_in_its_own_unit_is_refused_another_office_and_the_audit_log_shows_exactly_those_views()
    {
        var page = await browser.NewPageAsync(server.BaseAddress, token: server.Token);

        // From the scorecard of Råde, one of NAV Fredrikstad's own municipalities.
        await page.GotoAsync("/malekort?enhet=3112&maned=2024-12");
        await page.GetByRole(AriaRole.Link, new() { Name = "BL151 telleren: 2", Exact = true }).ClickAsync();

        Assert.Equal("Hvem er telt i BL151 for Råde, desember 2024", (await page.InnerTextAsync("h1")).Trim());
        var shown = await page.Locator("#telte-personer .pseudonym").AllInnerTextsAsync();
        Assert.Equal(2, shown.Count);
        Assert.All(shown, p => Assert.Matches("^P-[0-9a-f]{10}$", p));
        // The recipient of all 2024 has a full strip; the one from July has six months.
        var strips = await page.Locator("#telte-personer .month-strip").AllAsync();
        var assisted = await Task.WhenAll(strips.Select(s => s.Locator("li[data-assistance=ja]").CountAsync()));
        Assert.Equal([6, 12], assisted.Order().ToArray());
        Assert.Contains("Utbetaling av økonomisk sosialhjelp", await page.InnerTextAsync("#telte-personer"), StringComparison.Ordinal);
        Assert.Contains("uttrekk-3112.zip", await page.InnerTextAsync("#telte-personer"), StringComparison.Ordinal);
        await AccessibilityTests.AssertNoSeriousViolations(page);

        // A number with a wrong control digit is refused on the form, in Norwegian, and looks nobody up.
        var wrong = ExplanationServer.Counted[..10] + (char)('0' + (ExplanationServer.Counted[10] - '0' + 1) % 10);
        await LookUp(page, wrong);
        Assert.Contains("feil kontrollsiffer", await page.InnerTextAsync("#fodselsnummer-feil"), StringComparison.Ordinal);
        Assert.Equal("true", await page.GetAttributeAsync("#fodselsnummer", "aria-invalid"));
        Assert.DoesNotContain(wrong, await page.ContentAsync(), StringComparison.Ordinal);
        await AccessibilityTests.AssertNoSeriousViolations(page);

        await LookUp(page, ExplanationServer.Counted);
        var found = (await page.InnerTextAsync("#oppslag-svar")).Trim();
        Assert.Matches("^Personen P-[0-9a-f]{10} er telt i telleren for BL151 i desember 2024, fordi:$", found);
        var countedPerson = found.Split(' ')[1];
        Assert.Contains(countedPerson, shown);
        Assert.Equal(12, await page.Locator("#oppslag-person li[data-assistance=ja]").CountAsync());
        Assert.DoesNotContain(ExplanationServer.Counted, await page.ContentAsync(), StringComparison.Ordinal);

        await LookUp(page, ExplanationServer.NotCountedInDecember);
        var notFound = (await page.InnerTextAsync("#oppslag-svar")).Trim();
        Assert.Contains("er ikke telt i telleren for BL151 i desember 2024", notFound, StringComparison.Ordinal);
        var otherPerson = notFound.Split(' ')[1];

        // NAV Sarpsborg's municipality: refused, and nothing about its persons is shown.
        var refused = await page.GotoAsync("/malekort/forklaring?enhet=3105&maned=2024-12&indikator=BL151");
        Assert.Equal(403, refused!.Status);
        Assert.Equal(0, await page.Locator(".pseudonym").CountAsync());

        using var admin = TestUsers.Client(server.BaseAddress, TestUsers.Token(server.Store, "drift", ViewerRole.Admin));
        var log = JsonDocument.Parse(await admin.GetStringAsync(new Uri("/api/revisjonslogg", UriKind.Relative), TestContext.Current.CancellationToken))
            .RootElement.EnumerateArray()
            .Select(e => (User: e.GetProperty("user").GetString(), Unit: e.GetProperty("unit").GetString(), Month: e.GetProperty("month").GetString(),
                Indicator: e.GetProperty("indicator").GetString(), Action: e.GetProperty("action").GetString(),
                Persons: string.Join(' ', e.GetProperty("persons").EnumerateArray().Select(p => p.GetString()))))
            .ToList();
        Assert.Equal(
            [
                ("bruker", "3112", "2024-12", "BL151", "personLookup", otherPerson),
                ("bruker", "3112", "2024-12", "BL151", "personLookup", countedPerson),
                ("bruker", "3112", "2024-12", "BL151", "explanation", string.Join(' ', shown)),
            ],
            log);
    }

    private static async Task LookUp(IPage page, string number)
    {
        await page.GetByLabel("Fødselsnummer eller D-nummer (11 siffer)").FillAsync(number);
        await page.GetByRole(AriaRole.Button, new() { Name = "Slå opp", Exact = true }).ClickAsync();
    }
}
