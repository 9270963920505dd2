using Malekort.Capture;
using Malekort.Periods;
using Malekort.Testing;

namespace Malekort.Storage.Concurrency;

/// <summary>
/// Two imports of one unit never interleave: the second waits for the first, both land, and the database ends up exactly as
/// if they had been imported one after the other. (PostgreSQL's unit lock itself: Postgres/PostgresStoreTests.)
/// </summary>
public sealed class SameUnitImportTests
{
    private static readonly DateTimeOffset Now = new(2024, 7, 3, 9, 30, 0, TimeSpan.Zero);
    private static readonly MonthRange Months = new(new Month(2023, 1), new Month(2024, 6));

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public async Task Two_imports_of_one_unit_at_once_store_exactly_what_one_after_the_other_stores(string kind)
    {
        // Overlapping people and a later extract of the same period: the second batch supersedes part of the first.
        CaptureBatch[] batches =
        [
            SeededBatches.Make("3107", seed: 61, people: 2500),
            SeededBatches.Make("3107", seed: 61, people: 3000, extractedAt: new DateTimeOffset(2024, 7, 3, 5, 0, 0, TimeSpan.Zero)),
        ];
        using var atOnce = TestDatabases.Create(kind);
        using var inTurn = TestDatabases.Create(kind);
        var token = TestContext.Current.CancellationToken;

        using var start = new Barrier(batches.Length);
        var imports = batches.Select(b => Task.Run(() =>
        {
            var store = atOnce.OpenStore();
            start.SignalAndWait(token);
            return store.SaveBatch(b, SeededBatches.LogEntry(b, Now));
        }, token)).ToList();
        var outcomes = await Task.WhenAll(imports);
        foreach (var batch in batches) inTurn.Store.SaveBatch(batch, SeededBatches.LogEntry(batch, Now));

        Assert.Equal([ImportOutcome.Imported, ImportOutcome.Imported], outcomes);
        Assert.Equal(DatabaseContents.Of(inTurn), DatabaseContents.Of(atOnce));
        IndicatorComparison.AssertSame(IndicatorComparison.Compute(inTurn.Store.Load().WorkingSet, Months),
            IndicatorComparison.Compute(atOnce.Store.Load().WorkingSet, Months));
    }

    [Fact]
    public async Task A_SQLite_import_waits_while_another_program_writes_and_lands_when_it_commits()
    {
        using var db = TestDatabases.Create(TestDatabases.Sqlite);
        var batch = SeededBatches.Make("3107", seed: 62);
        using var other = db.OpenConnection();
        using var otherWrite = other.BeginTransaction();
        // An open write (another import, another program): SQLite lets one writer in at a time.
        using (var write = other.CreateCommand())
        {
            write.Transaction = otherWrite;
            write.CommandText = "UPDATE data_version SET version = version";
            write.ExecuteNonQuery();
        }

        using var started = new SemaphoreSlim(0);
        var import = Task.Run(() =>
        {
            var store = db.OpenStore();
            started.Release();
            return store.SaveBatch(batch, SeededBatches.LogEntry(batch, Now));
        }, TestContext.Current.CancellationToken);
        await started.WaitAsync(TestContext.Current.CancellationToken);
        // Whenever it got to the database, the import cannot have finished: the other write holds SQLite's one write lock.
        var waited = !import.IsCompleted;
        var readWhileWaiting = db.OpenStore().DataVersion();
        otherWrite.Commit();
        var outcome = await import;

        Assert.True(waited, "the import did not wait for the open write");
        Assert.Equal(0, readWhileWaiting);
        Assert.Equal(ImportOutcome.Imported, outcome);
        Assert.Equal(1, db.Store.DataVersion());
    }
}
