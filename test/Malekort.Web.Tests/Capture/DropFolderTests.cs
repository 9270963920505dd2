using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Malekort.Storage;
using Malekort.Testing;

namespace Malekort.Web.Capture;

public sealed class DropFolderTests
{
    private static readonly DateTimeOffset FirstExtract = new(2025, 1, 3, 5, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public async Task A_dropped_batch_is_imported_and_shown_and_a_corrected_batch_after_publishing_becomes_revision_2_with_its_difference(string kind)
    {
        await using var host = await ServerModeHost.Start(kind);
        var unitFolder = Path.Combine(host.DropFolder, "3107");
        Assert.True(Directory.Exists(unitFolder), "the unit's folder is made at start");

        new TestExtract("3107", FirstExtract).DropZip(unitFolder, "uttrekk.zip");

        await host.WaitFor(async () => await host.Recipients("3107", "2024-12") == 5, "5 mottakere i desember vises");
        await host.WaitFor(() => File.Exists(Path.Combine(unitFolder, "importert", "uttrekk.zip")), "flyttet til importert/");
        Assert.False(File.Exists(Path.Combine(unitFolder, "uttrekk.zip")));
        var (_, unpublished) = await host.Get("/malekort?enhet=NAV-0106&maned=2024-12");
        Assert.Contains("Ikke publisert.", unpublished, StringComparison.Ordinal);

        using (var first = await Publish(host, "Kari Nordmann"))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }
        var (_, published) = await host.Get("/malekort?enhet=3107&maned=2024-12");
        Assert.Contains("Publisert for NAV Fredrikstad, revisjon 1.", published, StringComparison.Ordinal);
        Assert.Contains("Tallene er de samme som i den publiserte revisjonen.", published, StringComparison.Ordinal);

        // Two days later the vendor sends a corrected extract: newer, and person 5's December payment cancelled. It was made
        // before the server's clock (an extract from the future is refused), so the clock need not jump: a jump of days would
        // fire every periodic timer of the server once per period on the way, which took minutes on PostgreSQL.
        new TestExtract("3107", FirstExtract.AddDays(2)).Cancel(TestExtract.DecemberPayment(5)).DropZip(unitFolder, "uttrekk.zip");

        await host.WaitFor(async () => await host.Recipients("3107", "2024-12") == 4, "4 mottakere etter rettingen");
        await host.WaitFor(() => File.Exists(Path.Combine(unitFolder, "importert", "uttrekk-2.zip")), "den rettede ved siden av");
        var (_, changed) = await host.Get("/malekort?enhet=NAV-0106&maned=2024-12");
        Assert.Contains("Tallene har endret seg siden publisering", changed, StringComparison.Ordinal);
        Assert.Single(host.Store.Publications(ServerModeHost.NavFredrikstad, new Periods.Month(2024, 12)));

        using (var second = await Publish(host, "Ola Nordmann"))
        {
            Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        }
        var json = await host.GetJson("/api/publiseringer?kontor=NAV-0106&maned=2024-12");
        Assert.Equal(2, json.GetProperty("revision").GetInt32());
        Assert.False(json.GetProperty("liveDiffers").GetBoolean());
        var revisions = json.GetProperty("revisions").EnumerateArray().ToList();
        Assert.Equal([1, 2], revisions.Select(r => r.GetProperty("revision").GetInt32()));
        Assert.Empty(revisions[0].GetProperty("changes").EnumerateArray());
        var changes = revisions[1].GetProperty("changes").EnumerateArray()
            .Where(c => c.GetProperty("indicator").GetString() == "BL151")
            .Select(c => (c.GetProperty("unit").GetString(), Numerator(c, "before"), Numerator(c, "after")))
            .ToList();
        Assert.Equal([("NAV-0106", 5L, 4L), ("3107", 5L, 4L)], changes);
        var (_, page) = await host.Get("/publisering?kontor=NAV-0106&maned=2024-12");
        Assert.Contains("Endringer fra revisjon 1 til 2", page, StringComparison.Ordinal);
        Assert.Contains("5 → <strong>4</strong>", page, StringComparison.Ordinal);

        // Another office sees that revision 2 was made, never what changed: «5 → 4» of a small unit would be a count in the open.
        using var sarpsborg = TestUsers.Client(host.Client.BaseAddress!,
            TestUsers.Token(host.Store, "sarpsborg", Confidentiality.ViewerRole.Kontor, Units.UnitCode.Office("0105")));
        var outside = JsonDocument.Parse(await sarpsborg.GetStringAsync(new Uri("/api/publiseringer?kontor=NAV-0106&maned=2024-12", UriKind.Relative),
            TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal(2, outside.GetProperty("revisions").GetArrayLength());
        Assert.All(outside.GetProperty("revisions").EnumerateArray(), r => Assert.Empty(r.GetProperty("changes").EnumerateArray()));
        Assert.Empty(outside.GetProperty("pendingChanges").EnumerateArray());
        var outsidePage = await sarpsborg.GetStringAsync(new Uri("/publisering?kontor=NAV-0106&maned=2024-12", UriKind.Relative),
            TestContext.Current.CancellationToken);
        Assert.Contains("vises bare for kontorets egne brukere", outsidePage, StringComparison.Ordinal);
        Assert.DoesNotContain("→", outsidePage, StringComparison.Ordinal);

        var log = host.Store.RunLog(100);
        Assert.Equal(2, log.Count(e => e is { Kind: RunKind.Capture, Channel: RunChannel.DropFolder, Outcome: RunOutcome.Imported }));
        Assert.Contains(log, e => e.Kind == RunKind.Computation && e.Outcome == RunOutcome.Computed);
        Assert.Equal(2, log.Count(e => e is { Kind: RunKind.Publication, Outcome: RunOutcome.Published }));
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public async Task A_rejected_drop_lands_in_avvist_with_its_findings_and_the_corrected_file_is_imported(string kind)
    {
        await using var host = await ServerModeHost.Start(kind);
        var unitFolder = Path.Combine(host.DropFolder, "3107");

        // Person 3's December payment (line 7 of payments.csv) has the date 2024-13-05.
        new TestExtract("3107", FirstExtract).BreakLine(TestExtract.DecemberPayment(3)).DropZip(unitFolder, "uttrekk.zip");

        var findingsFile = Path.Combine(unitFolder, "avvist", "uttrekk.zip.funn.txt");
        await host.WaitFor(() => File.Exists(findingsFile), "funnfilen i avvist/");
        Assert.True(File.Exists(Path.Combine(unitFolder, "avvist", "uttrekk.zip")));
        Assert.False(File.Exists(Path.Combine(unitFolder, "uttrekk.zip")));
        var findings = await File.ReadAllTextAsync(findingsFile, TestContext.Current.CancellationToken);
        Assert.Contains("payments.csv:7: payment_date:", findings, StringComparison.Ordinal);
        Assert.Contains("2024-13-05", findings, StringComparison.Ordinal);
        Assert.Null(await host.Recipients("3107", "2024-12"));
        var rejected = Assert.Single(host.Store.RunLog(100), e => e.Outcome == RunOutcome.Rejected);
        Assert.Equal("3107/uttrekk.zip", rejected.Subject);
        Assert.True(rejected.FindingsCount > 0);
        // The batch and its folder say 3107: the findings are NAV Fredrikstad's to see, and no other office's (issue 10 item 1).
        Assert.Equal("3107", rejected.Unit?.Value);
        var import = Assert.Single(host.Store.ImportLog(), e => e.Outcome == ImportOutcome.Rejected);
        Assert.Equal("3107", import.Unit?.Value);
        var sarpsborg = TestUsers.Token(host.Store, "sarpsborg", Confidentiality.ViewerRole.Kontor, Units.UnitCode.Office("0105"));
        foreach (var path in new[] { $"/driftslogg/{rejected.Id}", $"/api/driftslogg/{rejected.Id}", "/datakvalitet", $"/datakvalitet/import/{import.Id}" })
        {
            var (own, ownPage) = await host.Get(path);
            Assert.Equal((HttpStatusCode.OK, true), (own, ownPage.Contains("2024-13-05", StringComparison.Ordinal)));
            var (other, otherPage) = await host.GetAs(sarpsborg, path);
            Assert.DoesNotContain("2024-13-05", otherPage, StringComparison.Ordinal);
            Assert.Equal(path == "/datakvalitet" ? HttpStatusCode.OK : HttpStatusCode.NotFound, other);
        }

        new TestExtract("3107", FirstExtract).DropZip(unitFolder, "uttrekk.zip");

        await host.WaitFor(async () => await host.Recipients("3107", "2024-12") == 5, "den rettede filen er lest inn");
        await host.WaitFor(() => File.Exists(Path.Combine(unitFolder, "importert", "uttrekk.zip")), "flyttet til importert/");
        Assert.True(File.Exists(findingsFile), "the rejected file and its findings stay for the record");
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public async Task A_file_still_being_written_is_not_read_until_it_has_been_quiet(string kind)
    {
        await using var host = await ServerModeHost.Start(kind);
        // A watcher scanned step by step on the server's fake clock: nothing happens between the test's lines.
        var root = Path.Combine(host.DropFolder, "..", "mottak-trinnvis");
        var watcher = host.Watcher(root);
        var quiet = host.Options.DropQuietPeriod;
        var path = Path.Combine(root, "3107", "stor.zip");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var bytes = new TestExtract("3107", FirstExtract).ZipBytes();
        const int Chunks = 20;

        // A slow copy: half the quiet period passes before each piece, and the watcher looks after each; ten quiet periods
        // in all, never one without a change.
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read))
        {
            for (var i = 0; i < Chunks; i++)
            {
                if (i > 0) host.Clock.Advance(quiet / 2);
                var from = bytes.Length * i / Chunks;
                var to = bytes.Length * (i + 1) / Chunks;
                await file.WriteAsync(bytes.AsMemory(from, to - from), TestContext.Current.CancellationToken);
                await file.FlushAsync(TestContext.Current.CancellationToken);
                Assert.True(watcher.Scan(TestContext.Current.CancellationToken), $"piece {i + 1}: still settling");
                Assert.DoesNotContain(host.Store.RunLog(100), e => e.Kind == RunKind.Capture);
            }
        }
        // Finished, but not yet quiet for the whole period since its last piece.
        host.Clock.Advance(quiet - TimeSpan.FromMilliseconds(1));
        var settling = watcher.Scan(TestContext.Current.CancellationToken);
        var readEarly = host.Store.RunLog(100).Any(e => e.Kind == RunKind.Capture);
        host.Clock.Advance(TimeSpan.FromMilliseconds(1));
        watcher.Scan(TestContext.Current.CancellationToken);

        Assert.True(settling, "waiting for quiet");
        Assert.False(readEarly, "read before it had been quiet for the whole period");
        Assert.True(File.Exists(Path.Combine(root, "3107", "importert", "stor.zip")), "read once it had been quiet");
        Assert.False(Directory.Exists(Path.Combine(root, "3107", "avvist")));
        var entry = Assert.Single(host.Store.RunLog(100), e => e.Kind == RunKind.Capture);
        Assert.Equal(RunOutcome.Imported, entry.Outcome);
    }

    [Fact]
    public async Task Something_dropped_in_the_root_is_filed_under_the_unit_its_content_names()
    {
        await using var host = await ServerModeHost.Start(TestDatabases.Sqlite);

        new TestExtract("3110", FirstExtract).DropZip(host.DropFolder, "hvaler.zip");

        await host.WaitFor(() => File.Exists(Path.Combine(host.DropFolder, "3110", "importert", "hvaler.zip")), "arkivert under 3110");
        var entry = Assert.Single(host.Store.RunLog(100), e => e.Kind == RunKind.Capture);
        Assert.Equal(Units.UnitCode.Parse("3110"), entry.Unit);
        Assert.Equal("hvaler.zip", entry.Subject);
    }

    private static long? Numerator(JsonElement change, string side) =>
        change.GetProperty(side).GetProperty("numerator") is { ValueKind: JsonValueKind.Number } n ? n.GetInt64() : null;

    internal static async Task<HttpResponseMessage> Publish(ServerModeHost host, string by, string office = "NAV-0106", string month = "2024-12",
        string? token = null)
    {
        token ??= host.AdminToken;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/publiseringer", UriKind.Relative))
        {
            Content = JsonContent.Create(new { kontor = office, maned = month, godkjentAv = by }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await host.Client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
