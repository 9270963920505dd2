using System.Collections.Concurrent;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Malekort.Web;

/// <summary>
/// Every page on a desktop (1400 px) and a phone (390 and 320 px): no sideways scrolling, a menu that wraps, the indicators as
/// cards on a phone, targets of at least 24 px and landmarks with names of their own; and the scorecard read as a newcomer reads it.
/// One class per window width (<see cref="DesktopScreenTests"/>, <see cref="PhoneScreenTests"/>, <see cref="SmallPhoneScreenTests"/>),
/// each on a server and a page of its own: a test class is the unit the test framework runs in parallel, and as one class the near
/// hundred tests ran one after another, the longest chain of the web program.
/// </summary>
public abstract class ScreenTests(ScreenServer server, BrowserFixture browser, int width)
{
    public static readonly TheoryData<string> Pages =
    [
        "/malekort?enhet=3107&maned=2024-12",
        "/malekort?enhet=NAV-0106&maned=2024-12",
        "/sammenlign?indikator=B.101&maned=2024-12",
        "/sammenlign?indikator=BL151&enhet=3107&maned=2024-12&niva=alle",
        "/historikk?indikator=BL151&enhet=3107&maned=2024-12",
        "/nedbrytning?enhet=31&maned=2024-12",
        "/datakvalitet",
        "/publisering",
        "/driftslogg",
        "/malekort?enhet=3107&maned=2024-13",
        "/grenser?enhet=3107&maned=2024-12",
        "/mal?enhet=NAV-0106&ar=2024",
        "/mal/fylke?fylke=31&ar=2024",
        "/manuelt?enhet=3110&maned=2024-12",
        "/indikatorvalg?enhet=NAV-0106",
        "/egne-indikatorer",
        "/definisjoner",
        "/malekort/forklaring?enhet=3107&maned=2024-12&indikator=BL166",
    ];

    protected async Task<IPage> Open(string path)
    {
        var page = await server.PageAt(browser, width);
        await page.GotoAsync(path);
        return page;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task No_page_scrolls_sideways_and_every_menu_link_is_on_the_screen(string path)
    {
        var page = await Open(path);

        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            $"{path} er bredere enn {width} px: {await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")} px");
        foreach (var link in await page.Locator(".site-nav a").AllAsync())
        {
            var box = await link.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.InRange(box.X + box.Width, 0, width);
        }
    }

    /// <summary>For a desktop and a phone: axe's rules on target size and landmarks pass on the page.</summary>
    protected async Task AssertTargetsAndLandmarks(string path)
    {
        var page = await Open(path);

        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "rule", Values = ["target-size", "landmark-unique", "region", "landmark-one-main"] },
        });

        Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v =>
            $"{v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")));
        Assert.Contains(result.Passes, p => p.Id == "landmark-unique");
    }

    /// <summary>For a phone: each indicator of the scorecard is a card no wider than the screen, its headings written out.</summary>
    protected async Task AssertIndicatorsAreCards()
    {
        var page = await Open("/malekort?enhet=3107&maned=2024-12");
        var rows = page.GetByRole(AriaRole.Table, new() { Name = "Indikatorer for Fredrikstad, desember 2024" }).Locator("tbody tr");

        Assert.Equal("block", await rows.First.EvaluateAsync<string>("e => getComputedStyle(e).display"));
        foreach (var row in await rows.AllAsync())
        {
            var box = await row.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.InRange(box.X + box.Width, 0, width);
        }
        Assert.Equal("Verdi", await rows.First.Locator("td").First.EvaluateAsync<string>(
            "e => getComputedStyle(e, '::before').content.replaceAll('\"', '')"));
    }
}

