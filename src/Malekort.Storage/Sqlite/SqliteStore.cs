using System.Data.Common;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Malekort.Units;

namespace Malekort.Storage.Sqlite;

/// <summary>The embedded default: one SQLite file, zero set-up.</summary>
public sealed class SqliteStore : SqlStore
{
    private readonly string connectionString;
    private readonly string pragmas;

    /// <summary>
    /// Opens (or creates) the database file at <paramref name="path"/>. A writer waits for another writer's lock at most
    /// <paramref name="wait"/> (<see cref="Faults.StorageFault.ConfiguredWait"/> when not given), then fails as
    /// <see cref="Faults.StorageFaultKind.Locked"/>.
    /// </summary>
    public SqliteStore(string path, TimeProvider? clock = null, TimeSpan? wait = null) : base(clock ?? TimeProvider.System)
    {
        Path = System.IO.Path.GetFullPath(path);
        CreateOwnerOnly(Path);
        var timeout = wait ?? Faults.StorageFault.ConfiguredWait();
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(timeout.TotalSeconds),
        }.ToString();
        // WAL lets readers (the scorecard) go on while an import writes; NORMAL is durable at every checkpoint.
        // The cache and checkpoint settings undo PrepareBulkLoad's on a pooled connection (a bulk load lets the WAL grow to 64 MiB
        // between checkpoints, so a power cut, not a crash, may lose more of the last commits).
        pragmas = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -2000; " +
            "PRAGMA wal_autocheckpoint = 1000; "
            + string.Create(System.Globalization.CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {(long)timeout.TotalMilliseconds};");
    }

    /// <summary>
    /// Creates a missing database file empty (an empty file is an empty SQLite database) and readable by its owner only, before
    /// SQLite would create it with the process's umask. SQLite gives its -wal and -shm files the database file's permissions.
    /// </summary>
    private static void CreateOwnerOnly(string path)
    {
        if (OperatingSystem.IsWindows() || File.Exists(path)) return;
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        };
        try
        {
            using var file = new FileStream(path, options);
        }
        catch (DirectoryNotFoundException)
        {
            // SQLite reports the missing folder when it opens the file.
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first.
        }
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public override string Description => $"SQLite {Path}";

    private protected override string IdColumn => "INTEGER PRIMARY KEY";

    private protected override string BlobColumn => "BLOB";

    private protected override string AppendOnlySql(string table) => $"""
        CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} BEGIN SELECT RAISE(ABORT, '{table} kan bare utvides, ikke endres'); END;
        CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} BEGIN SELECT RAISE(ABORT, '{table} kan bare utvides, ikke slettes'); END;
        """;

    // SQLite drops a constraint only by rebuilding its table (every stored row copied); it has never checked these during an
    // import anyway (PrepareBulkLoad turns foreign keys off), and nothing else writes the tables.
    private protected override string DropReferencesSql(string table) => "";

