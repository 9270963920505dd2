using Microsoft.Playwright;

namespace Malekort.Web.Pages;

/// <summary>
/// A leader digs into the scorecard as a user would, on a desktop (1400 px) and a phone (390 px): from an office to its
/// municipalities, from a county to its offices, from a value to its history and its comparison, where the comparison filters,
/// sorts and highlights (issue 12, items 2–4). Every page passes axe and never scrolls sideways. With <c>MALEKORT_SCREENSHOTS</c>
/// set to a folder, each page is saved there as a picture (docs/screenshots.md).
/// </summary>
public sealed class ReadingInContextTests(ScorecardServer server, BrowserFixture browser) : IClassFixture<ScorecardServer>
{
    private static readonly string? ScreenshotFolder = Environment.GetEnvironmentVariable("MALEKORT_SCREENSHOTS");

    private async Task<IPage> Open(string path, int width)
    {
        var page = await browser.NewPageAsync(server.BaseAddress, width, server.Token);
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response?.Status);
        return page;
    }

    /// <summary>axe finds nothing serious, the page is no wider than the screen, and the picture is saved when asked.</summary>
    internal static async Task Check(IPage page, int width, string name)
    {
        await AccessibilityTests.AssertNoSeriousViolations(page);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            $"{page.Url} er bredere enn {width} px: {await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")} px");
        if (ScreenshotFolder is null) return;
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, $"{name}-{width}.png"), FullPage = true });
    }

    private static ILocator Row(IPage page, string code) =>
        page.Locator("tbody tr").Filter(new() { Has = page.Locator(".indicator-code").GetByText(code, new() { Exact = true }) });

    [Theory]
    [InlineData(1400)]
    [InlineData(390)]
    public async Task An_office_opens_into_its_municipalities_and_each_leads_to_its_own_scorecard(int width)
    {
        var page = await Open("/malekort?enhet=NAV-0106&maned=2024-12", width);
        await Check(page, width, "malekort");
        await page.GetByRole(AriaRole.Link, new() { Name = "Kommunene og bydelene kontoret betjener: alle indikatorer" }).ClickAsync();

        await page.WaitForURLAsync("**/nedbrytning?enhet=NAV-0106&maned=2024-12");
        var table = page.GetByRole(AriaRole.Table);
        Assert.Equal(["Indikator", "NAV Fredrikstad (sum)", "Fredrikstad", "Hvaler"],
            (await table.Locator("thead th").AllInnerTextsAsync()).Select(t => t.Trim()));
        // Recipients in December: 10 in Fredrikstad and 2 in Hvaler make the office's 12, each with its status in words.
        var recipients = Row(page, "BL151");
        Assert.Equal(["12", "10", "2"], (await recipients.Locator("td").AllInnerTextsAsync()).Select(t => t.Split('\n')[0].Trim()));
        Assert.Equal(3, await recipients.Locator(".status-tag").CountAsync());
        await Check(page, width, "nedbrytning");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Kommunene og bydelene kontoret betjener" })
            .GetByRole(AriaRole.Link, new() { Name = "Hvaler" }).ClickAsync();
        await page.WaitForURLAsync("**/malekort?enhet=3110&maned=2024-12");
    }

    [Fact]
    public async Task A_county_opens_into_its_offices()
    {
        var page = await Open("/malekort?enhet=31&maned=2024-12", 1400);
        await page.GetByRole(AriaRole.Link, new() { Name = "NAV-kontorene i fylket: alle indikatorer" }).ClickAsync();

        await page.WaitForURLAsync("**/nedbrytning?enhet=31&maned=2024-12");
        Assert.Equal(["Indikator", "Østfold (sum)", "NAV Sarpsborg", "NAV Fredrikstad"],
            (await page.Locator("thead th").AllInnerTextsAsync()).Select(t => t.Trim()));
    }

    [Theory]
    [InlineData(1400)]
    [InlineData(390)]
    public async Task A_value_says_how_it_moved_and_leads_to_its_history_of_36_months_with_the_threshold_as_bands(int width)
    {
        var page = await Open("/malekort?enhet=3107&maned=2024-06", width);
        var recipients = Row(page, "BL151");
        // 6 recipients in June, 5 in May; June 2023 was before the data began: said so, never compared with 0.
        Assert.Equal(["↑ Opp 1 fra mai 2024", "Ingen verdi å sammenligne med fra juni 2023"],
            (await recipients.Locator(".changes li").AllInnerTextsAsync()).Select(t => t.Trim()));
        await recipients.GetByRole(AriaRole.Link, new() { Name = "Historikk for Antall mottakere av økonomisk sosialhjelp" }).ClickAsync();

        await page.WaitForURLAsync("**/historikk?indikator=BL151&enhet=3107&maned=2024-06");
        var chart = page.GetByRole(AriaRole.Img, new() { Name = "Linjediagram: Antall mottakere av økonomisk sosialhjelp for Fredrikstad, 36 måneder til og med juni 2024. Tallene står i tabellen under." });
        Assert.True(await chart.IsVisibleAsync());
        // Fredrikstad's own limits (green ≤ 8, red > 12) lie behind the line; six months have a value, each a dot.
        Assert.Equal(3, await chart.Locator("rect[class^=band-]").CountAsync());
        Assert.Equal(6, await chart.Locator("circle").CountAsync());
        Assert.Contains("grønn ≤ 8 · rød > 12, satt av Fredrikstad kommune", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        var rows = page.GetByRole(AriaRole.Table, new() { Name = "Antall mottakere av økonomisk sosialhjelp for Fredrikstad, nyeste måned først" })
            .Locator("tbody tr");
        Assert.Equal(36, await rows.CountAsync());
        Assert.Equal("juni 2024", (await rows.First.Locator("th").InnerTextAsync()).Trim());
        Assert.Equal("6", (await rows.First.Locator("td").First.InnerTextAsync()).Trim());
        Assert.Contains("Opp 1 fra mai 2024", await rows.First.Locator("td").Last.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Ikke fanget", (await rows.Last.Locator("td").First.InnerTextAsync()).Trim());
        await Check(page, width, "historikk");
    }

    [Theory]
    [InlineData(1400)]
    [InlineData(390)]
    public async Task A_value_leads_to_its_comparison_which_highlights_the_unit_filters_by_level_and_sorts_on_the_server(int width)
    {
        var page = await Open("/malekort?enhet=3107&maned=2024-12", width);
        await Row(page, "BL151").GetByRole(AriaRole.Link, new() { Name = "Sammenlign Antall mottakere av økonomisk sosialhjelp med andre enheter" })
            .ClickAsync();

        await page.WaitForURLAsync("**/sammenlign?indikator=BL151&enhet=3107&maned=2024-12");
        Assert.Equal("BL151", await page.GetByLabel("Indikator").InputValueAsync());
        Assert.Equal("kommuner", await page.GetByLabel("Enheter", new() { Exact = true }).InputValueAsync());
        var rows = page.Locator("tbody tr");
        // The county and the country first, as references; then the municipalities, highest value first, Fredrikstad marked.
        Assert.Equal(["Referanse Østfold (31)", "Referanse Hele landet (0)", "Valgt enhet Fredrikstad (3107)", "Sarpsborg (3105)", "Hvaler (3110)"],
            (await rows.Locator("th").AllInnerTextsAsync()).Select(t => t.Replace('\n', ' ').Trim()));
        Assert.Equal(1, await page.Locator("tr.own-row").CountAsync());
        await Check(page, width, "sammenlign");

        if (width >= 600)
        {
            // On a desktop the column heading sorts; on a phone the headings are written into each card, and the form sorts.
            await page.Locator("thead").GetByRole(AriaRole.Link, new() { Name = "sorter etter navn" }).ClickAsync();
            await page.WaitForURLAsync("**/sammenlign?indikator=BL151&niva=kommuner&sorter=navn&enhet=3107&maned=2024-12");
            Assert.Equal("ascending", await page.Locator("thead th").First.GetAttributeAsync("aria-sort"));
        }
        else
        {
            await page.GetByLabel("Rekkefølge").SelectOptionAsync("navn");
            await page.GetByRole(AriaRole.Button, new() { Name = "Sammenlign" }).ClickAsync();
            await page.WaitForURLAsync("**/sammenlign?enhet=3107&indikator=BL151&maned=2024-12&niva=kommuner&sorter=navn");
        }
        Assert.Equal(["Fredrikstad", "Hvaler", "Sarpsborg"], await page.Locator("tbody tr:not(.reference-row) th a").AllInnerTextsAsync());

        await page.GetByLabel("Enheter", new() { Exact = true }).SelectOptionAsync("kontorer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sammenlign" }).ClickAsync();
        await page.WaitForURLAsync("**/sammenlign?enhet=3107&indikator=BL151&maned=2024-12&niva=kontorer&sorter=navn");
        Assert.Equal(["NAV Fredrikstad", "NAV Sarpsborg"], await page.Locator("tbody tr:not(.reference-row) th a").AllInnerTextsAsync());
    }

    [Theory]
    [InlineData(1400)]
    [InlineData(390)]
    public async Task A_chosen_set_of_units_is_saved_under_a_name_and_compared_again_from_its_link(int width)
    {
        var page = await Open("/sammenlign?indikator=BL151&maned=2024-12", width);
        await page.GetByLabel("Navn på gruppen").FillAsync("Nedre Glomma");
        await page.GetByLabel("Enheter i gruppen").FillAsync("Sarpsborg, fredrikstad");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre gruppen" }).ClickAsync();

        await page.WaitForURLAsync("**/sammenlign?gruppe=Nedre%20Glomma&indikator=BL151&maned=2024-12");
        Assert.Contains("Gruppen «Nedre Glomma»", await page.Locator(".lead").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(["Fredrikstad", "Sarpsborg"],
            (await page.Locator("tbody tr:not(.reference-row) th a").AllInnerTextsAsync()).Order(StringComparer.Ordinal));
        var saved = page.GetByRole(AriaRole.Navigation, new() { Name = "Dine sammenligningsgrupper" });
        Assert.Equal("page", await saved.GetByRole(AriaRole.Link, new() { Name = "Nedre Glomma" }).GetAttributeAsync("aria-current"));
        await Check(page, width, "sammenligningsgruppe");

        // Another indicator keeps the group.
        await page.GetByLabel("Indikator").SelectOptionAsync("B.101");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sammenlign", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/sammenlign?enhet=NAV-0106&gruppe=Nedre+Glomma&indikator=B.101&maned=2024-12&sorter=verdi-synkende");
        Assert.Equal(2, await page.Locator("tbody tr:not(.reference-row)").CountAsync());
    }

    [Fact]
    public async Task A_group_with_a_unit_that_is_not_found_is_refused_in_norwegian_and_nothing_is_saved()
    {
        var page = await Open("/sammenlign?indikator=BL151&maned=2024-12", 1400);
        await page.GetByLabel("Navn på gruppen").FillAsync("Feil");
        await page.GetByLabel("Enheter i gruppen").FillAsync("Fredrikstad, Moss");
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Lagre gruppen" }).ClickAsync(), r => r.Url.Contains("/sammenlign/grupper", StringComparison.Ordinal));

        Assert.Equal(400, response.Status);
        Assert.Contains("Fant ingen enhet med navnet eller nummeret «Moss» (parameteren «enheter»)", await page.Locator("main").InnerTextAsync(),
            StringComparison.Ordinal);
        Assert.Contains("Ingenting er lagret.", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        var comparison = await Open("/sammenlign?indikator=BL151&maned=2024-12", 1400);
        Assert.Equal(0, await comparison.GetByRole(AriaRole.Link, new() { Name = "Feil" }).CountAsync());
    }

    [Fact]
    public async Task A_comparison_level_or_order_that_does_not_exist_is_answered_in_norwegian()
    {
        using var response = await server.Client.GetAsync(new Uri("/sammenlign?niva=regioner", UriKind.Relative), TestContext.Current.CancellationToken);
        var body = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Parameteren «niva» må være en av «alle», «kontorer», «kommuner», «bydeler» og «fylker», men var «regioner».", body,
            StringComparison.Ordinal);
    }
}

/// <summary>The drill-down, history and comparison as NAV Sarpsborg sees them: another office's small numbers stay «:».</summary>
public sealed class ReadingInContextSuppressionTests(SarpsborgViewServer server) : IClassFixture<SarpsborgViewServer>
{
    private Task<string> Page(string path) =>
        server.Client.GetStringAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

    [Theory]
    [InlineData("/nedbrytning?enhet=NAV-0106&maned=2024-12")]
    [InlineData("/historikk?indikator=BL151&enhet=3110&maned=2024-12")]
    [InlineData("/sammenlign?indikator=BL151&maned=2024-12&niva=kommuner")]
    public async Task Hvalers_two_recipients_are_suppressed_for_another_office_on_every_page_that_reads_them(string path)
    {
        var html = await Page(path);

        // The legend of «:» is there only when a number on the page is suppressed.
        Assert.Contains("id=\"skjerming-forklaring\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">2</", html, StringComparison.Ordinal);
    }
}
