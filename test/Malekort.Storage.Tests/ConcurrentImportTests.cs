using Malekort.Capture;
using Malekort.Periods;
using Malekort.Testing;

namespace Malekort.Storage;

/// <summary>
/// Imports running at the same time, each through its own store as separate programs would. PostgreSQL runs imports of
/// different units in parallel and serialises imports of one unit; SQLite serialises every writer.
/// </summary>
public sealed class ConcurrentImportTests
{
    private static readonly DateTimeOffset Now = new(2024, 7, 3, 9, 30, 0, TimeSpan.Zero);
    private static readonly MonthRange Months = new(new Month(2023, 1), new Month(2024, 6));

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void Imports_of_different_units_at_once_both_land(string kind)
    {
        using var db = TestDatabases.Create(kind);
        CaptureBatch[] batches = [SeededBatches.Make("3107", seed: 21, people: 1500), SeededBatches.Make("3103", seed: 22, people: 1500)];

        var outcomes = AllAtOnce(db, batches);

        Assert.Equal([ImportOutcome.Imported, ImportOutcome.Imported], outcomes);
        Assert.Equal(2, db.Store.DataVersion());
        IndicatorComparison.AssertSame(IndicatorComparison.Compute(Months, batches), IndicatorComparison.Compute(db.Store.Load().WorkingSet, Months));
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void Imports_of_one_unit_at_once_both_land_and_share_its_people(string kind)
    {
        using var db = TestDatabases.Create(kind);
        // The same 1 500 people in both: without the unit lock both would add them and one import would fail on the key.
        CaptureBatch[] batches =
        [
            SeededBatches.Make("3107", seed: 23, people: 1500),
            SeededBatches.Make("3107", seed: 24, people: 1500, extractedAt: new DateTimeOffset(2024, 7, 3, 5, 0, 0, TimeSpan.Zero)),
        ];

        var outcomes = AllAtOnce(db, batches);

        Assert.Equal([ImportOutcome.Imported, ImportOutcome.Imported], outcomes);
        Assert.Equal(1500, db.Count("people"));
        Assert.Equal(2, db.Store.DataVersion());
        // The engine combines them by extract time, whichever landed first.
        IndicatorComparison.AssertSame(IndicatorComparison.Compute(Months, batches), IndicatorComparison.Compute(db.Store.Load().WorkingSet, Months));
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void The_same_batch_imported_twice_at_once_lands_once(string kind)
    {
        using var db = TestDatabases.Create(kind);
        var batch = SeededBatches.Make("3107", seed: 25, people: 1500);

        var outcomes = AllAtOnce(db, [batch, batch]);

        Assert.Equal([ImportOutcome.Imported, ImportOutcome.AlreadyImported], outcomes.Order());
        Assert.Equal(1, db.Count("batches"));
        Assert.Equal(1, db.Store.DataVersion());
    }

    private static ImportOutcome[] AllAtOnce(TestDatabase db, IReadOnlyList<CaptureBatch> batches)
    {
        var stores = batches.Select(_ => db.OpenStore()).ToList();
        using var start = new Barrier(batches.Count);
        var outcomes = new ImportOutcome[batches.Count];
        Parallel.For(0, batches.Count, new ParallelOptions { MaxDegreeOfParallelism = batches.Count }, i =>
        {
            start.SignalAndWait(TestContext.Current.CancellationToken);
            outcomes[i] = stores[i].SaveBatch(batches[i], SeededBatches.LogEntry(batches[i], Now));
        });
        return outcomes;
    }
}
