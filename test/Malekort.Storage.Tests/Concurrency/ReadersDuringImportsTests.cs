using System.Diagnostics;
using System.Globalization;
using Malekort.Capture;
using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Testing;
using Malekort.Units;

namespace Malekort.Storage.Concurrency;

/// <summary>
/// The scorecard server keeps reading (the data version each second, everything when it recomputes) while imports run.
/// Imports must never hold readers up: SQLite in WAL mode and PostgreSQL under READ COMMITTED both let a reader see the last
/// committed state without waiting for a writer.
/// </summary>
public sealed class ReadersDuringImportsTests
{
    private static readonly DateTimeOffset Now = new(2024, 7, 3, 9, 30, 0, TimeSpan.Zero);
    private static readonly MonthRange Months = new(new Month(2023, 1), new Month(2024, 6));

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public async Task Readers_keep_getting_answers_while_two_units_import_and_the_scorecard_recomputes(string kind)
    {
        using var db = TestDatabases.Create(kind);
        var earlier = SeededBatches.Make("3105", seed: 50, people: 800);
        db.Store.SaveBatch(earlier, SeededBatches.LogEntry(earlier, Now));
        CaptureBatch[] batches = [SeededBatches.Make("3107", seed: 51, people: 6000), SeededBatches.Make("3103", seed: 52, people: 6000)];
        var token = TestContext.Current.CancellationToken;
        using var importsDone = new CancellationTokenSource();
        var reader = db.OpenStore();
        var recomputer = db.OpenStore();

        var versions = Task.Run(() => ReadVersions(reader, importsDone.Token), token);
        var recomputes = Task.Run(() => Recompute(recomputer, importsDone.Token), token);
        var imports = batches.Select(b => Task.Run(() => db.OpenStore().SaveBatch(b, SeededBatches.LogEntry(b, Now)), token)).ToList();
        var importing = Stopwatch.StartNew();
        var outcomes = await Task.WhenAll(imports);
        var importTime = importing.Elapsed;
        await importsDone.CancelAsync();
        var (reads, slowest, seen) = await versions;
        var computed = await recomputes;

        Assert.Equal([ImportOutcome.Imported, ImportOutcome.Imported], outcomes);
        Assert.True(reads >= 5, $"only {reads} reads of the data version while the imports ran");
        // A reader held up by a writer would wait for a whole import's transaction: a good part of the imports' time. An idle
        // read takes milliseconds; a third leaves room for a busy machine.
        Assert.True(slowest < importTime / 3, string.Create(CultureInfo.InvariantCulture,
            $"a read of the data version took {slowest.TotalMilliseconds:F0} ms while the imports took {importTime.TotalMilliseconds:F0} ms"));
        Assert.Equal(seen.Order(), seen);
        Assert.All(seen, v => Assert.InRange(v, 1, 3));
        Assert.True(computed >= 1, "no recompute finished while the imports ran");
        Assert.Equal(3, db.Store.DataVersion());
        IndicatorComparison.AssertSame(IndicatorComparison.Compute(Months, [earlier, .. batches]),
            IndicatorComparison.Compute(db.Store.Load().WorkingSet, Months));
    }

    // Reads the data version in a loop until the imports are done: how many reads, the slowest, and the versions seen in order.
    private static (int Reads, TimeSpan Slowest, List<long> Seen) ReadVersions(IMalekortStore store, CancellationToken importsDone)
    {
        var slowest = TimeSpan.Zero;
        var seen = new List<long>();
        while (!importsDone.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            seen.Add(store.DataVersion());
            var took = Stopwatch.GetElapsedTime(started);
            if (took > slowest) slowest = took;
            Thread.Sleep(5);
        }
        return (seen.Count, slowest, seen);
    }

    // Loads everything and computes, as the server does on a new data version, until the imports are done.
    private static int Recompute(IMalekortStore store, CancellationToken importsDone)
    {
        var computed = 0;
        var engine = new IndicatorEngine(UnitRegister.Default, OfficeRegister.Empty);
        while (!importsDone.IsCancellationRequested)
        {
            var stored = store.Load();
            engine.Compute(stored.WorkingSet, stored.Population, Months);
            computed++;
        }
        return computed;
    }
}
