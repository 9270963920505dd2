using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Malekort.DataQuality;
using Malekort.Storage;
using Malekort.Testing;
using Malekort.Web.Capture;

namespace Malekort.Web.Publishing;

/// <summary>
/// Lists that grow with the data are shown a page at a time: an input's findings on its run log entry and in the API, the
/// import log on the data-quality page, and one import's findings; a page that does not exist is a Norwegian 400.
/// </summary>
public sealed class PagedFindingsTests
{
    [Fact]
    public async Task A_rejected_uploads_findings_are_paged_on_its_run_log_entry_and_in_the_API()
    {
        await using var host = await ServerModeHost.Start(TestDatabases.Sqlite);
        // 150 payments, each wrong in amount, status and date: three kinds of 150, listed 100 each and counted on one line each.
        var (status, body) = await Upload(host, BrokenBatch(150));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        var id = body.GetProperty("import").GetProperty("runLogId").GetInt64();
        // A rejected file's unit is not recorded: its findings are the administrators' (FindingsWithheldTests).
        Task<(HttpStatusCode Status, string Body)> Get(string path) => host.GetAs(host.AdminToken, path);

        var (first, firstPage) = await Get($"/driftslogg/{id}");
        var (second, secondPage) = await Get($"/driftslogg/{id}?side=2");
        var (missing, missingPage) = await Get($"/driftslogg/{id}?side=3");
        var apiFirst = JsonDocument.Parse((await Get($"/api/driftslogg/{id}")).Item2).RootElement;
        var api = JsonDocument.Parse((await Get($"/api/driftslogg/{id}?side=2")).Item2).RootElement;

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.BadRequest), (first, second, missing));
        Assert.Contains("Side 1 av 2", firstPage, StringComparison.Ordinal);
        Assert.Contains("Side 2 av 2", secondPage, StringComparison.Ordinal);
        Assert.Contains("funn til av samme slag er ikke vist: 150 i alt", secondPage, StringComparison.Ordinal);
        Assert.Contains("«side» må være et helt tall fra 1 til 2", missingPage, StringComparison.Ordinal);
        Assert.Equal((2, 2), (api.GetProperty("page").GetInt32(), api.GetProperty("pages").GetInt32()));
        Assert.Equal(RunLogPages.FindingsPerPage, apiFirst.GetProperty("findings").GetArrayLength());
        var lines = apiFirst.GetProperty("findings").EnumerateArray().Concat(api.GetProperty("findings").EnumerateArray()).ToList();
        Assert.InRange(lines.Count, RunLogPages.FindingsPerPage + 1, 2 * RunLogPages.FindingsPerPage);
        Assert.Equal(api.GetProperty("findingsCount").GetInt64(), lines.Sum(f => (long)f.GetProperty("count").GetInt32()));
    }

    [Fact]
    public async Task The_import_log_is_paged_and_each_imports_findings_have_a_paged_page_of_their_own()
    {
        await using var host = await ServerModeHost.Start(TestDatabases.Sqlite);
        var at = new DateTimeOffset(2025, 1, 2, 9, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 60; i++)
        {
            var rows = Enumerable.Range(2, i == 0 ? 250 : 1).Select(line =>
                new Finding(Severity.Error, "payments.csv", line, string.Create(CultureInfo.InvariantCulture, $"kolonne{line}"), "Feil.")).ToList();
            host.Store.LogRejected(new ImportLogEntry(string.Create(CultureInfo.InvariantCulture, $"levering-{i:D2}.zip"), "malekort-capture/1", at.AddMinutes(i),
                ImportOutcome.Rejected, null, null, null, "", new Dictionary<string, int>(), rows));
        }
        var oldest = host.Store.ImportLogPage(0, 100).Entries.Single(e => e.Source == "levering-00.zip");
        // Findings of files without a known unit are the administrators' (FindingsWithheldTests).
        Task<(HttpStatusCode Status, string Body)> Get(string path) => host.GetAs(host.AdminToken, path);

        var (_, first) = await Get("/datakvalitet");
        var (_, second) = await Get("/datakvalitet?side=2");
        var (tooFar, _) = await Get("/datakvalitet?side=9");
        var (_, findings) = await Get($"/datakvalitet/import/{oldest.Id}?side=2");

        Assert.Contains("levering-59.zip", first, StringComparison.Ordinal);
        Assert.DoesNotContain("levering-00.zip", first, StringComparison.Ordinal);
        Assert.Contains("Side 1 av 2", first, StringComparison.Ordinal);
        Assert.Contains("levering-00.zip", second, StringComparison.Ordinal);
        Assert.Contains($"href=\"/datakvalitet/import/{oldest.Id}\">Alle 250 funn", second, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tooFar);
        Assert.Contains("Side 2 av 2", findings, StringComparison.Ordinal);
        Assert.Contains("kolonne251", findings, StringComparison.Ordinal);
        Assert.DoesNotContain("kolonne2<", findings, StringComparison.Ordinal);
    }

    private static byte[] BrokenBatch(int rows)
    {
        var payments = new StringBuilder("payment_id,person_id,benefit_type,amount,status,payment_date,period_from,period_to,case_id\n");
        for (var i = 0; i < rows; i++) payments.Append(CultureInfo.InvariantCulture, $"U{i},P01,SH,-{i + 1},UKJENT,2024-13-05,,,\n");
        var files = new TestExtract("3107", new DateTimeOffset(2025, 1, 3, 5, 0, 0, TimeSpan.Zero)).Files().ToDictionary();
        files["payments.csv"] = payments.ToString();
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in files)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(Encoding.UTF8.GetBytes(text));
            }
        }
        return buffer.ToArray();
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> Upload(ServerModeHost host, byte[] zip)
    {
        using var content = new ByteArrayContent(zip);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/leveranser?filnavn=feil.zip", UriKind.Relative)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", host.AdminToken);
        using var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone());
    }
}
