using System.Net;
using System.Text.RegularExpressions;

namespace Malekort.Web.Pages;

/// <summary>Moving between pages keeps the unit and month; the picker finds a unit by what was typed.</summary>
public sealed partial class NavigationTests(ScorecardServer server) : IClassFixture<ScorecardServer>
{
    private async Task<(HttpStatusCode Status, string Body, string? Location)> Get(string path)
    {
        using var response = await server.Client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            response.Headers.Location?.OriginalString);
    }

    private static List<string> MenuLinks(string page) =>
        [.. MenuLink().Matches(page).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];

    [Theory]
    [InlineData("/malekort?enhet=3107&maned=2024-11")]
    [InlineData("/sammenlign?indikator=B.101&enhet=3107&maned=2024-11")]
    [InlineData("/datakvalitet?enhet=3107&maned=2024-11")]
    [InlineData("/driftslogg?enhet=3107&maned=2024-11")]
    [InlineData("/publisering?enhet=3107&maned=2024-11")]
    [InlineData("/grenser?enhet=3107&maned=2024-11")]
    public async Task Every_menu_link_carries_the_unit_and_month_the_page_was_opened_with(string path)
    {
        var (status, page, _) = await Get(path);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(
            ["/malekort?enhet=3107&maned=2024-11", "/sammenlign?enhet=3107&maned=2024-11", "/datakvalitet?enhet=3107&maned=2024-11",
                "/publisering?enhet=3107&maned=2024-11", "/driftslogg?enhet=3107&maned=2024-11", "/grenser?enhet=3107&maned=2024-11"],
            MenuLinks(page));
    }

    [Fact]
    public async Task A_unit_without_data_is_not_carried_on_but_the_page_still_opens()
    {
        var (status, page, _) = await Get("/datakvalitet?enhet=4601&maned=2024-11");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("/malekort?maned=2024-11", MenuLinks(page));
    }

    [Theory]
    [InlineData("3107", "/malekort?enhet=3107&maned=2024-11")]
    [InlineData("fredrikstad", "/malekort?enhet=3107&maned=2024-11")]
    [InlineData("  Fredrikstad (kommune 3107) ", "/malekort?enhet=3107&maned=2024-11")]
    [InlineData("NAV Fredrikstad (NAV-0106)", "/malekort?enhet=NAV-0106&maned=2024-11")]
    [InlineData("nav fredrikstad", "/malekort?enhet=NAV-0106&maned=2024-11")]
    [InlineData("Hele landet", "/malekort?enhet=0&maned=2024-11")]
    public async Task The_picker_finds_the_unit_by_its_code_its_name_or_its_label_in_any_case(string typed, string expected)
    {
        var (status, _, location) = await Get($"/malekort/velg?enhet={Uri.EscapeDataString(typed)}&maned=2024-11");

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal(expected, location);
    }

    [Fact]
    public async Task The_picker_opens_a_unit_in_its_latest_month_when_no_month_is_chosen()
    {
        var (status, _, location) = await Get("/malekort/velg?enhet=Hvaler");

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal("/malekort?enhet=3110&maned=2024-12", location);
    }

    [Theory]
    [InlineData("Moss", HttpStatusCode.NotFound, "Fant ingen enhet med navnet eller nummeret «Moss» (parameteren «enhet»)")]
    [InlineData("4601", HttpStatusCode.NotFound, "Fant ingen enhet med navnet eller nummeret «4601» (parameteren «enhet»)")]
    [InlineData("", HttpStatusCode.BadRequest, "«enhet»")]
    public async Task A_unit_the_picker_cannot_find_is_answered_in_norwegian(string typed, HttpStatusCode expected, string message)
    {
        var (status, page, _) = await Get($"/malekort/velg?enhet={Uri.EscapeDataString(typed)}&maned=2024-11");

        Assert.Equal(expected, status);
        Assert.Contains(message, WebUtility.HtmlDecode(page), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-06", "/malekort?enhet=3107&maned=2024-05", "/malekort?enhet=3107&maned=2024-07")]
    [InlineData("2024-12", "/malekort?enhet=3107&maned=2024-11", null)]
    [InlineData("2024-01", null, "/malekort?enhet=3107&maned=2024-02")]
    public async Task The_scorecard_links_to_the_month_before_and_after_when_they_were_computed(string month, string? previous, string? next)
    {
        var (_, page, _) = await Get($"/malekort?enhet=3107&maned={month}");

        Assert.Equal(previous, Link(page, "prev"));
        Assert.Equal(next, Link(page, "next"));
    }

    private static string? Link(string page, string rel)
    {
        var match = Regex.Match(page, $"""<a [^>]*href="([^"]+)" rel="{rel}">""", RegexOptions.None, TimeSpan.FromSeconds(1));
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    [GeneratedRegex(""""<a class="aksel-internalheader__button" href="([^"]+)"""")]
    private static partial Regex MenuLink();
}
