using Malekort.Import.Detection;
using Malekort.Import.Pipeline;
using Malekort.Storage;
using Malekort.Storage.Sqlite;
using Malekort.Units;

namespace Malekort.Import.Kostra;

/// <summary>KOSTRA files are recognised among other inputs and land through the pipeline in a real store.</summary>
public sealed class KostraRoutingTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("kostra-routing-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite's connection pool may still hold the database file; the temp folder is left for the OS to clean.
        }
    }

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    [Fact]
    public void Kostra_files_are_recognised_and_other_inputs_are_not_taken_for_them()
    {
        var f = Write("sosialhjelp.dat", KostraFixture.File(KostraRecordBuilder.Sosialhjelp(2025)));
        var cf = Write("kvp.dat", KostraFixture.File(KostraRecordBuilder.Kvalifisering(2024)));
        var none = Write("KOSTRA_11F_3107_2025.dat", " "u8.ToArray());
        var population = Path.Combine(AppContext.BaseDirectory, "Fixtures", "population");

        Assert.Equal(InputFormat.Kostra, InputFormats.Recognise(f));
        Assert.Equal(InputFormat.Kostra, InputFormats.Recognise(cf));
        Assert.Equal(InputFormat.Kostra, InputFormats.Recognise(none));
        Assert.Equal(InputFormat.SsbPopulation, InputFormats.Recognise(Path.Combine(population, "ssb_07459_jsonstat2_2024.json")));
        Assert.Equal(InputFormat.SsbPopulation,
            InputFormats.Recognise(Path.Combine(population, "ssb_07459_csv_eksport_nb_to_aar_iso-8859-1.csv")));
        Assert.Equal(InputFormat.Unknown, InputFormats.Recognise(Write("notat.txt", "ikke KOSTRA\n"u8.ToArray())));
    }

    [Fact]
    public void Pipeline_lands_each_year_once_and_logs_a_rejected_file_as_kostra()
    {
        using var store = new SqliteStore(Path.Combine(folder, "malekort.db"));
        store.Migrate();
        var pipeline = new ImportPipeline(store, KostraFixture.Pseudonyms, new KostraFixture.FixedClock(KostraFixture.Now));
        var y2024 = Write("KOSTRA_11F_3107_2024.dat", KostraFixture.File(KostraRecordBuilder.Sosialhjelp(2024)));
        var y2025 = Write("KOSTRA_11F_3107_2025.dat", KostraFixture.File(KostraRecordBuilder.Sosialhjelp(2025)));
        var broken = Write("KOSTRA_11CF_3107_2025.dat", KostraFixture.File(KostraRecordBuilder.Kvalifisering(2025).Apply("STATUS=9")));
        var none = Write("KOSTRA_11CF_3107_2024.dat", " "u8.ToArray());

        var first = pipeline.ImportOne(y2024);
        var second = pipeline.ImportOne(y2025);
        var again = pipeline.ImportOne(y2025);
        var rejected = pipeline.ImportOne(broken);
        var empty = pipeline.ImportOne(none);

        Assert.Equal((ImportOutcome.Imported, "kostra-11F", "3107"), (first.Outcome, first.Format, first.Unit?.Value));
        Assert.Equal(6, first.Counts["payments"]);
        Assert.Equal(ImportOutcome.Imported, second.Outcome);
        Assert.Equal(ImportOutcome.AlreadyImported, again.Outcome);
        Assert.Equal((ImportOutcome.Rejected, "kostra-11CF"), (rejected.Outcome, rejected.Format));
        Assert.Contains(rejected.Findings, f => f.Rule == "036");
        Assert.Equal((ImportOutcome.Imported, "kostra-11CF"), (empty.Outcome, empty.Format));
        var headers = store.Load().WorkingSet.BatchesOf(UnitCode.Parse("3107"));
        Assert.Equal(["kostra-11F", "kostra-11F", "kostra-11CF"], headers.Select(h => h.Format));
    }
}
