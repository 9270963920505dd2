using System.Data.Common;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Malekort.Units;

namespace Malekort.Storage.Sqlite;

/// <summary>The embedded default: one SQLite file, zero set-up.</summary>
public sealed class SqliteStore : SqlStore
{
    private readonly string connectionString;

    /// <summary>Opens (or creates) the database file at <paramref name="path"/>.</summary>
    public SqliteStore(string path, TimeProvider? clock = null) : base(clock ?? TimeProvider.System)
    {
        Path = System.IO.Path.GetFullPath(path);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 60,
        }.ToString();
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public override string Description => $"SQLite {Path}";

    private protected override string IdColumn => "INTEGER PRIMARY KEY";

    private protected override string BlobColumn => "BLOB";

    private protected override DbConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        // WAL lets readers (the scorecard) go on while an import writes; NORMAL is durable at every checkpoint.
        pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 60000;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    private protected override RowWriter BeginRows(DbConnection connection, DbTransaction transaction, string table, params string[] columns) =>
        new SqliteRowWriter((SqliteConnection)connection, table, columns);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        // Pooled connections keep the file open; clearing lets tests delete their databases.
        SqliteConnection.ClearAllPools();
        base.Dispose(disposing);
    }

    private protected override IEnumerable<(string Key, long Id)> FindPeople(DbConnection connection, DbTransaction transaction,
        UnitCode unit, IReadOnlyCollection<string> keys)
    {
        // One indexed look-up per key through a prepared statement: microseconds each, whatever the unit's history.
        var db = ((SqliteConnection)connection).Handle!;
        var found = new List<(string, long)>(keys.Count);
        Check(db, raw.sqlite3_prepare_v2(db, "SELECT id FROM people WHERE unit = ?1 AND person_key = ?2", out var statement));
        using (statement)
        {
            Check(db, raw.sqlite3_bind_text16(statement, 1, unit.Value.AsSpan()));
            foreach (var key in keys)
            {
                Check(db, raw.sqlite3_bind_text16(statement, 2, key.AsSpan()));
                if (raw.sqlite3_step(statement) == raw.SQLITE_ROW) found.Add((key, raw.sqlite3_column_int64(statement, 0)));
                Check(db, raw.sqlite3_reset(statement));
            }
        }
        return found;
    }

    private static void Check(sqlite3 db, int result)
    {
        if (result is raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW) return;
        throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), result);
    }

    /// <summary>
    /// Binds values straight to SQLite's prepared statement: ADO.NET's parameter objects box every value and infer its type on
    /// every row, which made bulk loads several times slower than SQLite itself.
    /// </summary>
    private sealed class SqliteRowWriter : RowWriter
    {
        private readonly sqlite3 db;
        private readonly sqlite3_stmt statement;
        private int next = 1;

        public SqliteRowWriter(SqliteConnection connection, string table, string[] columns)
        {
            db = connection.Handle!;
            var sql = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(_ => "?"))})";
            Check(raw.sqlite3_prepare_v2(db, sql, out statement));
        }

        public override void Add(long value) => Check(raw.sqlite3_bind_int64(statement, next++, value));

        // A null that slipped past the type system must reach the database as NULL, so NOT NULL constraints still hold.
        public override void Add(string value) =>
            Check(value is null ? raw.sqlite3_bind_null(statement, next++) : raw.sqlite3_bind_text16(statement, next++, value.AsSpan()));

        public override void AddNull() => Check(raw.sqlite3_bind_null(statement, next++));

        public override void EndRow()
        {
            var result = raw.sqlite3_step(statement);
            if (result != raw.SQLITE_DONE) Check(result);
            Check(raw.sqlite3_reset(statement));
            next = 1;
        }

        public override void Complete()
        {
        }

        public override void Dispose()
        {
            statement.Dispose();
            base.Dispose();
        }

        private void Check(int result) => SqliteStore.Check(db, result);
    }
}
