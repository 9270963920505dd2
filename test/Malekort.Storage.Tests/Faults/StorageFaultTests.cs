using System.Data.Common;
using Malekort.Storage.Faults;
using Malekort.Testing;

namespace Malekort.Storage.Faults;

/// <summary>
/// Database failures made for real, each ending as one Norwegian <see cref="StorageFault"/> with nothing of the failed write
/// stored: another writer holding the lock past the wait, and (PostgreSQL) the connection killed in the middle of an import.
/// The command line's disk-full and read-only cases are in <c>Malekort.Cli.Tests</c>, the server's in <c>Malekort.Web.Tests</c>.
/// </summary>
public sealed class StorageFaultTests
{
    private static readonly DateTimeOffset Now = new(2024, 7, 3, 9, 30, 0, TimeSpan.Zero);
    private static readonly string[] Tables = ["batches", "payments", "people", "import_log", "batch_rows"];

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void A_write_held_up_by_another_writer_fails_as_locked_after_its_wait_and_stores_nothing(string kind)
    {
        using var db = TestDatabases.Create(kind);
        var store = db.OpenStore(wait: TimeSpan.FromSeconds(1));
        var batch = SeededBatches.Make("3107", seed: 31);

        using (var other = db.OpenConnection())
        using (var holding = other.BeginTransaction())
        {
            // Another writer: SQLite's write lock, or an exclusive lock on the table an import reads first.
            Execute(other, holding, kind == TestDatabases.Sqlite
                ? "UPDATE data_version SET version = version WHERE id = 1"
                : "LOCK TABLE batches IN ACCESS EXCLUSIVE MODE");

            var error = Assert.ThrowsAny<DbException>(() => store.SaveBatch(batch, Entry(batch)));

            Assert.Equal(StorageFaultKind.Locked, StorageFault.Of(error)?.Kind);
            Assert.StartsWith("Databasen var låst av en annen innlesing lenger enn ventetiden", StorageFault.Of(error)!.Message, StringComparison.Ordinal);
            holding.Rollback();
        }

        Assert.All(Tables, t => Assert.Equal(0, db.Count(t)));
        Assert.Equal(ImportOutcome.Imported, store.SaveBatch(batch, Entry(batch)));
    }

    [Fact]
    public async Task A_connection_killed_in_the_middle_of_an_import_fails_as_lost_and_rolls_back_everything_it_wrote()
    {
        using var db = TestDatabases.Create(TestDatabases.Postgres);
        var store = db.OpenStore(wait: TimeSpan.FromMinutes(5));
        var batch = SeededBatches.Make("3107", seed: 32);

        using var other = db.OpenConnection();
        using (var holding = other.BeginTransaction())
        {
            // The import writes batches, people and every record table, then waits here, at its last table.
            Execute(other, holding, "LOCK TABLE batch_rows IN ACCESS EXCLUSIVE MODE");
            var import = Task.Run(() => store.SaveBatch(batch, Entry(batch)), TestContext.Current.CancellationToken);
            var backend = await WaitingBackend(db);
            Execute(other, holding, $"SELECT pg_terminate_backend({backend})");

            var error = await Assert.ThrowsAnyAsync<DbException>(() => import);

            Assert.Equal(StorageFaultKind.ConnectionLost, StorageFault.Of(error)?.Kind);
            holding.Rollback();
        }

        Assert.All(Tables, t => Assert.Equal(0, db.Count(t)));
        Assert.Equal(ImportOutcome.Imported, store.SaveBatch(batch, Entry(batch)));
        Assert.Equal(1, db.Count("batches"));
    }

    [Fact]
    public void A_server_that_does_not_answer_is_unreachable_in_Norwegian()
    {
        // A port nothing listens on: connection refused at once.
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var store = new Postgres.PostgresStore($"Host=127.0.0.1;Port={port};Database=malekort;Username=malekort;Timeout=5");

        var error = Assert.ThrowsAny<Exception>(store.Migrate);

        var fault = StorageFault.Of(error);
        Assert.Equal(StorageFaultKind.Unreachable, fault?.Kind);
        Assert.Equal("Får ikke kontakt med databasen: serveren svarer ikke på adressen i --db.", fault!.Message);
    }

    /// <summary>
    /// The backend of this database waiting for a lock: the import, held up at the locked table. Asked on a connection of its
    /// own: within a transaction PostgreSQL shows the activity as it was when the transaction first looked.
    /// </summary>
    private static async Task<int> WaitingBackend(TestDatabase db)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        using var connection = db.OpenConnection();
        while (true)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() "
                + "AND wait_event_type = 'Lock' LIMIT 1";
            if (command.ExecuteScalar() is int pid) return pid;
            Assert.True(DateTime.UtcNow < deadline, "Innlesingen kom aldri fram til den låste tabellen");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    private static void Execute(DbConnection connection, DbTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static ImportLogEntry Entry(Capture.CaptureBatch batch) => new("leveranse.zip", batch.Header.Format, Now, ImportOutcome.Imported,
        batch.Header.Unit, batch.Header.PeriodFrom, batch.Header.PeriodTo, batch.ContentHash, batch.Counts(), []);
}
