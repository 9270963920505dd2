using System.Globalization;
using Malekort.Testing;

namespace Malekort.Storage;

public sealed class MigrationTests
{
    private static readonly DateTimeOffset FirstRun = new(2024, 5, 1, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void Every_migration_runs_once_and_is_recorded_with_its_time(string kind)
    {
        using var db = TestDatabases.CreateEmpty(kind, new FixedClock(FirstRun));

        db.Store.Migrate();

        var expected = Migrator.All.Select(m => $"{m.Version} {m.Name} {FirstRun:O}").ToList();
        Assert.Equal(expected, Recorded(db));
        Assert.Equal(0, db.Store.DataVersion());
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void Migrating_again_changes_nothing(string kind)
    {
        using var db = TestDatabases.CreateEmpty(kind, new FixedClock(FirstRun));
        db.Store.Migrate();
        var recorded = Recorded(db);
        var contents = DatabaseContents.Of(db);

        db.Store.Migrate();
        db.OpenStore(new FixedClock(FirstRun.AddDays(1))).Migrate();

        Assert.Equal(recorded, Recorded(db));
        Assert.Equal(contents, DatabaseContents.Of(db));
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void Two_programs_migrating_a_new_database_at_once_apply_each_migration_once(string kind)
    {
        // The scorecard and an import started together against a new database.
        using var db = TestDatabases.CreateEmpty(kind, new FixedClock(FirstRun));
        var stores = Enumerable.Range(0, 4).Select(_ => db.OpenStore(new FixedClock(FirstRun))).ToList();
        using var start = new Barrier(stores.Count);

        Parallel.ForEach(stores, new ParallelOptions { MaxDegreeOfParallelism = stores.Count }, store =>
        {
            start.SignalAndWait(TestContext.Current.CancellationToken);
            store.Migrate();
        });

        Assert.Equal(Migrator.All.Count, Recorded(db).Count);
        Assert.Equal(0, db.Store.DataVersion());
    }

    private static List<string> Recorded(TestDatabase db)
    {
        using var connection = db.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, name, applied_at FROM schema_migrations ORDER BY version";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
            rows.Add(string.Create(CultureInfo.InvariantCulture, $"{reader.GetInt32(0)} {reader.GetString(1)} {reader.GetString(2)}"));
        return rows;
    }
}
