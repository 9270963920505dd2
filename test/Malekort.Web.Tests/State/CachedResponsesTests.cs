using Malekort.Indicators;
using Malekort.Thresholds;
using Malekort.Web.Scorecard;

namespace Malekort.Web.State;

/// <summary>Cached parts of a page are what rendering it again would give, and never outlive the data they came from.</summary>
public sealed class CachedResponsesTests
{
    [Fact]
    public void A_page_served_from_the_cache_is_byte_for_byte_the_page_first_rendered()
    {
        using var db = Testing.TestDatabases.Create(Testing.TestDatabases.Sqlite);
        ScorecardData.Seed(db.Store);
        var snapshot = ScorecardSnapshot.Compute(db.Store.Load(), db.Store.ImportLog(), 1, ScorecardData.ComputedAt, Malekort.Confidentiality.Viewer.Operator);
        var unit = snapshot.Find(ScorecardData.NavFredrikstad)!;

        var first = ScorecardPage.Render(snapshot, snapshot.Results!, unit, ScorecardData.December).ToString();
        var cached = snapshot.Responses.Count;
        var second = ScorecardPage.Render(snapshot, snapshot.Results!, unit, ScorecardData.December).ToString();

        Assert.Equal(1, cached);
        Assert.Equal(first, second);
        Assert.Contains("selected", first, StringComparison.Ordinal);
    }

    [Fact]
    public void The_picker_marks_the_unit_and_month_of_each_request_though_it_is_made_once()
    {
        using var db = Testing.TestDatabases.Create(Testing.TestDatabases.Sqlite);
        ScorecardData.Seed(db.Store);
        var snapshot = ScorecardSnapshot.Compute(db.Store.Load(), db.Store.ImportLog(), 1, ScorecardData.ComputedAt, Malekort.Confidentiality.Viewer.Operator);

        var hvaler = ScorecardPage.Render(snapshot, snapshot.Results!, snapshot.Find(ScorecardData.Hvaler)!, new Periods.Month(2024, 11)).ToString();
        var sarpsborg = ScorecardPage.Render(snapshot, snapshot.Results!, snapshot.Find(ScorecardData.Sarpsborg)!, ScorecardData.December).ToString();

        Assert.Contains("""<option value="3110" selected>""", hvaler, StringComparison.Ordinal);
        Assert.Contains("""<option value="2024-11" selected>""", hvaler, StringComparison.Ordinal);
        Assert.DoesNotContain("""<option value="3105" selected>""", hvaler, StringComparison.Ordinal);
        Assert.Contains("""<option value="3105" selected>""", sarpsborg, StringComparison.Ordinal);
        Assert.Contains("""<option value="2024-12" selected>""", sarpsborg, StringComparison.Ordinal);
        Assert.DoesNotContain("""<option value="2024-11" selected>""", sarpsborg, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_threshold_set_after_a_page_was_cached_is_shown_on_the_next_pages()
    {
        await using var server = new ScorecardServer();
        await server.InitializeAsync();
        var address = new Uri("/malekort?enhet=3107&maned=2024-12", UriKind.Relative);
        var cancel = TestContext.Current.CancellationToken;
        // Twice, so the indicator tables are served from the cache before the change.
        Assert.Contains("satt av Fredrikstad kommune<", await server.Client.GetStringAsync(address, cancel), StringComparison.Ordinal);
        Assert.Contains("satt av Fredrikstad kommune<", await server.Client.GetStringAsync(address, cancel), StringComparison.Ordinal);

        server.Store.SaveThreshold(new Threshold(ScorecardData.Fredrikstad, "BL151", Direction.LowerIsBetter, 9m, 13m, "Fredrikstad kommune (nytt vedtak)"));

        var deadline = DateTime.UtcNow.AddSeconds(15);
        var page = "";
        while (!page.Contains("nytt vedtak", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, cancel);
            page = await server.Client.GetStringAsync(address, cancel);
        }
        Assert.Contains("satt av Fredrikstad kommune (nytt vedtak)", page, StringComparison.Ordinal);
    }
}
