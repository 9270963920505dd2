using Malekort.Capture;
using Malekort.DataQuality;
using Malekort.Import.Capture;
using Malekort.Import.Digisos;
using Malekort.Import.Kostra;
using Malekort.Import.Pipeline;
using Malekort.Storage;
using Malekort.Storage.Sqlite;
using Malekort.Units;

namespace Malekort.Import.Limits;

/// <summary>
/// Dates that cannot be reject the input: an extract made after the import, an event that has not happened, a period before
/// 2000 or longer than ten years. The fixture batch covers 2023-01-01–2024-03-31 and was extracted 2024-04-02; it is
/// imported on 2024-04-10.
/// </summary>
public sealed class ImpossibleDateTests : IDisposable
{
    private static readonly DateTimeOffset ImportTime = new(2024, 4, 10, 12, 0, 0, TimeSpan.Zero);
    private readonly string folder = Directory.CreateTempSubdirectory("malekort-dates-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Theory]
    [InlineData("\"extracted_at\": \"2024-04-02T05:00:00Z\"", "\"extracted_at\": \"2999-01-01T00:00:00Z\"", "extracted_at", "fremtiden")]
    [InlineData("\"extracted_at\": \"2024-04-02T05:00:00Z\"", "\"extracted_at\": \"2024-04-11T12:30:00Z\"", "extracted_at", "fremtiden")]
    [InlineData("\"period_from\": \"2023-01-01\"", "\"period_from\": \"1999-12-01\"", "period_from", "før 2000-01-01")]
    [InlineData("\"period_from\": \"2023-01-01\"", "\"period_from\": \"2014-03-01\"", "period_from", "dekker 121 måneder")]
    public void A_date_in_batch_json_that_cannot_be_rejects_the_batch(string from, string to, string column, string why)
    {
        using var batch = BatchFolder.Copy(CaptureFixture.PersonIds);
        batch.Edit("batch.json", json => json.Replace(from, to, StringComparison.Ordinal));

        var error = CaptureFixture.SingleError(Read(batch.Path));

        Assert.Equal(("batch.json", column), (error.File, error.Column));
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"extracted_at\": \"2024-04-11T11:00:00Z\"")]
    [InlineData("\"period_from\": \"2014-04-01\"")]
    public void A_date_just_inside_the_limits_is_accepted(string edit)
    {
        using var batch = BatchFolder.Copy(CaptureFixture.PersonIds);
        var field = edit[..edit.IndexOf(':', StringComparison.Ordinal)];
        batch.Edit("batch.json", json => string.Join('\n', json.Split('\n')
            .Select(l => l.TrimStart().StartsWith(field, StringComparison.Ordinal) ? "  " + edit + (l.EndsWith(',') ? "," : "") : l)));

        var result = Read(batch.Path);

        Assert.True(result.Accepted, CaptureFixture.Describe(result));
    }

    [Fact]
    public void A_payment_dated_after_the_import_day_rejects_the_batch_at_its_line()
    {
        using var batch = BatchFolder.Copy(CaptureFixture.PersonIds);
        batch.Edit("batch.json", json => json.Replace("\"period_to\": \"2024-03-31\"", "\"period_to\": \"2024-12-31\"", StringComparison.Ordinal));
        batch.Append("payments.csv", "U8,P001,LIVOPP,100,UTBETALT,2024-04-11,,,S1");
        batch.Append("payments.csv", "U9,P001,LIVOPP,100,UTBETALT,2024-06-01,,,S1");

        var error = CaptureFixture.SingleError(Read(batch.Path));

        Assert.Equal(("payments.csv", 8, "payment_date"), (error.File, error.Line, error.Column));
        Assert.Equal("payment_date 2024-06-01 ligger etter innlesingsdagen 2024-04-10; en hendelse kan ikke være i fremtiden.", error.Message);
    }

    [Fact]
    public void A_digisos_file_dated_2099_is_rejected()
    {
        var text = File.ReadAllText(DigisosFixture.Fixture("fredrikstad-socio.json")).Replace("\"2024-", "\"2099-", StringComparison.Ordinal);
        var path = Path.Combine(folder, "digisos-2099.json");
        File.WriteAllText(path, text);

        var result = new DigisosReader(DigisosFixture.TestPseudonyms, new KostraFixture.FixedClock(new(2024, 7, 1, 0, 0, 0, TimeSpan.Zero)))
            .Read(path);

        var errors = DigisosFixture.Rejections(result);
        Assert.Contains(errors, f => f.Column == "hendelsestidspunkt" && f.Message.Contains("ligger etter innlesingsdagen 2024-07-01", StringComparison.Ordinal));
    }

    [Fact]
    public void A_digisos_payment_planned_for_2099_stretches_no_computation_but_rejects_the_application()
    {
        var planned = """
            {
              "utbetalingsreferanse": "9399",
              "saksreferanse": "4522098",
              "status": "PLANLAGT_UTBETALING",
              "belop": 100,
              "forfallsdato": "2099-02-01",
              "type": "utbetaling",
              "hendelsestidspunkt": "2024-03-01T06:00:00.000Z"
            },
            {
              "utbetalingsreferanse": "9302",
            """;
        var text = File.ReadAllText(DigisosFixture.Fixture("fredrikstad-socio.json"))
            .Replace("{\n          \"utbetalingsreferanse\": \"9302\",", planned, StringComparison.Ordinal);
        Assert.Contains("9399", text, StringComparison.Ordinal);
        var path = Path.Combine(folder, "planlagt-2099.json");
        File.WriteAllText(path, text);
        using var store = Store();
        var pipeline = new ImportPipeline(store, DigisosFixture.TestPseudonyms, new KostraFixture.FixedClock(new(2024, 7, 1, 0, 0, 0, TimeSpan.Zero)));

        var entry = pipeline.ImportOne(path);

        Assert.Equal(ImportOutcome.Rejected, entry.Outcome);
        var error = Assert.Single(entry.Findings, f => f.Rejects);
        Assert.Equal(("planlagt-2099.json", "period_from"), (error.File, error.Column));
        Assert.Contains("måneder; en leveranse kan dekke høyst 120 måneder", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(store.ImportLog(), e => e.Outcome == ImportOutcome.Imported);
    }

    private static ReadResult<CaptureBatch> Read(string path) =>
        new CaptureReader(CaptureFixture.Pseudonyms, UnitRegister.Default, new KostraFixture.FixedClock(ImportTime)).Read(path);

    private SqliteStore Store()
    {
        var store = new SqliteStore(Path.Combine(folder, "malekort.db"));
        store.Migrate();
        return store;
    }
}
