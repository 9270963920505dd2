using System.IO.Compression;
using Malekort.Import.Kostra;
using Malekort.Storage;
using Malekort.Storage.Sqlite;

namespace Malekort.Import.Pipeline;

/// <summary>
/// Issue 13: a parsed input is held until it is stored, so the pipeline reads the next one ahead only when the two are
/// small together (<see cref="ImportPipeline.LookAheadBytes"/>); a large one waits until the one before it has landed.
/// </summary>
public sealed class ReadAheadTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("read-ahead-").FullName;

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

    [Fact]
    public void An_input_too_large_to_read_ahead_is_read_only_after_the_one_before_it_has_landed()
    {
        var first = Write("KOSTRA_11F_3107_2025.dat", KostraRecordBuilder.Sosialhjelp(2025, "3107"));
        var second = Write("KOSTRA_11F_4204_2025.dat", KostraRecordBuilder.Sosialhjelp(2025, "4204"));
        using var store = new SqliteStore(Path.Combine(folder, "malekort.db"));
        store.Migrate();
        // Every input is over a bound of one byte, so none may be read while the one before it is written.
        var pipeline = new ImportPipeline(store, KostraFixture.Pseudonyms, new KostraFixture.FixedClock(KostraFixture.Now)) { LookAheadBytes = 1 };

        // The second file is gone once the first has landed: read then, it is missing; read ahead, it would be imported.
        var entries = pipeline.Import([first, second], (input, _) =>
        {
            if (input == first) File.Delete(second);
        });

        Assert.Equal([ImportOutcome.Imported, ImportOutcome.Rejected], entries.Select(e => e.Outcome));
    }

    [Fact]
    public void Small_inputs_are_all_imported_in_order_with_reading_ahead()
    {
        var inputs = new[] { "3107", "4204", "0301" }.Select(unit => Write($"KOSTRA_11F_{unit}_2025.dat",
            KostraRecordBuilder.Sosialhjelp(2025, unit).Apply(unit == "0301" ? "BYDELSNR=01" : ""))).ToList();
        using var store = new SqliteStore(Path.Combine(folder, "malekort.db"));
        store.Migrate();
        var pipeline = new ImportPipeline(store, KostraFixture.Pseudonyms, new KostraFixture.FixedClock(KostraFixture.Now));
        var finished = new List<string>();

        var entries = pipeline.Import(inputs, (input, _) => finished.Add(input));

        Assert.All(entries, e => Assert.Equal(ImportOutcome.Imported, e.Outcome));
        Assert.Equal(inputs, finished);
    }

    [Fact]
    public void An_input_is_as_large_as_its_files_and_a_zip_as_its_entries_unpacked()
    {
        var batch = Directory.CreateDirectory(Path.Combine(folder, "batch")).FullName;
        File.WriteAllBytes(Path.Combine(batch, "persons.csv"), new byte[1000]);
        File.WriteAllBytes(Path.Combine(batch, "payments.csv"), new byte[2500]);
        var zip = Path.Combine(folder, "batch.zip");
        ZipFile.CreateFromDirectory(batch, zip);

        Assert.Equal(3500, ImportPipeline.InputBytes(batch));
        Assert.Equal(3500, ImportPipeline.InputBytes(zip));
        Assert.True(new FileInfo(zip).Length < 3500);
        Assert.Equal(1000, ImportPipeline.InputBytes(Path.Combine(batch, "persons.csv")));
        Assert.Equal(0, ImportPipeline.InputBytes(Path.Combine(folder, "finnes-ikke.zip")));
    }

    private string Write(string name, KostraRecordBuilder record)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, KostraFixture.File(record));
        return path;
    }
}
