using System.Net;
using System.Text.Json;
using Malekort.Capture;
using Malekort.Periods;
using Malekort.Population;
using Malekort.Storage;
using Malekort.Units;
using Microsoft.Playwright;

namespace Malekort.Web.Definitions;

/// <summary>
/// Fredrikstad with data into 2025, where B.102's version 2 ("seks sammenhengende", from 2025-01) applies beside version 1
/// ("minst seks av de siste tolv"): person a has six scattered months, person b six in a row.
/// </summary>
public sealed class DefinitionVersionServer : ScorecardServer
{
    protected override void Seed(IMalekortStore store)
    {
        store.Migrate();
        var entry = new ImportLogEntry("befolkning.csv", "ssb-07459-csv", new DateTimeOffset(2025, 4, 6, 8, 0, 0, TimeSpan.Zero),
            ImportOutcome.Imported, null, null, null, "befolkning", new Dictionary<string, int>(StringComparer.Ordinal), []);
        store.SaveOffices([new Office("0106", "NAV Fredrikstad", [ScorecardData.Fredrikstad])], entry with { Source = "kontorer.csv", ContentHash = "kontorer" });
        store.SavePopulation(
            [
                new PopulationFigure(ScorecardData.Fredrikstad, 2024, 200, 50, 800, "test"),
                new PopulationFigure(ScorecardData.Fredrikstad, 2025, 200, 50, 800, "test"),
            ], entry);
        var b = new ScorecardData.BatchBuilder(ScorecardData.Fredrikstad, "fredrikstad-2025", to: new DateOnly(2025, 3, 31));
        var scattered = b.Person(40);
        b.Livelihood(scattered, 5);
        foreach (var month in new[] { "2024-05", "2024-07", "2024-09", "2024-11", "2025-01", "2025-03" }) b.Payment(scattered, Month.Parse(month));
        var consecutive = b.Person(50);
        b.Livelihood(consecutive, 5);
        foreach (var month in new[] { "2024-10", "2024-11", "2024-12", "2025-01", "2025-02", "2025-03" }) b.Payment(consecutive, Month.Parse(month));
        ScorecardData.Save(store, b.Build());
    }
}

/// <summary>Definition versions side by side (issue 11 item 7) in a real browser, with axe-core, and in the API.</summary>
public sealed class DefinitionVersionBrowserTests(DefinitionVersionServer server, BrowserFixture browser) : IClassFixture<DefinitionVersionServer>
{
    private async Task<IPage> Open(string path)
    {
        var page = await browser.NewPageAsync(server.BaseAddress, token: server.Token);
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response?.Status);
        return page;
    }

    private static ILocator Row(IPage page, string code) => BrowserTests.Row(page, code);

    [Fact]
    public async Task In_a_month_both_versions_apply_the_scorecard_shows_them_side_by_side_each_by_its_own_rule()
    {
        var page = await Open("/malekort?enhet=3107&maned=2025-03");

        var codes = await page.Locator("tbody tr .indicator-code").AllInnerTextsAsync();
        var first = codes.ToList().IndexOf("B.102");
        Assert.True(first >= 0, string.Join(", ", codes));
        Assert.Equal("B.102.v2", codes[first + 1]);
        // Version 1: both persons (2 of 200 aged 18–66 = 1,0 %); version 2: only the one with six months in a row (0,5 %).
        Assert.Contains("1,0\u00A0%", await Row(page, "B.102").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("0,5\u00A0%", await Row(page, "B.102.v2").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("versjon 2", await Row(page, "B.102.v2").InnerTextAsync(), StringComparison.Ordinal);
        await AccessibilityTests.AssertNoSeriousViolations(page);
    }

    [Fact]
    public async Task Before_the_new_version_starts_the_scorecard_shows_only_the_old_one()
    {
        var page = await Open("/malekort?enhet=3107&maned=2024-12");

        Assert.Equal(1, await Row(page, "B.102").CountAsync());
        Assert.Equal(0, await Row(page, "B.102.v2").CountAsync());
    }

    [Fact]
    public async Task The_api_gives_both_versions_with_which_version_each_is()
    {
        using var response = await server.Client.GetAsync(new Uri("/api/malekort?enhet=3107&maned=2025-03", UriKind.Relative),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var indicators = json.RootElement.GetProperty("indicators").EnumerateArray().ToList();
        var v1 = indicators.Single(i => i.GetProperty("code").GetString() == "B.102");
        var v2 = indicators.Single(i => i.GetProperty("code").GetString() == "B.102.v2");

        Assert.Equal(2, v1.GetProperty("numerator").GetInt64());
        Assert.Equal(1, v1.GetProperty("definition").GetProperty("version").GetInt32());
        Assert.Equal(1, v2.GetProperty("numerator").GetInt64());
        Assert.Equal(2, v2.GetProperty("definition").GetProperty("version").GetInt32());
        Assert.Equal("B.102", v2.GetProperty("definition").GetProperty("versionOf").GetString());
        Assert.Equal("2025-01", v2.GetProperty("definition").GetProperty("validFrom").GetString());
    }
}