/// <summary>The pages in a desktop window, 1400 px wide.</summary>
public sealed class DesktopScreenTests(ScreenServer server, BrowserFixture browser)
    : ScreenTests(server, browser, 1400), IClassFixture<ScreenServer>
{
    [Theory]
    [MemberData(nameof(Pages))]
    public Task Targets_are_at_least_24_px_and_landmarks_have_names_of_their_own(string path) => AssertTargetsAndLandmarks(path);

    [Fact]
    public async Task On_a_desktop_the_indicators_are_a_table_with_headings()
    {
        var page = await Open("/malekort?enhet=3107&maned=2024-12");
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Indikatorer for Fredrikstad, desember 2024" });

        Assert.Equal("table-row", await table.Locator("tbody tr").First.EvaluateAsync<string>("e => getComputedStyle(e).display"));
        Assert.True(await table.Locator("thead").IsVisibleAsync());
    }

    [Fact]
    public async Task The_scorecard_sums_up_its_colours_in_one_line_explains_them_and_shows_a_dash_where_nothing_is_set()
    {
        var page = await Open("/malekort?enhet=3107&maned=2024-12");

        var summary = await page.Locator("#status-oppsummering").InnerTextAsync();
        Assert.Matches(@"^\d+ grønne?, \d+ gule?, \d+ røde? · \d+ uten grenseverdi", summary);
        var legend = page.GetByRole(AriaRole.Term);
        var terms = await legend.AllInnerTextsAsync();
        Assert.Equal(["Grønn", "Gul", "Rød", "Mangler data"], terms.Take(4));
        Assert.Contains("Strek", terms[4], StringComparison.Ordinal);
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Indikatorer for Fredrikstad, desember 2024" });
        // The eye sees «–»; the words beside it are for screen readers only.
        Assert.Equal(0, await table.Locator("td[data-label=Grenseverdi] .subtle").Filter(new() { HasText = "Ingen grenseverdi" })
            .Locator("span:not(.aksel-typo--visually-hidden)").Filter(new() { HasText = "Ingen grenseverdi" }).CountAsync());
        // Every threshold cell shows either the threshold and who set it, or «–».
        var thresholds = table.Locator("td[data-label=Grenseverdi]");
        var set = await thresholds.Filter(new() { HasText = "satt av" }).CountAsync();
        var dashes = await thresholds.Locator("[aria-hidden=true]").Filter(new() { HasText = "–" }).CountAsync();
        Assert.InRange(set, 1, await thresholds.CountAsync() - 1);
        Assert.Equal(await thresholds.CountAsync(), set + dashes);
        Assert.Equal(1, await table.GetByText("satt av Fredrikstad kommune").CountAsync());
    }

    [Fact]
    public async Task Indicators_are_named_first_and_their_definitions_name_the_document_they_come_from_in_words()
    {
        var page = await Open("/malekort?enhet=3107&maned=2024-12");

        var first = page.Locator("tbody tr").First.Locator("summary");
        Assert.Equal("Antall mottakere av økonomisk sosialhjelp BL151", (await first.InnerTextAsync()).Trim());
        await first.ClickAsync();
        var source = page.Locator("#indikator-BL151 dd").Nth(2);
        Assert.Contains("NAV Østfold", await source.InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("#indikator-B-101 summary").ClickAsync();
        Assert.Contains("direktoratets anbefaling", await page.Locator("#indikator-B-101 dd").Nth(2).InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("indicators.md", await page.ContentAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("seed", await page.Locator("main").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Every_alert_shows_the_design_systems_icon_with_a_name()
    {
        var page = await Open("/malekort?enhet=3107&maned=2024-12");

        var icons = page.Locator(".aksel-alert > svg.aksel-alert__icon");
        Assert.Equal(await page.Locator(".aksel-alert").CountAsync(), await icons.CountAsync());
        Assert.Equal("Informasjon", await page.Locator(".aksel-alert[data-color=info] > svg").First.GetAttributeAsync("aria-label"));
    }
}

/// <summary>The pages on a phone, 390 px wide.</summary>
public sealed class PhoneScreenTests(ScreenServer server, BrowserFixture browser)
    : ScreenTests(server, browser, 390), IClassFixture<ScreenServer>
{
    [Theory]
    [MemberData(nameof(Pages))]
    public Task Targets_are_at_least_24_px_and_landmarks_have_names_of_their_own(string path) => AssertTargetsAndLandmarks(path);

    [Fact]
    public Task On_a_phone_each_indicator_is_a_card_with_its_headings_written_out() => AssertIndicatorsAreCards();
}

/// <summary>The pages on a small phone, 320 px wide.</summary>
public sealed class SmallPhoneScreenTests(ScreenServer server, BrowserFixture browser)
    : ScreenTests(server, browser, 320), IClassFixture<ScreenServer>
{
    [Fact]
    public Task On_a_phone_each_indicator_is_a_card_with_its_headings_written_out() => AssertIndicatorsAreCards();
}

/// <summary>
/// The seeded server, and one browser page per window width that the tests navigate in turn: they only read, and a
/// navigation gives each its own document, while a new context per test started a renderer process and parsed the design
/// system's CSS again for each of the class's tests.
/// </summary>
public sealed class ScreenServer : ScorecardServer
{
    private readonly ConcurrentDictionary<int, Lazy<Task<IPage>>> pages = new();

    public async Task<IPage> PageAt(BrowserFixture browser, int width)
    {
        var page = await pages.GetOrAdd(width, w => new(() => browser.NewLastingPageAsync(BaseAddress, w, Token))).Value;
        if (!page.IsClosed) return page;
        // A page that crashed in an earlier test is replaced, so one failure does not fail every test after it.
        pages[width] = new(() => browser.NewLastingPageAsync(BaseAddress, width, Token));
        return await pages[width].Value;
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var page in pages.Values.Where(p => p.IsValueCreated && p.Value.IsCompletedSuccessfully))
            await (await page.Value).Context.CloseAsync();
        await base.DisposeAsync();
    }
}
