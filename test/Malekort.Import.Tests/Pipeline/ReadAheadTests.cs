using System.IO.Compression;
using Malekort.Import.Kostra;
using Malekort.Storage;
using Malekort.Storage.Sqlite;

namespace Malekort.Import.Pipeline;

/// <summary>
/// Issue 13: a parsed input is held until it is stored, so the pipeline reads the next one only while it fits beside those
/// held (<see cref="ImportPipeline.LookAheadBytes"/>): read ahead, or in the group being written (issue 14,
/// <see cref="ReadAhead{T}"/>) until that has landed. A reader held back is told from a slow one by
/// <see cref="ReadAhead{T}.Waits"/>, never by time.
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
    public void An_input_that_does_not_fit_beside_the_group_being_written_is_read_only_after_the_first_of_them_has_landed()
    {
        var inputs = new[] { "3107", "4204", "3103" }.Select(unit => Write($"KOSTRA_11F_{unit}_2025.dat",
            KostraRecordBuilder.Sosialhjelp(2025, unit))).ToList();
        var size = new FileInfo(inputs[0]).Length;
        Assert.All(inputs, input => Assert.Equal(size, new FileInfo(input).Length));
        using var store = new SqliteStore(Path.Combine(folder, "malekort.db"));
        store.Migrate();
        // Two inputs fit, three do not: the third waits for the first to land, however the first two were grouped.
        var pipeline = new ImportPipeline(store, KostraFixture.Pseudonyms, new KostraFixture.FixedClock(KostraFixture.Now)) { LookAheadBytes = 2 * size };
        var finished = new List<string>();

        var entries = pipeline.Import(inputs, (input, _) =>
        {
            finished.Add(input);
            if (input == inputs[0]) File.Delete(inputs[2]);
        });

        Assert.Equal(inputs, finished);
        Assert.Equal([ImportOutcome.Imported, ImportOutcome.Imported, ImportOutcome.Rejected], entries.Select(e => e.Outcome));
    }

    [Fact]
    public async Task Inputs_that_fit_are_read_ahead_and_taken_together_in_order_until_the_count_is_reached()
    {
        using var ahead = new ReadAhead<int>(maxItems: 3, maxBytes: 100);
        foreach (var item in new[] { 1, 2, 3 })
        {
            // Called on this thread: had it to wait, nothing would ever free it and the test would not end.
            Assert.True(ahead.Reserve(10));
            ahead.Add(item);
        }
        var fourth = ReserveElsewhere(ahead, 10);
        HeldBackOrDone(ahead, 0, fourth);

        Assert.False(fourth.IsCompleted);
        Assert.Equal([1, 2, 3], ahead.TakeReady());
        ahead.Landed(10);
        Assert.True(await fourth);
    }

    [Fact]
    public async Task The_group_being_written_counts_until_each_of_it_has_landed()
    {
        using var ahead = new ReadAhead<int>(maxItems: 64, maxBytes: 100);
        Assert.True(ahead.Reserve(40));
        ahead.Add(1);
        Assert.True(ahead.Reserve(40));
        ahead.Add(2);
        Assert.Equal([1, 2], ahead.TakeReady());

        // Being written, the two still hold 80 bytes: 70 more would pass 100, and still would beside one of them.
        var next = ReserveElsewhere(ahead, 70);
        HeldBackOrDone(ahead, 0, next);
        Assert.False(next.IsCompleted);
        ahead.Landed(40);
        HeldBackOrDone(ahead, 1, next);
        Assert.False(next.IsCompleted);
        ahead.Landed(40);
        Assert.True(await next);
    }

    [Fact]
    public async Task An_input_larger_than_the_bound_is_read_once_nothing_is_held_and_holds_back_the_next()
    {
        using var ahead = new ReadAhead<int>(maxItems: 64, maxBytes: 100);
        Assert.True(ahead.Reserve(1000));
        ahead.Add(1);
        var next = ReserveElsewhere(ahead, 1);
        HeldBackOrDone(ahead, 0, next);

        Assert.False(next.IsCompleted);
        Assert.Equal([1], ahead.TakeReady());
        ahead.Landed(1000);
        Assert.True(await next);
    }

    [Fact]
    public async Task A_reader_waiting_for_room_stops_when_the_store_fails()
    {
        var ahead = new ReadAhead<int>(maxItems: 64, maxBytes: 100);
        Assert.True(ahead.Reserve(60));
        ahead.Add(1);
        var next = ReserveElsewhere(ahead, 60);
        HeldBackOrDone(ahead, 0, next);
        Assert.False(next.IsCompleted);

        // What ImportPipeline.Import's using does when storing throws: the reader is not left waiting for a landing.
        ahead.Dispose();

        Assert.False(await next);
        Assert.False(ahead.Reserve(0));
    }

    [Fact]
    public void An_error_while_landing_ends_the_import_with_that_error_and_nothing_after_it_is_stored()
    {
        var inputs = new[] { "3107", "4204", "3103" }.Select(unit => Write($"KOSTRA_11F_{unit}_2025.dat",
            KostraRecordBuilder.Sosialhjelp(2025, unit))).ToList();
        using var store = new SqliteStore(Path.Combine(folder, "malekort.db"));
        store.Migrate();
        var pipeline = new ImportPipeline(store, KostraFixture.Pseudonyms, new KostraFixture.FixedClock(KostraFixture.Now)) { LookAheadBytes = 1 };

        // Raised on the writing thread once the first input is stored, as a failing store would; the reader, held back, stops.
        var error = Assert.Throws<IOException>(() => pipeline.Import(inputs, (_, _) => throw new IOException("disken er full")));

        Assert.Equal("disken er full", error.Message);
        Assert.Single(store.ImportLog());
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

    private static Task<bool> ReserveElsewhere(ReadAhead<int> ahead, long bytes) =>
        Task.Run(() => ahead.Reserve(bytes), TestContext.Current.CancellationToken);

    /// <summary>
    /// Returns once the reserving task has waited more than <paramref name="waitsBefore"/> times in all or has finished: a
    /// reserve that should wait is then known to be waiting, and one that should not has had its chance to finish.
    /// </summary>
    private static void HeldBackOrDone(ReadAhead<int> ahead, int waitsBefore, Task<bool> reserving) =>
        SpinWait.SpinUntil(() => ahead.Waits > waitsBefore || reserving.IsCompleted);

    private string Write(string name, KostraRecordBuilder record)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, KostraFixture.File(record));
        return path;
    }
}
