using System.Data.Common;
using Malekort.Storage;
using Malekort.Storage.Postgres;
using Malekort.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Malekort.Testing;

/// <summary>
/// Fresh databases of both kinds, so a test is written once and run on each:
/// <c>[Theory] [InlineData("sqlite")] [InlineData("postgres")]</c>, then <c>using var db = TestDatabases.Create(kind);</c>.
/// </summary>
public static class TestDatabases
{
    /// <summary>The embedded database: a new file in a temporary folder.</summary>
    public const string Sqlite = "sqlite";

    /// <summary>The server database: a new database on <see cref="PostgresServer.Shared"/>.</summary>
    public const string Postgres = "postgres";

    /// <summary>Both kinds, for <c>[MemberData]</c>.</summary>
    public static IReadOnlyList<string> Kinds { get; } = [Sqlite, Postgres];

    /// <summary>A fresh database of the kind with its schema migrated.</summary>
    public static TestDatabase Create(string kind, TimeProvider? clock = null)
    {
        var db = CreateEmpty(kind, clock);
        db.Store.Migrate();
        return db;
    }

    /// <summary>A fresh PostgreSQL database with its schema migrated, on a server of the test's own.</summary>
    public static TestDatabase CreateOn(PostgresServer server, TimeProvider? clock = null)
    {
        var db = TestDatabase.NewPostgres(clock, server);
        db.Store.Migrate();
        return db;
    }

    /// <summary>A fresh, empty database of the kind: not even the schema.</summary>
    public static TestDatabase CreateEmpty(string kind, TimeProvider? clock = null) => kind switch
    {
        Sqlite => TestDatabase.NewSqlite(clock),
        Postgres => TestDatabase.NewPostgres(clock),
        _ => throw new ArgumentException($"Ukjent databasetype {kind}: bruk {Sqlite} eller {Postgres}.", nameof(kind)),
    };
}

/// <summary>One fresh database for one test; disposing it deletes the database.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string? folder;
    private readonly string? postgresDatabase;
    private readonly PostgresServer? server;
    private readonly List<IMalekortStore> stores = [];

    private TestDatabase(string kind, string argument, string? folder, string? postgresDatabase, TimeProvider? clock, PostgresServer? server = null)
    {
        this.server = server;
        Kind = kind;
        Argument = argument;
        this.folder = folder;
        this.postgresDatabase = postgresDatabase;
        Store = OpenStore(clock);
    }

    /// <summary><c>sqlite</c> or <c>postgres</c>.</summary>
    public string Kind { get; }

    /// <summary>What the command line's <c>--db</c> takes for this database: the SQLite file, or the Npgsql connection string.</summary>
    public string Argument { get; }

    /// <summary>A store on the database.</summary>
    public IMalekortStore Store { get; }

    /// <summary>How long a test's writer waits for another writer's lock unless the test says otherwise.</summary>
    public static readonly TimeSpan PatientWait = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Another store on the same database (as a second process would have); disposed with the database. A writer waits at
    /// most <paramref name="wait"/> (<see cref="PatientWait"/> when not given) for another writer's lock.
    /// </summary>
    public IMalekortStore OpenStore(TimeProvider? clock = null, TimeSpan? wait = null)
    {
        // Tests of the bound itself pass their own wait (StorageFaultTests). Every other test only needs a writer to wait its
        // turn: with the product's 30 s, two imports of one unit at once failed on a lock timeout under a load of 48 on 2 cores.
        wait ??= PatientWait;
        IMalekortStore store = Kind == TestDatabases.Sqlite ? new SqliteStore(Argument, clock, wait) : new PostgresStore(Argument, clock, wait);
        lock (stores) stores.Add(store);
        return store;
    }

    /// <summary>A plain connection to the database, to look at what the store wrote.</summary>
    public DbConnection OpenConnection()
    {
        DbConnection connection = Kind == TestDatabases.Sqlite ? new SqliteConnection($"Data Source={Argument}") : new NpgsqlConnection(Argument);
        connection.Open();
        return connection;
    }

    /// <summary>The number of rows in a table.</summary>
    public long Count(string table)
    {
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (stores)
        {
            foreach (var store in stores) store.Dispose();
            stores.Clear();
        }
        if (postgresDatabase is not null)
        {
            // Only this database's pool (from OpenConnection): other tests' connections stay open.
            using (var pooled = new NpgsqlConnection(Argument)) NpgsqlConnection.ClearPool(pooled);
            (server ?? PostgresServer.Shared).DropDatabase(postgresDatabase);
        }
        if (folder is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    internal static TestDatabase NewSqlite(TimeProvider? clock)
    {
        var folder = Directory.CreateTempSubdirectory("malekort-db-").FullName;
        return new TestDatabase(TestDatabases.Sqlite, Path.Combine(folder, "malekort.db"), folder, null, clock);
    }

    internal static TestDatabase NewPostgres(TimeProvider? clock, PostgresServer? on = null)
    {
        var server = on ?? PostgresServer.Shared;
        var name = server.CreateDatabase();
        return new TestDatabase(TestDatabases.Postgres, server.ConnectionString(name), null, name, clock, on);
    }
}