    private protected override DbConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            using var pragma = connection.CreateCommand();
            pragma.CommandText = pragmas;
            pragma.ExecuteNonQuery();
            return connection;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == raw.SQLITE_CANTOPEN && ReadOnlyReason() is { } why)
        {
            // SQLite says only "unable to open": in WAL mode a file it may not write cannot be opened at all.
            connection.Dispose();
            throw new Faults.StorageFaultException(Faults.StorageFault.ReadOnly(why), e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Why the database file or its folder cannot be written (WAL needs both), or null when both can.</summary>
    private string? ReadOnlyReason()
    {
        if (!File.Exists(Path)) return null;
        try
        {
            using (new FileStream(Path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite)) { }
            var probe = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Path)!, $".malekort-skriveprove-{Environment.ProcessId}");
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose)) { }
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{Path} eller mappen den ligger i kan ikke skrives til (skrivebeskyttet fil eller filsystem).";
        }
    }

    // Microsoft.Data.Sqlite begins every transaction IMMEDIATE (taking the one write lock) unless told to defer: a deferred
    // one in WAL mode reads one snapshot from its first read on, beside any writer.
    private protected override DbTransaction BeginSnapshot(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: true);

    private protected override RowWriter BeginRows(DbConnection connection, DbTransaction transaction, string table, params string[] columns) =>
        new SqliteRowWriter((SqliteConnection)connection, table, columns);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        // Pooled connections keep the file open; clearing lets tests delete their databases.
        SqliteConnection.ClearAllPools();
        base.Dispose(disposing);
    }

    private protected override void PrepareBulkLoad(DbConnection connection)
    {
        // Every id a batch's rows refer to is created or looked up in the same transaction, so checking each row's foreign
        // keys again (two B-tree look-ups per payment) only costs; the next Open turns the checks back on.
        using var pragma = connection.CreateCommand();
        // Checkpoints (each ends in an fsync) were a fifth of storing 64 batches at once (dotnet-trace, issue 14): the WAL may
        // grow to 64 MiB between them during a load. A larger page cache keeps the people index, looked up and extended in
        // random order, in memory.
        pragma.CommandText = "PRAGMA foreign_keys = OFF; PRAGMA cache_size = -65536; PRAGMA wal_autocheckpoint = 16384;";
        pragma.ExecuteNonQuery();
    }

    private protected override Dictionary<UnitCode, Dictionary<string, long>> FindPeople(DbConnection connection, DbTransaction transaction,
        IReadOnlyDictionary<UnitCode, HashSet<string>> keysOf)
    {
        // One indexed look-up per key through a prepared statement: microseconds each, whatever the unit's history.
        var db = ((SqliteConnection)connection).Handle!;
        var found = new Dictionary<UnitCode, Dictionary<string, long>>(keysOf.Count);
        Check(db, raw.sqlite3_prepare_v2(db, "SELECT id FROM people WHERE unit = ?1 AND person_key = ?2", out var statement));
        using (statement)
        {
            foreach (var (unit, keys) in keysOf)
            {
                var ids = found[unit] = new Dictionary<string, long>(keys.Count, StringComparer.Ordinal);
                Check(db, raw.sqlite3_bind_text16(statement, 1, unit.Value.AsSpan()));
                foreach (var key in keys)
                {
                    Check(db, raw.sqlite3_bind_text16(statement, 2, key.AsSpan()));
                    if (raw.sqlite3_step(statement) == raw.SQLITE_ROW) ids[key] = raw.sqlite3_column_int64(statement, 0);
                    Check(db, raw.sqlite3_reset(statement));
                }
            }
        }
        return found;
    }

    // The import's transaction holds SQLite's one write lock, so the ids after the largest are free until it commits; they are
    // the ones SQLite would give rows inserted without an id (its rowid rule: one more than the largest).
    private protected override long[][] ReserveIds(DbConnection connection, DbTransaction transaction, IReadOnlyList<(string Table, int Count)> counts)
    {
        var ids = new long[counts.Count][];
        for (var t = 0; t < counts.Count; t++)
        {
            var (table, count) = counts[t];
            var last = count == 0 ? 0 : Scalar(connection, transaction, $"SELECT COALESCE(MAX(id), 0) FROM {table}");
            ids[t] = new long[count];
            for (var i = 0; i < count; i++) ids[t][i] = last + 1 + i;
        }
        return ids;
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
        // Rows go in 32 at a time through one multi-row INSERT: one statement step per 32 rows instead of one per row.
        private const int RowsPerStatement = 32;
        private readonly sqlite3 db;
        private readonly string table;
        private readonly string[] columns;
        private readonly sqlite3_stmt many;
        private readonly Pending[] pending;
        private int values;
        private int rows;

        public SqliteRowWriter(SqliteConnection connection, string table, string[] columns)
        {
            db = connection.Handle!;
            this.table = table;
            this.columns = columns;
            pending = new Pending[RowsPerStatement * columns.Length];
            Check(raw.sqlite3_prepare_v2(db, Insert(RowsPerStatement), out many));
        }

        public override void Add(long value) => pending[values++] = new Pending(value, null, Kind.Number);

        // A null that slipped past the type system must reach the database as NULL, so NOT NULL constraints still hold.
        public override void Add(string value) => pending[values++] = value is null ? default : new Pending(0, value, Kind.Text);

        public override void Add(byte[] value) => pending[values++] = value is null ? default : new Pending(0, null, Kind.Blob, value);

        public override void AddNull() => pending[values++] = default;

        public override void EndRow()
        {
            if (++rows == RowsPerStatement) Write(many);
        }

        /// <summary>Writes the rows still waiting, through a statement of their exact number.</summary>
        public override void Complete()
        {
            if (rows == 0) return;
            Check(raw.sqlite3_prepare_v2(db, Insert(rows), out var rest));
            using (rest) Write(rest);
        }

        public override void Dispose()
        {
            many.Dispose();
            base.Dispose();
        }

        private void Write(sqlite3_stmt statement)
        {
            for (var i = 0; i < values; i++)
            {
                var index = i + 1;
                var value = pending[i];
                Check(value.Kind switch
                {
                    Kind.Number => raw.sqlite3_bind_int64(statement, index, value.Number),
                    Kind.Text => raw.sqlite3_bind_text16(statement, index, value.Text.AsSpan()),
                    Kind.Blob => raw.sqlite3_bind_blob(statement, index, value.Blob),
                    _ => raw.sqlite3_bind_null(statement, index),
                });
            }
            var result = raw.sqlite3_step(statement);
            if (result != raw.SQLITE_DONE) Check(result);
            Check(raw.sqlite3_reset(statement));
            Array.Clear(pending, 0, values);
            values = 0;
            rows = 0;
        }

        private string Insert(int count)
        {
            var row = $"({string.Join(", ", columns.Select(_ => "?"))})";
            return $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES {string.Join(", ", Enumerable.Repeat(row, count))}";
        }

        private void Check(int result) => SqliteStore.Check(db, result);

        private enum Kind : byte { Null, Number, Text, Blob }

        private readonly record struct Pending(long Number, string? Text, Kind Kind, byte[]? Blob = null);
    }
}
