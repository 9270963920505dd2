using System.Net;
using System.Text.Json;

namespace Malekort.Web;

/// <summary>Before anything is imported the server starts, says so in Norwegian, and the API answers.</summary>
public sealed class EmptyStoreTests(EmptyServer server) : IClassFixture<EmptyServer>
{
    [Fact]
    public async Task Home_redirects_to_the_scorecard_which_says_there_is_no_data_yet()
    {
        using var home = await server.Client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/malekort", home.Headers.Location?.OriginalString);
        var html = await server.Client.GetStringAsync(new Uri("/malekort", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("Ingen data ennå", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Units_is_an_empty_list()
    {
        var json = JsonDocument.Parse(await server.Client.GetStringAsync(new Uri("/api/enheter", UriKind.Relative), TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal(0, json.GetProperty("units").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("firstMonth").ValueKind);
    }

    [Fact]
    public async Task The_scorecard_api_says_there_is_no_data()
    {
        using var response = await server.Client.GetAsync(new Uri("/api/malekort?enhet=3107", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal("Ingen data", json.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Data_quality_says_nothing_is_logged_yet()
    {
        var html = await server.Client.GetStringAsync(new Uri("/datakvalitet", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("Ingen importer er logget ennå.", html, StringComparison.Ordinal);
    }
}
