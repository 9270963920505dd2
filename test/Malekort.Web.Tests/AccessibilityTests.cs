using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace Malekort.Web;

/// <summary>axe-core finds no serious or critical WCAG 2.1 A/AA violation on any page.</summary>
public sealed class AccessibilityTests(ScorecardServer server, BrowserFixture browser) : IClassFixture<ScorecardServer>
{
    [Theory]
    [InlineData("/malekort?enhet=3107&maned=2024-12", 1280)]
    [InlineData("/malekort?enhet=NAV-0106&maned=2024-12", 1280)]
    [InlineData("/sammenlign?indikator=B.101&maned=2024-12", 1280)]
    [InlineData("/datakvalitet", 1280)]
    [InlineData("/rapport?enhet=NAV-0106&maned=2024-12", 1280)]
    [InlineData("/rapport?enhet=NAV-0106&maned=2024-12", 400)]
    [InlineData("/api-dokumentasjon", 1280)]
    [InlineData("/malekort?enhet=3107&maned=2024-13", 1280)]
    // On a phone the tables scroll sideways: the scrolling regions must be reachable by keyboard.
    [InlineData("/malekort?enhet=3107&maned=2024-12", 400)]
    [InlineData("/datakvalitet", 400)]
    public async Task Page_has_no_serious_or_critical_wcag_violations(string path, int width)
    {
        var page = await browser.NewPageAsync(server.BaseAddress, width, server.Token);
        await page.GotoAsync(path);
        // Open every indicator so the numerator and denominator are checked too. The page has no script on <details>, so
        // opening them all at once gives the document a click on each summary gives, without a round trip per indicator
        // (the scorecard has dozens; clicking them one by one was most of this test's time).
        await page.Locator("details").EvaluateAllAsync<int>("all => { all.forEach(d => d.open = true); return all.length; }");
        await AssertNoSeriousViolations(page);
    }

    /// <summary>axe-core's WCAG 2.1 A/AA rules on the page as it is now: no serious or critical violation, and some rule passed.</summary>
    internal static async Task AssertNoSeriousViolations(Microsoft.Playwright.IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")));
        Assert.NotEmpty(result.Passes);
    }
}
