using System.Net;
using Malekort.DataQuality;
using Malekort.Storage;
using Malekort.Testing;
using Malekort.Web.Capture;

namespace Malekort.Web.Publishing;

/// <summary>
/// A finding quotes the delivered file's values. A file whose unit was not read may be another office's, with small counts
/// in it (issue 10 item 3): its findings are shown to administrators only, on the run log, in its API and on the
/// data-quality page; an office's user sees that there are findings, not what they say.
/// </summary>
public sealed class FindingsWithheldTests
{
    private const string Quoted = "Ugyldig verdi 2 for P01 i 3105";

    [Fact]
    public async Task Findings_of_a_file_without_a_unit_are_withheld_from_an_office_and_shown_to_an_administrator()
    {
        await using var host = await ServerModeHost.Start(TestDatabases.Sqlite);
        var findings = new List<Finding> { new(Severity.Error, "payments.csv", 2, "amount", Quoted) };
        var at = ServerModeHost.Started;
        var runLogId = host.Store.AppendRunLog(new RunLogEntry(RunKind.Capture, RunChannel.Upload, at, TimeSpan.FromSeconds(1), RunOutcome.Rejected,
            "ukjent.zip", null, null, "Avvist.", findings));
        host.Store.LogRejected(new ImportLogEntry("ukjent.zip", "malekort-capture/1", at, ImportOutcome.Rejected, null, null, null, "",
            new Dictionary<string, int>(), findings));
        var importId = host.Store.ImportLogPage(0, 10).Entries.Single(e => e.Source == "ukjent.zip").Id;
        using var admin = TestUsers.Client(host.Client.BaseAddress!, host.AdminToken);

        var office = await Pages(host.Client, runLogId, importId);
        var administrator = await Pages(admin, runLogId, importId);

        Assert.All(office.Texts, text => Assert.DoesNotContain(Quoted, text, StringComparison.Ordinal));
        Assert.Contains("Funnene vises bare for administratorer", office.Texts[0], StringComparison.Ordinal);
        Assert.Contains("funn (vises bare for administratorer)", office.Texts[2], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, office.ImportFindings);
        Assert.All(administrator.Texts, text => Assert.Contains(Quoted, text, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, administrator.ImportFindings);
    }

    // The run log entry page, its API and the data-quality page; and the status of the import's own findings page.
    private static async Task<(string[] Texts, HttpStatusCode ImportFindings)> Pages(HttpClient client, long runLogId, long importId)
    {
        var texts = new List<string>();
        foreach (var path in new[] { $"/driftslogg/{runLogId}", $"/api/driftslogg/{runLogId}", "/datakvalitet" })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            texts.Add(WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
        }
        using var findings = await client.GetAsync(new Uri($"/datakvalitet/import/{importId}", UriKind.Relative), TestContext.Current.CancellationToken);
        return ([.. texts], findings.StatusCode);
    }
}
