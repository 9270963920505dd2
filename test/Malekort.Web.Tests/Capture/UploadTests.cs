using System.Net;
using System.Net.Http.Headers;
using Malekort.Confidentiality;
using System.Text.Json;
using Malekort.Storage;
using Malekort.Testing;
using Malekort.Web.State;
using Microsoft.Extensions.DependencyInjection;

namespace Malekort.Web.Capture;

public sealed class UploadTests
{
    private static readonly DateTimeOffset Extracted = new(2025, 1, 3, 5, 0, 0, TimeSpan.Zero);

    private static async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> Upload(ServerModeHost host, HttpContent content,
        string? token, string query = "?filnavn=uttrekk.zip")
    {
        using var client = TestUsers.Client(host.Client.BaseAddress!, token);
        var response = await client.PostAsync(new Uri("/api/leveranser" + query, UriKind.Relative), content, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(), response);
    }

    private static ByteArrayContent Zip(TestExtract extract)
    {
        var content = new ByteArrayContent(extract.ZipBytes());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        return content;
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public async Task A_batch_upload_answers_201_with_the_import_and_the_same_batch_again_200_with_nothing_changed(string kind)
    {
        await using var host = await ServerModeHost.Start(kind);

        var (status, body, response) = await Upload(host, Zip(new TestExtract("3107", Extracted)), host.FredrikstadToken);

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("imported", body.GetProperty("outcome").GetString());
        Assert.Equal("uttrekk.zip", body.GetProperty("source").GetString());
        Assert.Equal("3107", body.GetProperty("unit").GetString());
        Assert.Equal("2024-01-01", body.GetProperty("periodFrom").GetString());
        Assert.Equal(10, body.GetProperty("counts").GetProperty("payments").GetInt32());
        var runLogId = body.GetProperty("runLogId").GetInt64();
        Assert.Equal($"/api/driftslogg/{runLogId}", response.Headers.Location?.OriginalString);
        response.Dispose();
        await host.WaitFor(async () => await host.Recipients("3107", "2024-12") == 5, "opplastingen vises på målekortet");
        var logged = await host.GetJson($"/api/driftslogg/{runLogId}");
        Assert.Equal("upload", logged.GetProperty("channel").GetString());
        Assert.Equal("imported", logged.GetProperty("outcome").GetString());

        var (again, againBody, againResponse) = await Upload(host, Zip(new TestExtract("3107", Extracted)), host.AdminToken);
        againResponse.Dispose();

        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Equal("alreadyImported", againBody.GetProperty("outcome").GetString());
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public async Task A_rejected_upload_answers_422_with_every_finding_and_stores_nothing(string kind)
    {
        await using var host = await ServerModeHost.Start(kind);

        var (status, body, response) = await Upload(host, Zip(new TestExtract("3107", Extracted).BreakLine(TestExtract.DecemberPayment(3))),
            host.AdminToken);
        response.Dispose();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        var finding = Assert.Single(body.GetProperty("findings").EnumerateArray(), f => f.GetProperty("severity").GetString() is "error" or "fatal");
        Assert.Equal("payments.csv", finding.GetProperty("file").GetString());
        Assert.Equal(7, finding.GetProperty("line").GetInt32());
        Assert.Equal("payment_date", finding.GetProperty("column").GetString());
        Assert.Equal("rejected", body.GetProperty("import").GetProperty("outcome").GetString());
        Assert.Equal(0, host.Database.Count("batches"));
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public async Task A_rejected_upload_leaves_the_computed_scorecard_as_it_is_and_the_outage_copy_of_the_log_shows_it(string kind)
    {
        await using var host = await ServerModeHost.Start(kind);
        var state = host.Services.GetRequiredService<ScorecardState>();
        var shown = state.Shown;
        var computations = 0;
        state.Computed += _ => Interlocked.Increment(ref computations);

        var (status, body, response) = await Upload(host, Zip(new TestExtract("3107", Extracted).BreakLine(TestExtract.DecemberPayment(3))),
            host.AdminToken);
        response.Dispose();
        var refreshed = state.RefreshIfChanged();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        // A rejected input changes no figure: recomputing for it cost a national server 15 s and twice its memory each time.
        Assert.False(refreshed);
        Assert.Equal(0, computations);
        Assert.Same(shown, state.Shown);
        var newest = state.LastImports?.Entries[0];
        Assert.Equal((ImportOutcome.Rejected, body.GetProperty("import").GetProperty("contentHash").GetString()), (newest?.Outcome, newest?.ContentHash));
        Assert.Equal("payment_date", Assert.Single(newest!.Findings, f => f.Rejects).Column);
        Assert.Equal(body.GetProperty("import").GetProperty("runLogId").GetInt64(), state.LastRunLog?.Entries[0].Id);
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public async Task A_rejected_upload_is_logged_with_its_unit_only_when_the_sender_may_deliver_for_that_unit(string kind)
    {
        await using var host = await ServerModeHost.Start(kind);

        var (own, _, ownResponse) = await Upload(host, Zip(new TestExtract("3107", Extracted).BreakLine(TestExtract.DecemberPayment(3))),
            host.FredrikstadToken);
        ownResponse.Dispose();
        var (other, _, otherResponse) = await Upload(host, Zip(new TestExtract("3110", Extracted).BreakLine(TestExtract.DecemberPayment(3))),
            host.FredrikstadToken);
        otherResponse.Dispose();

        Assert.Equal((HttpStatusCode.UnprocessableEntity, HttpStatusCode.UnprocessableEntity), (own, other));
        // Its own municipality's rejected file is its office's to read; one that says it is another unit's is the administrators'.
        Assert.Equal(["3107", null], host.Store.RunLog(100).Where(e => e.Kind == RunKind.Capture).OrderBy(e => e.Id).Select(e => e.Unit?.Value));
        Assert.Equal(["3107", null], host.Store.ImportLog().Where(e => e.Outcome == ImportOutcome.Rejected).OrderBy(e => e.Id).Select(e => e.Unit?.Value));
        Assert.Equal(0, host.Database.Count("batches"));
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public async Task A_municipalitys_token_may_not_deliver_another_units_data_403_and_nothing_is_stored(string kind)
    {
        await using var host = await ServerModeHost.Start(kind);

        var (status, body, response) = await Upload(host, Zip(new TestExtract("3110", Extracted)), host.FredrikstadToken);
        response.Dispose();

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("3110", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, host.Database.Count("batches"));
        var refused = Assert.Single(host.Store.RunLog(100), e => e.Kind == RunKind.Capture);
        Assert.Equal(RunOutcome.Refused, refused.Outcome);
        Assert.DoesNotContain(host.FredrikstadToken, refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("en-nokkel-som-ingen-har-gitt-ut")]
    [InlineData("administratorens nøkkel og en bokstav til")]
    public async Task Without_a_valid_token_the_upload_answers_401_and_nothing_is_read(string? token)
    {
        await using var host = await ServerModeHost.Start(TestDatabases.Sqlite);
        if (token?.StartsWith("administratorens", StringComparison.Ordinal) == true) token = host.AdminToken + "x";

        var (status, _, response) = await Upload(host, Zip(new TestExtract("3107", Extracted)), token);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        response.Dispose();
        Assert.Equal(0, host.Database.Count("batches"));
        Assert.DoesNotContain(host.Store.RunLog(100), e => e.Kind == RunKind.Capture);
    }

    [Fact]
    public async Task An_upload_over_the_size_limit_answers_413()
    {
        await using var host = await ServerModeHost.Start(TestDatabases.Sqlite, o => new MalekortWebOptions
        {
            Urls = o.Urls,
            AcceptUploads = true,
            PseudonymKey = o.PseudonymKey,
            UploadLimitBytes = 100,
        });

        var (status, _, response) = await Upload(host, Zip(new TestExtract("3107", Extracted)), host.AdminToken);
        response.Dispose();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal(0, host.Database.Count("batches"));
    }

    [Theory]
    [InlineData(ViewerRole.Fylke, "31")]
    [InlineData(ViewerRole.Direktorat, null)]
    public async Task A_county_or_the_directorate_may_not_upload_at_all(ViewerRole role, string? unit)
    {
        await using var host = await ServerModeHost.Start(TestDatabases.Sqlite);
        var token = TestUsers.Token(host.Store, "leser", role, unit is null ? null : Units.UnitCode.Parse(unit));

        var (status, _, response) = await Upload(host, Zip(new TestExtract("3107", Extracted)), token);
        response.Dispose();

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal(0, host.Database.Count("batches"));
    }

    [Fact]
    public async Task An_office_user_may_deliver_every_unit_its_office_serves()
    {
        await using var host = await ServerModeHost.Start(TestDatabases.Sqlite);

        var (fredrikstad, _, first) = await Upload(host, Zip(new TestExtract("3107", Extracted)), host.OfficeToken);
        var (hvaler, _, second) = await Upload(host, Zip(new TestExtract("3110", Extracted)), host.OfficeToken);
        var (sarpsborg, _, third) = await Upload(host, Zip(new TestExtract("3105", Extracted)), host.OfficeToken);
        first.Dispose();
        second.Dispose();
        third.Dispose();

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Forbidden], [fredrikstad, hvaler, sarpsborg]);
    }

    [Fact]
    public async Task A_file_sent_as_a_multipart_form_is_imported_under_its_own_name()
    {
        await using var host = await ServerModeHost.Start(TestDatabases.Sqlite);
        using var form = new MultipartFormDataContent();
        form.Add(Zip(new TestExtract("3107", Extracted)), "fil", "desember.zip");

        var (status, body, response) = await Upload(host, form, host.AdminToken, query: "");
        response.Dispose();

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("desember.zip", body.GetProperty("source").GetString());
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("mappe\\uttrekk.zip", "uttrekk.zip")]
    [InlineData("", "leveranse")]
    [InlineData("..", "leveranse")]
    public void An_uploaded_name_never_leaves_the_upload_folder(string given, string expected) =>
        Assert.Equal(expected, UploadApi.SafeName(given));
}
