using System.Collections;
using System.Globalization;
using Malekort.Capture;
using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Testing;
using Malekort.Units;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Malekort.Storage.Concurrency;

/// <summary>
/// The scorecard server keeps reading (the data version each second, everything when it recomputes) while imports run.
/// Imports must never hold readers up: SQLite in WAL mode and PostgreSQL under READ COMMITTED both let a reader see the last
/// committed state without waiting for a writer. The test holds a real import inside its open transaction (its records are
/// handed over only when the test says so), reads and recomputes meanwhile, then lets the import finish.
/// </summary>
public sealed class ReadersDuringImportsTests
{
    private static readonly DateTimeOffset Now = new(2024, 7, 3, 9, 30, 0, TimeSpan.Zero);
    private static readonly MonthRange Months = new(new Month(2023, 1), new Month(2024, 6));

    /// <summary>How long a read may stay unanswered before the test calls it stuck behind the writer: a deadlock guard only.</summary>
    private static readonly TimeSpan Stuck = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public async Task Readers_get_the_last_committed_state_and_the_scorecard_recomputes_while_an_import_holds_its_transaction_open(string kind)
    {
        using var db = TestDatabases.Create(kind);
        var token = TestContext.Current.CancellationToken;
        var earlier = SeededBatches.Make("3105", seed: 50, people: 800);
        db.Store.SaveBatch(earlier, SeededBatches.LogEntry(earlier, Now));
        var plain = SeededBatches.Make("3107", seed: 51, people: 3000);
        using var held = new HeldRecords<FollowupRecord>(plain.Followups);
        var batch = plain with { Followups = held };
        var reader = db.OpenStore();
        var engine = new IndicatorEngine(UnitRegister.Default, OfficeRegister.Empty);

        var import = Task.Run(() => db.OpenStore().SaveBatch(batch, SeededBatches.LogEntry(batch, Now)), token);
        await held.Reached.WaitAsync(token);
        Assert.True(WriterHoldsItsTransaction(db), "the import was held before its transaction began, so nothing here was tested");
        var (version, whileOpen) = await Task.Run(() =>
        {
            var version = reader.DataVersion();
            var stored = reader.Load();
            return (version, engine.Compute(stored.WorkingSet, stored.Population, Months));
        }, token).WaitAsync(Stuck, token);
        var stillOpen = WriterHoldsItsTransaction(db);
        held.Release();
        var outcome = await import.WaitAsync(Stuck, token);

        Assert.True(stillOpen, "the import's transaction closed while the readers read");
        Assert.Equal(1, version);
        IndicatorComparison.AssertSame(IndicatorComparison.Compute(Months, earlier), whileOpen);
        Assert.Equal(ImportOutcome.Imported, outcome);
        Assert.Equal(2, reader.DataVersion());
        IndicatorComparison.AssertSame(IndicatorComparison.Compute(Months, earlier, plain), IndicatorComparison.Compute(reader.Load().WorkingSet, Months));
    }

    /// <summary>
    /// Whether some connection holds a write transaction open: on SQLite no other connection can begin one (asked without
    /// waiting), on PostgreSQL an import's unit lock is granted (it is taken first and held until the transaction ends).
    /// </summary>
    private static bool WriterHoldsItsTransaction(TestDatabase db)
    {
        using var connection = db.OpenConnection();
        if (connection is SqliteConnection sqlite)
        {
            // Straight through SQLite: Microsoft.Data.Sqlite would retry a busy database until its command timeout.
            var handle = sqlite.Handle!;
            raw.sqlite3_busy_timeout(handle, 0);
            var begun = raw.sqlite3_exec(handle, "BEGIN IMMEDIATE");
            if (begun == raw.SQLITE_OK) raw.sqlite3_exec(handle, "ROLLBACK");
            return begun == raw.SQLITE_BUSY;
        }
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND granted " +
                              "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>
    /// A batch's records that stop the first thread to walk through them until <see cref="Release"/>: the store walks them
    /// inside its transaction, so the import waits there with the transaction open, for as long as the test wants.
    /// </summary>
    private sealed class HeldRecords<T>(IReadOnlyList<T> records) : IReadOnlyList<T>, IDisposable
    {
        private readonly SemaphoreSlim reached = new(0);
        private readonly ManualResetEventSlim released = new();

        /// <summary>Signalled once, when the first walk begins.</summary>
        public SemaphoreSlim Reached => reached;

        public int Count => records.Count;

        public T this[int index] => records[index];

        public void Release() => released.Set();

        public IEnumerator<T> GetEnumerator()
        {
            if (!released.IsSet)
            {
                reached.Release();
                released.Wait(TestContext.Current.CancellationToken);
            }
            return records.GetEnumerator();
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public void Dispose()
        {
            released.Set();
            reached.Dispose();
            released.Dispose();
        }
    }
}
