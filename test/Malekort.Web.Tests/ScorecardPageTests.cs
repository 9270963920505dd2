using System.Text.RegularExpressions;

namespace Malekort.Web;

/// <summary>What the scorecard and comparison pages say of values that are not computed and of sums that lack units.</summary>
public sealed class ScorecardPageTests(ScorecardServer server) : IClassFixture<ScorecardServer>
{
    private Task<string> Page(string path) =>
        server.Client.GetStringAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

    /// <summary>The table row (<c>&lt;tr&gt;…&lt;/tr&gt;</c>) whose indicator code is <paramref name="code"/>.</summary>
    private static string Row(string html, string code) =>
        Regex.Matches(html, "<tr class=\"aksel-table__row\">.*?</tr>", RegexOptions.Singleline)
            .Select(m => m.Value).Single(r => r.Contains($"<span class=\"indicator-code\">{code}</span>", StringComparison.Ordinal));

    private static string ValueCell(string row) =>
        Regex.Match(row, "<td class=\"aksel-table__data-cell number-cell\"[^>]*>(.*?)</td>", RegexOptions.Singleline).Groups[1].Value.Trim();

    [Fact]
    public async Task A_value_not_computed_for_short_history_is_grey_words_on_the_scorecard_never_a_number()
    {
        // The batches start in January 2024: in June the 12-month window of BL152 reaches back into 2023.
        var row = Row(await Page("/malekort?enhet=3107&maned=2024-06"), "BL152");

        Assert.Equal("For kort historikk", ValueCell(row));
        Assert.Contains("data-color=\"neutral\">For kort historikk</span>", row, StringComparison.Ordinal);
        Assert.Contains("<dd><span class=\"number\">Ikke beregnet</span>", row, StringComparison.Ordinal);
        Assert.Contains("Ikke beregnet: regelen ser tilbake", row, StringComparison.Ordinal);
        // The trend's text alternative lists the months that are not computed in words, never as 0.
        Assert.DoesNotContain("juni 2024: 0<", row, StringComparison.Ordinal);
        Assert.Contains("juni 2024: For kort historikk<", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_office_lacking_a_unit_says_once_at_the_top_which_part_has_data_and_colours_none_of_those_sums()
    {
        var html = await Page("/malekort?enhet=NAV-0106&maned=2024-12");

        Assert.Single(Regex.Matches(html, "Ikke alle kommuner og bydeler kontoret betjener har data"));
        Assert.Contains("1 av 2 kommuner og bydeler kontoret betjener for ", html, StringComparison.Ordinal);
        var processing = Row(html, "PL151");
        Assert.Contains("data-color=\"neutral\">Ufullstendig</span>", processing, StringComparison.Ordinal);
        Assert.Contains("1 av 2 enheter har data.", processing, StringComparison.Ordinal);
        // BL151 has both its units: judged by the thresholds as before.
        Assert.DoesNotContain("Ufullstendig", Row(html, "BL151"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_municipality_has_no_coverage_line()
    {
        var html = await Page("/malekort?enhet=3107&maned=2024-12");

        Assert.DoesNotContain("har data;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Ikke alle", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_comparison_lists_a_value_not_computed_in_words_and_says_how_many_municipalities_the_country_lacks()
    {
        var shortHistory = await Page("/sammenlign?indikator=BL152&maned=2024-06");
        Assert.Contains(">For kort historikk</td>", shortHistory, StringComparison.Ordinal);
        Assert.DoesNotContain("<rect class=\"bar-rect\"", shortHistory, StringComparison.Ordinal);

        var incomplete = await Page("/sammenlign?indikator=PL151&maned=2024-12");
        // Fredrikstad and Sarpsborg capture cases, Hvaler does not: the country sums 2 of the register's 357 municipalities.
        Assert.Single(Regex.Matches(incomplete, "2 av 357 kommuner har data; summene for NAV-kontorer, fylker og landet"));
    }
}
