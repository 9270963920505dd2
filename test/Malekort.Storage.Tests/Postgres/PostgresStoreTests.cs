using System.Diagnostics;
using Malekort.Testing;
using Malekort.Units;

namespace Malekort.Storage.Postgres;

public sealed class PostgresStoreTests
{
    private static readonly DateTimeOffset Now = new(2024, 7, 3, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void The_description_names_the_database_but_never_the_password()
    {
        using var store = new PostgresStore("Host=db.nav.example;Port=5433;Database=malekort;Username=malekort;Password=hemmelig-passord");

        Assert.Equal("PostgreSQL malekort@db.nav.example:5433/malekort", store.Description);
        Assert.DoesNotContain("hemmelig", store.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_import_waits_while_its_unit_is_locked_and_an_import_of_another_unit_does_not()
    {
        using var db = TestDatabases.Create(TestDatabases.Postgres);
        var fredrikstad = SeededBatches.Make("3107", seed: 31);
        var moss = SeededBatches.Make("3103", seed: 32);
        using var first = db.OpenConnection();
        using var firstImport = first.BeginTransaction();
        // The lock a first import of Fredrikstad holds until it commits.
        PostgresStore.TakeUnitLock(first, firstImport, UnitCode.Parse("3107"));

        var second = Task.Run(() => db.OpenStore().SaveBatch(fredrikstad, SeededBatches.LogEntry(fredrikstad, Now)),
            TestContext.Current.CancellationToken);
        WaitUntil(() => WaitingForAdvisoryLock(db) == 1 || second.IsCompleted);
        var other = db.OpenStore().SaveBatch(moss, SeededBatches.LogEntry(moss, Now));

        Assert.False(second.IsCompleted);
        Assert.Equal(ImportOutcome.Imported, other);
        Assert.Equal(1, db.Store.DataVersion());
        firstImport.Commit();
        Assert.Equal(ImportOutcome.Imported, await second.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken));
        Assert.Equal(2, db.Store.DataVersion());
    }

    private static long WaitingForAdvisoryLock(TestDatabase db)
    {
        using var connection = db.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted " +
                              "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void WaitUntil(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "timed out waiting");
            Thread.Sleep(10);
        }
    }
}
