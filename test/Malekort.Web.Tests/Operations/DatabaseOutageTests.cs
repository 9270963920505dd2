using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Malekort.Testing;
using Malekort.Web.Capture;

namespace Malekort.Web.Operations;

/// <summary>
/// The PostgreSQL server stops under a running Målekort (its own server, halted at once as a crash would): the pages and the
/// API go on showing the last computation, <c>/helse/klar</c> says the database does not answer and what the pages show,
/// an upload is a 503 in Norwegian with nothing stored, the data-quality pages show the import log as the last computation read
/// it and say the database is down, and all is well again once the server is back.
/// </summary>
public sealed class DatabaseOutageTests
{
    [Fact]
    public async Task While_PostgreSQL_is_down_the_last_computation_is_served_and_said_so_and_uploads_are_a_Norwegian_503()
    {
        using var postgres = PostgresServer.StartPrivate();
        var host = await ServerModeHost.Start(clock => TestDatabases.CreateOn(postgres, clock));
        try
        {
            var extracted = new DateTimeOffset(2025, 1, 3, 5, 0, 0, TimeSpan.Zero);
            new TestExtract("3107", extracted).DropZip(Path.Combine(host.DropFolder, "3107"), "uttrekk.zip");
            await host.WaitFor(async () => await host.Recipients("3107", "2024-12") == 5, "uttrekket vises");

            var imported = host.Store.ImportLogPage(0, 10).Entries.First(e => e.Source.EndsWith("uttrekk.zip", StringComparison.Ordinal));

            postgres.Halt();

            var (page, html) = await host.Get("/malekort?enhet=3107&maned=2024-12");
            Assert.Equal(HttpStatusCode.OK, page);
            Assert.Contains("Fredrikstad", html, StringComparison.Ordinal);
            Assert.Equal(5, await host.Recipients("3107", "2024-12"));
            var (readyStatus, readyBody) = await host.Get("/helse/klar");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, readyStatus);
            var ready = JsonDocument.Parse(readyBody).RootElement;
            Assert.Equal(["Databasen svarer ikke."], ready.GetProperty("grunner").EnumerateArray().Select(r => r.GetString()));
            Assert.StartsWith("Sidene viser siste beregning, fra ", ready.GetProperty("viser").GetString(), StringComparison.Ordinal);

            // The data-quality pages too: what the last computation read, and that the database does not answer (issue 13 item 4).
            var (quality, qualityPage) = await host.Get("/datakvalitet");
            Assert.Equal(HttpStatusCode.OK, quality);
            Assert.Contains("id=\"database-utilgjengelig\"", qualityPage, StringComparison.Ordinal);
            Assert.Contains("Importloggen under er slik den var sist den ble lest", qualityPage, StringComparison.Ordinal);
            Assert.Contains("uttrekk.zip", qualityPage, StringComparison.Ordinal);
            var (older, olderPage) = await host.Get("/datakvalitet?side=2");
            Assert.Equal(HttpStatusCode.OK, older);
            Assert.Contains("bare den første siden kan vises nå", olderPage, StringComparison.Ordinal);
            var (findings, findingsPage) = await host.Get($"/datakvalitet/import/{imported.Id}");
            Assert.Equal(HttpStatusCode.OK, findings);
            Assert.Contains("slik de var sist de ble lest", findingsPage, StringComparison.Ordinal);
            var (unknown, unknownPage) = await host.Get($"/datakvalitet/import/{imported.Id + 1000}");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, unknown);
            Assert.Contains("kan ikke leses nå", unknownPage, StringComparison.Ordinal);

            // The run log: its newest entries as read after the last computation, said so; an entry's findings wait.
            var (log, logPage) = await host.Get("/driftslogg");
            Assert.Equal(HttpStatusCode.OK, log);
            Assert.Contains("Driftsloggen under er slik den var sist den ble lest", logPage, StringComparison.Ordinal);
            Assert.Contains("uttrekk.zip", logPage, StringComparison.Ordinal);
            var (entry, _) = await host.Get("/driftslogg/1");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, entry);

            var (uploadStatus, problem) = await Upload(host, new TestExtract("3110", extracted));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, uploadStatus);
            Assert.Equal("Databasen er ikke tilgjengelig", problem.GetProperty("title").GetString());
            Assert.Matches("^(Får ikke kontakt med databasen|Forbindelsen til databasen ble brutt)", problem.GetProperty("detail").GetString());

            postgres.Resume();

            await host.WaitFor(async () => (await host.Get("/helse/klar")).Status == HttpStatusCode.OK, "klar igjen");
            var (again, _) = await Upload(host, new TestExtract("3110", extracted));
            Assert.Equal(HttpStatusCode.Created, again);
            Assert.Equal(2, host.Database.Count("batches"));
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> Upload(ServerModeHost host, TestExtract extract)
    {
        using var content = new ByteArrayContent(extract.ZipBytes());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/leveranser?filnavn=uttrekk.zip", UriKind.Relative)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", host.AdminToken);
        using var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }
}
