using System.Text;
using System.Text.RegularExpressions;
using Malekort.Indicators;
using Microsoft.Playwright;

namespace Malekort.Web.Report;

/// <summary>The monthly report and the print style sheet, printed by chromium as a leader would print them.</summary>
public sealed partial class ReportTests(ScorecardServer server, BrowserFixture browser) : IClassFixture<ScorecardServer>
{
    private const string Report = "/rapport?enhet=NAV-0106&maned=2024-12";

    // A4's printable width at CSS's 96 pixels per inch, inside the report's 10 mm margins: 190 mm.
    private const int A4ContentWidth = 718;

    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])")]
    private static partial Regex PdfPage();

    private async Task<IPage> Open(string path, int width = 1400)
    {
        var page = await browser.NewPageAsync(server.BaseAddress, width, server.Token);
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response?.Status);
        return page;
    }

    [Fact]
    public async Task The_report_prints_as_one_a4_page_holding_every_indicator()
    {
        var page = await Open(Report);
        var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = true, PreferCSSPageSize = true });
        // Chromium writes each page as an uncompressed /Type /Page object.
        Assert.Equal(1, PdfPage().Count(Encoding.Latin1.GetString(pdf)));

        await page.SetViewportSizeAsync(A4ContentWidth, 1000);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        // Every definition version that applies in December 2024 (B.102's version 2 starts in 2025).
        foreach (var definition in IndicatorCatalog.All.Where(d => d.AppliesIn(new Periods.Month(2024, 12))))
        {
            var row = page.Locator($"tr[data-indicator='{definition.Code}']");
            Assert.True(await row.IsVisibleAsync(), $"{definition.Code} mangler i rapporten.");
            Assert.Contains(definition.Name, await row.InnerTextAsync(), StringComparison.Ordinal);
        }
        Assert.False(await page.Locator(".site-header").IsVisibleAsync());
        Assert.False(await page.GetByRole(AriaRole.Button, new() { Name = "Skriv ut" }).IsVisibleAsync());
    }

    [Theory]
    [InlineData(1400)]
    [InlineData(390)]
    public async Task The_report_reads_on_a_desktop_and_a_phone_and_on_paper_at_the_width_of_a4(int width)
    {
        var page = await Open(Report, width);
        await Pages.ReadingInContextTests.Check(page, width, "rapport");

        // On paper: the page as chromium lays it out for printing, saved beside the screen pictures (docs/screenshots.md).
        await page.SetViewportSizeAsync(A4ContentWidth, 1000);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Pages.ReadingInContextTests.Check(page, A4ContentWidth, "rapport-utskrift");
    }

    [Fact]
    public async Task The_report_names_the_month_colours_targets_and_publication()
    {
        var page = await Open(Report);
        Assert.Equal("Månedsrapport for NAV Fredrikstad", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        var lead = await page.Locator(".lead").InnerTextAsync();
        Assert.StartsWith("desember 2024 · ", lead, StringComparison.Ordinal);
        Assert.Matches(@"\d+ grønne, \d+ gule, \d+ røde", lead);
        Assert.Contains("Ikke publisert for NAV Fredrikstad", await page.Locator(".report-meta").InnerTextAsync(), StringComparison.Ordinal);
        var target = page.Locator("tr[data-indicator='B.151']");
        Assert.Contains("4", await target.Locator("td").Nth(4).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Matches(@"^\d+,\d\s%\s\((ikke )?(nådd|vurdert)", (await target.Locator("td").Nth(5).InnerTextAsync()).Trim());
    }

    [Fact]
    public async Task The_print_button_runs_its_script_under_the_content_security_policy()
    {
        var page = await browser.NewPageAsync(server.BaseAddress, 1400, server.Token);
        var refused = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") refused.Add($"{message.Text} ({message.Location})"); };
        await page.GotoAsync(Report);
        // Hidden in the markup and shown only by the script: shown means the policy let it run.
        var button = page.GetByRole(AriaRole.Button, new() { Name = "Skriv ut" });
        Assert.False(await button.EvaluateAsync<bool>("b => b.hidden"));
        Assert.True(await button.IsVisibleAsync());
        Assert.True(refused.Count == 0, string.Join("\n", refused));
    }

    [Fact]
    public async Task Without_scripts_no_print_button_is_offered()
    {
        await using var context = await browser.Browser.NewContextAsync(new()
        {
            BaseURL = server.BaseAddress.ToString(),
            JavaScriptEnabled = false,
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + server.Token },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(Report);
        Assert.False(await page.Locator("[data-print]").IsVisibleAsync());
    }

    [Fact]
    public async Task Other_pages_still_run_no_script()
    {
        using var response = await server.Client.GetAsync(new Uri("/malekort?enhet=3107&maned=2024-12", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.DoesNotContain("script-src", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_scorecard_on_paper_has_no_menu_or_picker_and_its_tables_fit_the_width_of_a4()
    {
        var page = await Open("/malekort?enhet=NAV-0106&maned=2024-12");
        await page.SetViewportSizeAsync(A4ContentWidth, 1000);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.False(await page.Locator(".site-header").IsVisibleAsync());
        Assert.False(await page.Locator("form.picker").IsVisibleAsync());
        Assert.False(await page.Locator(".downloads").IsVisibleAsync());
        foreach (var table in await page.Locator("table").AllAsync())
        {
            var box = await table.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.X + box.Width <= A4ContentWidth + 1, $"Tabellen er {box.X + box.Width:0} px bred, siden {A4ContentWidth} px.");
        }
    }
}
