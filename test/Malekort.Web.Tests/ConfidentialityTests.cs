using System.Text.Json;

namespace Malekort.Web;

/// <summary>The server run for NAV Sarpsborg: Hvaler's 2 recipients are suppressed, and Fredrikstad with them.</summary>
public sealed class ConfidentialityTests(SarpsborgViewServer server) : IClassFixture<SarpsborgViewServer>
{
    private async Task<JsonElement> Scorecard(string unit)
    {
        var body = await server.Client.GetStringAsync(new Uri($"/api/malekort?enhet={unit}&maned=2024-12", UriKind.Relative), TestContext.Current.CancellationToken);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static JsonElement Indicator(JsonElement scorecard, string code) =>
        scorecard.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == code);

    [Fact]
    public async Task The_start_page_opens_the_signed_in_users_own_office()
    {
        using var response = await server.Client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/malekort?enhet=NAV-0105&", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_offices_count_of_two_is_null_and_marked_suppressed_in_the_api()
    {
        var hvaler = await Scorecard("3110");
        Assert.True(hvaler.GetProperty("unit").GetProperty("restricted").GetBoolean());
        var recipients = Indicator(hvaler, "BL151");
        Assert.Equal(JsonValueKind.Null, recipients.GetProperty("numerator").ValueKind);
        Assert.Equal(JsonValueKind.Null, recipients.GetProperty("value").ValueKind);
        Assert.True(recipients.GetProperty("suppressed").GetBoolean());
        Assert.Equal("suppressed", recipients.GetProperty("colour").GetString());
        Assert.Contains(recipients.GetProperty("notes").EnumerateArray(), n => n.GetProperty("code").GetString() == "suppressed");
        // The share built on it is suppressed too; its SSB population is public and stays.
        var share = Indicator(hvaler, "B.101");
        Assert.Equal(JsonValueKind.Null, share.GetProperty("value").ValueKind);
        Assert.Equal(100, share.GetProperty("denominator").GetInt64());
    }

    [Fact]
    public async Task A_suppressed_value_with_another_note_pairs_each_code_with_its_own_text()
    {
        // Østfold's B.151 is suppressed and covers 2 of its 12 units: two notes on one value.
        var notes = Indicator(await Scorecard("31"), "B.151").GetProperty("notes").EnumerateArray()
            .ToDictionary(n => n.GetProperty("code").GetString()!, n => n.GetProperty("text").GetString()!);
        Assert.Equal(2, notes.Count);
        Assert.StartsWith("Skjermet", notes["suppressed"], StringComparison.Ordinal);
        Assert.Equal("2 av 12 enheter har data.", notes["partialCoverage"]);
    }

    [Fact]
    public async Task The_other_unit_of_that_office_is_suppressed_so_the_first_cannot_be_worked_out()
    {
        // NAV Fredrikstad (12) = Fredrikstad (10) + Hvaler (2): Fredrikstad must go too.
        var fredrikstad = Indicator(await Scorecard("3107"), "BL151");
        Assert.True(fredrikstad.GetProperty("suppressed").GetBoolean());
        var office = Indicator(await Scorecard("NAV-0106"), "BL151");
        Assert.Equal(12, office.GetProperty("numerator").GetInt64());
    }

    [Fact]
    public async Task Another_offices_follow_up_of_conditions_is_not_shown()
    {
        var page = await server.Client.GetStringAsync(new Uri("/malekort?enhet=3107&maned=2024-12", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("Målekort for Fredrikstad", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Andre nøkkeltall", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_own_office_is_shown_in_full()
    {
        var sarpsborg = await Scorecard("3105");
        Assert.False(sarpsborg.GetProperty("unit").GetProperty("restricted").GetBoolean());
        Assert.Equal(5, Indicator(sarpsborg, "BL151").GetProperty("numerator").GetInt64());
    }

    [Fact]
    public async Task Zero_stays_visible_outside_the_own_office()
    {
        // Hvaler has no recipients under 25: 0 is a value, not a small count.
        var young = Indicator(await Scorecard("3110"), "BL153");
        Assert.Equal(0, young.GetProperty("numerator").GetInt64());
        Assert.False(young.GetProperty("suppressed").GetBoolean());
    }

    [Fact]
    public async Task The_page_shows_a_colon_and_explains_it()
    {
        var html = await server.Client.GetStringAsync(new Uri("/malekort?enhet=3110&maned=2024-12", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("<span aria-hidden=\"true\">:</span>", html, StringComparison.Ordinal);
        Assert.Contains("«:» betyr at tallet er skjermet", html, StringComparison.Ordinal);
        Assert.Contains("Skjermet", html, StringComparison.Ordinal);
        // The hidden number appears nowhere, not even in the trend's text alternative.
        Assert.DoesNotContain("desember 2024: 2<", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Indicator_rows_carry_the_suppression_too()
    {
        var body = await server.Client.GetStringAsync(new Uri("/api/indikatorer?enhet=3110&fra=2024-12&til=2024-12", UriKind.Relative), TestContext.Current.CancellationToken);
        var row = JsonDocument.Parse(body).RootElement.EnumerateArray().Single(r => r.GetProperty("indicator").GetString() == "BL151");
        Assert.True(row.GetProperty("suppressed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("numerator").ValueKind);
    }

    [Fact]
    public async Task Data_quality_shows_only_the_own_offices_imports()
    {
        var html = await server.Client.GetStringAsync(new Uri("/datakvalitet", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("uttrekk-3105.zip", html, StringComparison.Ordinal);
        Assert.DoesNotContain("uttrekk-3110.zip", html, StringComparison.Ordinal);
        Assert.DoesNotContain("uttrekk-feil.zip", html, StringComparison.Ordinal);
    }
}
