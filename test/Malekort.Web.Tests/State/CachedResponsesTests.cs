using Malekort.Indicators;
using Malekort.Thresholds;

namespace Malekort.Web.State;

/// <summary>Pages and cached API bodies never outlive the data they came from.</summary>
public sealed class CachedResponsesTests
{
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

        await server.ShowsStoredDataAsync();
        var page = await server.Client.GetStringAsync(address, cancel);
        Assert.Contains("satt av Fredrikstad kommune (nytt vedtak)", page, StringComparison.Ordinal);
    }
}
