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

    /// <summary>
    /// A fresh database of the kind with its schema migrated: a copy of a database the migrations made once per test program
    /// (<see cref="MigratedTemplates"/>), on which the test's store then runs <c>Migrate</c> as a program's next start does,
    /// finding nothing to do. The migrations themselves, from an empty database, are <c>MigrationTests</c>' and
    /// <see cref="CreateEmpty"/>'s.
    /// </summary>
    public static TestDatabase Create(string kind, TimeProvider? clock = null)
    {
        var db = kind switch
        {
            Sqlite => TestDatabase.NewSqlite(clock, MigratedTemplates.Sqlite),
            Postgres => TestDatabase.NewPostgres(clock, template: MigratedTemplates.Postgres),
            _ => throw new ArgumentException($"Ukjent databasetype {kind}: bruk {Sqlite} eller {Postgres}.", nameof(kind)),
        };
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

    internal static TestDatabase NewSqlite(TimeProvider? clock, string? copyOf = null)
    {
        var folder = Directory.CreateTempSubdirectory("malekort-db-").FullName;
        var file = Path.Combine(folder, "malekort.db");
        if (copyOf is not null) File.Copy(copyOf, file);
        return new TestDatabase(TestDatabases.Sqlite, file, folder, null, clock);
    }

    internal static TestDatabase NewPostgres(TimeProvider? clock, PostgresServer? on = null, string? template = null)
    {
        var server = on ?? PostgresServer.Shared;
        var name = server.CreateDatabase(template);
        return new TestDatabase(TestDatabases.Postgres, server.ConnectionString(name), null, name, clock, on);
    }
}

/// <summary>
/// One database of each kind that the migrations made, once per test program, for <see cref="TestDatabases.Create"/> to copy.
/// </summary>
/// <remarks>
/// Migrating a new PostgreSQL database took most of a second, and every PostgreSQL test paid it (a SQLite test a little);
/// copying a migrated one takes a fraction of that and gives the same schema. Made the first time a test asks; the SQLite file
/// is deleted when the program exits, the PostgreSQL template goes with the program's server.
/// </remarks>
internal static class MigratedTemplates
{
    private static readonly Lazy<string> SqliteFile = new(MakeSqlite, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<string> PostgresDatabase = new(MakePostgres, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Sqlite => SqliteFile.Value;

    public static string Postgres => PostgresDatabase.Value;

    private static string MakeSqlite()
    {
        var folder = Directory.CreateTempSubdirectory("malekort-db-template-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        };
        var file = Path.Combine(folder, "malekort.db");
        using (var store = new SqliteStore(file)) store.Migrate();
        // The last connection to close checkpoints the write-ahead log into the file and deletes it; a log left behind would
        // hold part of the schema, and a copy of the file alone would lack it.
        SqliteConnection.ClearAllPools();
        if (new FileInfo(file + "-wal") is { Exists: true, Length: > 0 })
            throw new InvalidOperationException($"{file}-wal er ikke skrevet inn i databasen; malen kan ikke kopieres.");
        return file;
    }

    private static string MakePostgres()
    {
        var server = PostgresServer.Shared;
        var name = server.CreateDatabase();
        var connection = server.ConnectionString(name);
        using (var store = new PostgresStore(connection)) store.Migrate();
        using (var pooled = new NpgsqlConnection(connection)) NpgsqlConnection.ClearPool(pooled);
        server.MakeTemplate(name);
        return name;
    }
}
