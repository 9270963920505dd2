using System.Net;
using System.Text.RegularExpressions;
using Malekort.Periods;
using Malekort.Storage;
using Malekort.Testing;
using Malekort.Units;
using Malekort.Web.Capture;

namespace Malekort.Web.Publishing;

public sealed partial class PublishingTests
{
    private static readonly Month December = new(2024, 12);

    /// <summary>A server with Fredrikstad's extract uploaded, its scorecard computed.</summary>
    private static async Task<ServerModeHost> WithData(string kind)
    {
        var host = await ServerModeHost.Start(kind);
        new TestExtract("3107", new DateTimeOffset(2025, 1, 3, 5, 0, 0, TimeSpan.Zero)).DropZip(Path.Combine(host.DropFolder, "3107"), "uttrekk.zip");
        await host.WaitFor(async () => await host.Recipients("3107", "2024-12") == 5, "uttrekket er beregnet");
        return host;
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public async Task Publishing_unchanged_numbers_again_makes_no_new_revision(string kind)
    {
        await using var host = await WithData(kind);

        using var first = await DropFolderTests.Publish(host, "Kari Nordmann");
        using var second = await DropFolderTests.Publish(host, "Ola Nordmann");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("\"outcome\":\"unchanged\"", await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var revision = Assert.Single(host.Store.Publications(ServerModeHost.NavFredrikstad, December));
        Assert.Equal("Kari Nordmann (drift)", revision.PublishedBy);
        var values = host.Store.PublishedValues(ServerModeHost.NavFredrikstad, December, 1)!;
        // The office and both units it serves, every indicator; Hvaler sent nothing, which is frozen as not captured.
        Assert.Equal(["3107", "3110", "NAV-0106"], values.Select(v => v.Unit.Value).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(5, values.Single(v => v.Unit == ServerModeHost.Fredrikstad && v.Indicator == "BL151").Numerator);
        Assert.Null(values.Single(v => v.Unit == UnitCode.Parse("3110") && v.Indicator == "BL151").Numerator);
        Assert.Contains(host.Store.RunLog(100), e => e is { Kind: RunKind.Publication, Outcome: RunOutcome.Unchanged });
    }

    [Fact]
    public async Task A_scorecard_page_kept_before_its_month_was_published_shows_the_publication_at_once()
    {
        await using var host = await WithData(TestDatabases.Sqlite);
        // Twice, so the second answer is the page the snapshot's cache keeps; and a municipality's page shows its office's month too.
        foreach (var unit in new[] { "3107", "NAV-0106" })
        {
            Assert.Contains("<strong>Ikke publisert.</strong>", (await host.Get($"/malekort?enhet={unit}&maned=2024-12")).Body, StringComparison.Ordinal);
            Assert.Contains("<strong>Ikke publisert.</strong>", (await host.Get($"/malekort?enhet={unit}&maned=2024-12")).Body, StringComparison.Ordinal);
        }

        using var published = await DropFolderTests.Publish(host, "Kari Nordmann");

        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        foreach (var unit in new[] { "3107", "NAV-0106" })
        {
            var (status, page) = await host.Get($"/malekort?enhet={unit}&maned=2024-12");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains("<strong>Publisert for NAV Fredrikstad, revisjon 1.</strong>", page, StringComparison.Ordinal);
            Assert.DoesNotContain("Ikke publisert", page, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public async Task Two_approvals_of_the_same_month_at_once_make_one_revision(string kind)
    {
        await using var host = await WithData(kind);
        using var start = new Barrier(4);

        var responses = await Task.WhenAll(Enumerable.Range(1, 4).Select(i => Task.Run(async () =>
        {
            start.SignalAndWait(TestContext.Current.CancellationToken);
            return await DropFolderTests.Publish(host, $"Godkjenner {i}");
        })));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        foreach (var response in responses) response.Dispose();
        Assert.Equal(1, Assert.Single(host.Store.Publications()).Revision);
    }

    [Fact]
    public async Task Only_an_admin_or_the_offices_own_users_may_publish_and_a_month_without_data_is_refused()
    {
        await using var host = await WithData(TestDatabases.Sqlite);

        using var unitToken = await DropFolderTests.Publish(host, "Kari", token: host.FredrikstadToken);
        using var noToken = await DropFolderTests.Publish(host, "Kari", token: "ikke-en-gyldig-nokkel-i-det-hele-tatt");
        using var empty = await DropFolderTests.Publish(host, "Kari", month: "2023-06");
        using var unknown = await DropFolderTests.Publish(host, "Kari", office: "NAV-0999");

        Assert.Equal(HttpStatusCode.Forbidden, unitToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        // June 2023 is before every extract: nothing captured, nothing to approve (a captured zero would be publishable).
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Empty(host.Store.Publications());

        using var office = await DropFolderTests.Publish(host, "Kari", token: host.OfficeToken);

        Assert.Equal(HttpStatusCode.Created, office.StatusCode);
        Assert.Equal("Kari (kari)", Assert.Single(host.Store.Publications()).PublishedBy);
    }

    [Fact]
    public async Task The_approval_form_needs_its_anti_forgery_token_and_records_the_signed_in_user()
    {
        await using var host = await WithData(TestDatabases.Sqlite);
        var (status, page) = await host.Get("/publisering?kontor=NAV-0106&maned=2024-12");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Ikke publisert.", page, StringComparison.Ordinal);
        var antiforgery = AntiforgeryField().Match(page);
        Assert.True(antiforgery.Success, "the form carries an anti-forgery token");

        Dictionary<string, string> Form(bool withToken = true)
        {
            var fields = new Dictionary<string, string>(StringComparer.Ordinal) { ["kontor"] = "NAV-0106", ["maned"] = "2024-12" };
            if (withToken) fields[antiforgery.Groups["name"].Value] = WebUtility.HtmlDecode(antiforgery.Groups["value"].Value);
            return fields;
        }

        using var forged = await Post(host, Form(withToken: false));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Empty(host.Store.Publications());

        using var approved = await Post(host, Form());

        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal("/publisering?kontor=NAV-0106&maned=2024-12&resultat=publisert", approved.Headers.Location?.OriginalString);
        var (_, after) = await host.Get(approved.Headers.Location!.OriginalString);
        Assert.Contains("Revisjon 1 er publisert.", after, StringComparison.Ordinal);
        Assert.Equal("kari", Assert.Single(host.Store.Publications()).PublishedBy);
        var entry = Assert.Single(host.Store.RunLog(100), e => e.Kind == RunKind.Publication);
        Assert.Equal(RunChannel.User, entry.Channel);
    }

    [Fact]
    public async Task The_run_log_page_and_API_list_captures_computations_and_publications_newest_first()
    {
        await using var host = await WithData(TestDatabases.Sqlite);
        // The computation that showed the extract is logged just after it is shown: wait for it, so the publication is the newest.
        var computed = $"Dataversjon {host.Store.DataVersion().ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        await host.WaitFor(() => host.Store.RunLog(100).Any(e => e.Kind == RunKind.Computation && e.Subject == computed),
            "beregningen er logget");
        using var published = await DropFolderTests.Publish(host, "Kari Nordmann");

        var (status, page) = await host.Get("/driftslogg");
        var json = await host.GetJson("/api/driftslogg");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("3107/uttrekk.zip", page, StringComparison.Ordinal);
        Assert.Contains("Mottaksmappe", page, StringComparison.Ordinal);
        var entries = json.EnumerateArray().ToList();
        Assert.Equal("publication", entries[0].GetProperty("kind").GetString());
        Assert.Contains(entries, e => e.GetProperty("kind").GetString() == "capture" && e.GetProperty("outcome").GetString() == "imported");
        Assert.Contains(entries, e => e.GetProperty("kind").GetString() == "computation");
        var ids = entries.Select(e => e.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(ids.OrderDescending(), ids);
        var (badStatus, _) = await host.Get("/api/driftslogg?antall=null");
        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
    }

    private static async Task<HttpResponseMessage> Post(ServerModeHost host, Dictionary<string, string> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await host.Client.PostAsync(new Uri("/publisering", UriKind.Relative), content, TestContext.Current.CancellationToken);
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>__RequestVerificationToken)\" value=\"(?<value>[^\"]+)\" ?/?>")]
    private static partial Regex AntiforgeryField();
}
