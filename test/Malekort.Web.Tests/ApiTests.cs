using System.Net;
using System.Text.Json;

namespace Malekort.Web;

public sealed class ApiTests(ScorecardServer server) : IClassFixture<ScorecardServer>
{
    private async Task<JsonElement> GetJson(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await server.Client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(expected == response.StatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static JsonElement Indicator(JsonElement scorecard, string code) =>
        scorecard.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == code);

    [Fact]
    public async Task Units_lists_offices_first_then_municipalities_counties_and_the_country()
    {
        var json = await GetJson("/api/enheter");
        var codes = json.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("code").GetString()).ToList();
        Assert.Equal(["NAV-0105", "NAV-0106", "3105", "3107", "3110", "31", "0"], codes);
        Assert.Equal("2024-01", json.GetProperty("firstMonth").GetString());
        Assert.Equal("2024-12", json.GetProperty("lastMonth").GetString());
        var fredrikstad = json.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("code").GetString() == "NAV-0106");
        Assert.Equal("NAV Fredrikstad", fredrikstad.GetProperty("name").GetString());
        Assert.Equal("2024-12", fredrikstad.GetProperty("latestMonth").GetString());
    }

    [Fact]
    public async Task Scorecard_gives_numerator_denominator_value_and_colour_with_invariant_numbers()
    {
        var json = await GetJson("/api/malekort?enhet=3107&maned=2024-12");
        Assert.Equal("2024-12", json.GetProperty("month").GetString());
        var share = Indicator(json, "B.101");
        Assert.Equal(10, share.GetProperty("numerator").GetInt64());
        Assert.Equal(400, share.GetProperty("denominator").GetInt64());
        Assert.Equal(2.5, share.GetProperty("value").GetDouble());
        // Default threshold for B.101: green ≤ 2, red > 3.5.
        Assert.Equal("yellow", share.GetProperty("colour").GetString());
        Assert.Equal("Gul", share.GetProperty("colourText").GetString());

        var processing = Indicator(json, "PL151");
        Assert.Equal(56, processing.GetProperty("numerator").GetInt64());
        Assert.Equal(4, processing.GetProperty("denominator").GetInt64());
        Assert.Equal(14.0, processing.GetProperty("value").GetDouble());
        Assert.Equal("green", processing.GetProperty("colour").GetString());

        var recipients = Indicator(json, "BL151");
        Assert.Equal("Fredrikstad kommune", recipients.GetProperty("threshold").GetProperty("setBy").GetString());
        Assert.Equal("yellow", recipients.GetProperty("colour").GetString());
    }

    [Fact]
    public async Task Scorecard_has_every_indicator_in_catalogue_order_with_a_13_month_trend()
    {
        var json = await GetJson("/api/malekort?enhet=3107&maned=2024-12");
        var codes = json.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToList();
        // Every definition version that applies in the month (B.102's version 2 starts in 2025).
        Assert.Equal(Indicators.IndicatorCatalog.All.Where(d => d.AppliesIn(new Periods.Month(2024, 12))).Select(d => d.Code), codes);
        var trend = Indicator(json, "BL151").GetProperty("trend").EnumerateArray().ToList();
        Assert.Equal(13, trend.Count);
        Assert.Equal("2023-12", trend[0].GetProperty("month").GetString());
        // December 2023 was never captured: null, not 0.
        Assert.Equal(JsonValueKind.Null, trend[0].GetProperty("numerator").ValueKind);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 10], trend.Skip(1).Select(p => p.GetProperty("numerator").GetInt64()));
    }

    [Fact]
    public async Task Scorecard_of_an_office_sums_its_units_and_shows_target_and_attainment()
    {
        var json = await GetJson("/api/malekort?enhet=NAV-0106&maned=2024-12");
        Assert.Equal(12, Indicator(json, "BL151").GetProperty("numerator").GetInt64());
        var participants = Indicator(json, "B.151");
        Assert.Equal(2, participants.GetProperty("numerator").GetInt64());
        Assert.Equal(4m, participants.GetProperty("target").GetProperty("value").GetDecimal());
        Assert.Equal(50.0, participants.GetProperty("target").GetProperty("attainment").GetDouble());
        var notes = Indicator(json, "PL151").GetProperty("notes").EnumerateArray().Select(n => n.GetProperty("text").GetString()).ToList();
        Assert.Contains("1 av 2 enheter har data.", notes);
    }

    [Fact]
    public async Task Scorecard_without_a_month_opens_on_the_latest_month_with_recipients()
    {
        var json = await GetJson("/api/malekort?enhet=3110");
        Assert.Equal("2024-12", json.GetProperty("month").GetString());
    }

    [Fact]
    public async Task Indicator_rows_cover_the_months_asked_for()
    {
        var json = await GetJson("/api/indikatorer?enhet=3107&fra=2024-10&til=2024-12");
        var rows = json.EnumerateArray().ToList();
        Assert.Equal(3 * Indicators.IndicatorCatalog.All.Count, rows.Count);
        var october = rows.Single(r => r.GetProperty("month").GetString() == "2024-10" && r.GetProperty("indicator").GetString() == "BL151");
        Assert.Equal("3107", october.GetProperty("unit").GetString());
        Assert.Equal(10, october.GetProperty("numerator").GetInt64());
        Assert.Equal(1, october.GetProperty("denominator").GetInt64());
        Assert.Equal(10, october.GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task Indicator_rows_without_a_unit_cover_every_unit()
    {
        var json = await GetJson("/api/indikatorer?fra=2024-12&til=2024-12");
        Assert.Equal(7 * Indicators.IndicatorCatalog.All.Count, json.GetArrayLength());
    }

    [Theory]
    [InlineData("/api/malekort?enhet=Fredrikstad&maned=2024-12", "enhet")]
    [InlineData("/api/malekort?enhet=3107&maned=2024-13", "maned")]
    [InlineData("/api/malekort?enhet=3107&maned=2019-01", "maned")]
    [InlineData("/api/malekort", "enhet")]
    [InlineData("/api/indikatorer?enhet=3107&fra=desember", "fra")]
    [InlineData("/api/indikatorer?enhet=3107&fra=2024-12&til=2024-01", "til")]
    [InlineData("/api/publiseringer?kontor=NAV-0106&maned=2024-13", "maned")]
    [InlineData("/api/publiseringer?kontor=NAV-0106", "maned")]
    [InlineData("/api/publiseringer?kontor=Fredrikstad&maned=2024-12", "kontor")]
    public async Task Bad_parameters_give_400_with_problem_details_in_norwegian(string path, string parameter)
    {
        using var response = await server.Client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal("Ugyldig parameter", json.GetProperty("title").GetString());
        Assert.Equal(400, json.GetProperty("status").GetInt32());
        Assert.Equal(parameter, json.GetProperty("parameter").GetString());
        Assert.Contains($"«{parameter}»", json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_unit_without_data_is_404_with_problem_details()
    {
        var json = await GetJson("/api/malekort?enhet=0301&maned=2024-12", HttpStatusCode.NotFound);
        Assert.Equal("Finnes ikke", json.GetProperty("title").GetString());
    }

    [Fact]
    public async Task An_unknown_api_address_is_404_with_problem_details()
    {
        var json = await GetJson("/api/finnes-ikke", HttpStatusCode.NotFound);
        Assert.Equal(404, json.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Home_redirects_a_user_without_a_unit_of_their_own_to_the_first_offices_scorecard_in_its_latest_month()
    {
        // A user with a unit goes to their own (ConfidentialityTests); the directorate has none, so the first office opens.
        using var directorate = TestUsers.Client(server.BaseAddress,
            TestUsers.Token(server.Store, "direktorat", Confidentiality.ViewerRole.Direktorat));
        using var response = await directorate.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/malekort?enhet=NAV-0105&maned=2024-12", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Pages_are_norwegian_html_with_the_ssb_credit_and_no_outside_requests()
    {
        using var response = await server.Client.GetAsync(new Uri("/malekort?enhet=3107&maned=2024-12", UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"nb\">", html, StringComparison.Ordinal);
        Assert.Contains("Befolkningstall: Kilde: Statistisk sentralbyrå (SSB)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_design_system_css_is_served_from_the_app_without_cdn_fonts()
    {
        using var page = await server.Client.GetAsync(new Uri("/malekort", UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var href = System.Text.RegularExpressions.Regex.Match(html, "href=\"(/assets/aksel\\.css\\?v=[0-9a-f]+)\"").Groups[1].Value;
        using var response = await server.Client.GetAsync(new Uri(href, UriKind.Relative), TestContext.Current.CancellationToken);
        var css = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(".aksel-table", css, StringComparison.Ordinal);
        Assert.Contains(".aksel-tag", css, StringComparison.Ordinal);
        Assert.DoesNotContain("cdn.nav.no", css, StringComparison.Ordinal);
        Assert.DoesNotContain("@font-face", css, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Data_quality_shows_findings_with_file_line_and_column_and_the_computation_notes()
    {
        using var response = await server.Client.GetAsync(new Uri("/datakvalitet", UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("utbetalinger.csv, linje 17, kolonne «periode_til»", html, StringComparison.Ordinal);
        Assert.Contains("Avvist", html, StringComparison.Ordinal);
        Assert.Contains("uttrekk-3107.zip", html, StringComparison.Ordinal);
        Assert.Contains("PL151", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/malekort?enhet=3170&maned=2024-12", "3107 Fredrikstad")]
    [InlineData("/api/indikatorer?enhet=NAV-0160", "NAV-0106 NAV Fredrikstad")]
    [InlineData("/api/malekort?enhet=Hvaler", "3110 Hvaler")]
    public async Task An_unknown_unit_is_a_bad_request_that_names_the_nearest_known_ones(string path, string nearest)
    {
        var json = await GetJson(path, HttpStatusCode.BadRequest);

        Assert.Equal("enhet", json.GetProperty("parameter").GetString());
        Assert.Contains(nearest, json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_known_unit_without_data_is_not_found()
    {
        var json = await GetJson("/api/malekort?enhet=3101", HttpStatusCode.NotFound);

        Assert.Contains("3101", json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_not_computed_for_short_history_is_null_with_its_reason_and_grey()
    {
        // The batches start in January 2024: before December the 12-month window reaches back into 2023.
        var json = await GetJson("/api/malekort?enhet=3107&maned=2024-06");
        var longTerm = Indicator(json, "BL152");

        Assert.Equal(JsonValueKind.Null, longTerm.GetProperty("numerator").ValueKind);
        Assert.Equal(JsonValueKind.Null, longTerm.GetProperty("value").ValueKind);
        Assert.Equal("shortHistory", longTerm.GetProperty("reason").GetString());
        Assert.Equal("grey", longTerm.GetProperty("colour").GetString());
        Assert.Equal("For kort historikk", longTerm.GetProperty("colourText").GetString());
        Assert.Equal(JsonValueKind.Null, Indicator(json, "BL151").GetProperty("reason").ValueKind);
        var trend = longTerm.GetProperty("trend").EnumerateArray().ToList();
        Assert.Equal("notCaptured", trend[0].GetProperty("reason").GetString());
        Assert.Equal("shortHistory", trend[^1].GetProperty("reason").GetString());

        var rows = await GetJson("/api/indikatorer?enhet=3107&fra=2024-11&til=2024-12");
        var bl166 = rows.EnumerateArray().Where(r => r.GetProperty("indicator").GetString() == "BL166").ToList();
        Assert.Equal(["shortHistory", null], bl166.Select(r => r.GetProperty("reason").GetString()));
        Assert.Equal(JsonValueKind.Number, bl166[1].GetProperty("numerator").ValueKind);
    }

    [Fact]
    public async Task An_office_lacking_a_unit_is_incomplete_and_never_coloured_and_its_target_is_not_judged()
    {
        var json = await GetJson("/api/malekort?enhet=NAV-0106&maned=2024-12");
        var processing = Indicator(json, "PL151");

        Assert.Equal("incomplete", processing.GetProperty("colour").GetString());
        Assert.True(processing.GetProperty("incomplete").GetBoolean());
        Assert.Equal((1, 2), (processing.GetProperty("unitsIncluded").GetInt32(), processing.GetProperty("unitsTotal").GetInt32()));
        var target = Indicator(json, "B.151").GetProperty("target");
        Assert.Equal(JsonValueKind.Null, target.GetProperty("reached").ValueKind);
        Assert.Equal("ikke vurdert: ufullstendig", target.GetProperty("text").GetString());
        // BL151 has both units: complete, and judged by thresholds.
        Assert.False(Indicator(json, "BL151").GetProperty("incomplete").GetBoolean());
    }

    [Fact]
    public async Task An_office_serving_several_units_says_whose_thresholds_apply()
    {
        var json = await GetJson("/api/malekort?enhet=NAV-0106&maned=2024-12");

        Assert.Equal("Kontoret betjener 2 kommuner/bydeler, og Fredrikstad har egne grenser for sine tall; kontoret har ingen grenser.",
            Indicator(json, "BL151").GetProperty("thresholdNote").GetString());
        Assert.Equal(JsonValueKind.Null, Indicator(json, "B.101").GetProperty("thresholdNote").ValueKind);
    }
}
