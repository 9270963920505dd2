using System.Data.Common;
using Microsoft.Data.Sqlite;

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
        new SqliteRowWriter((SqliteConnection)connection, (SqliteTransaction)transaction, table, columns);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        // Pooled connections keep the file open; clearing lets tests delete their databases.
        SqliteConnection.ClearAllPools();
        base.Dispose(disposing);
    }

    private sealed class SqliteRowWriter : RowWriter
    {
        private readonly SqliteCommand command;
        private readonly SqliteParameter[] parameters;
        private int next;

        public SqliteRowWriter(SqliteConnection connection, SqliteTransaction transaction, string table, string[] columns)
        {
            command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "$" + i))})";
            parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter("$" + i, null))).ToArray();
            command.Prepare();
        }

        public override void Add(long value) => parameters[next++].Value = value;

        public override void Add(string value) => parameters[next++].Value = value;

        public override void AddNull() => parameters[next++].Value = DBNull.Value;

        public override void EndRow()
        {
            command.ExecuteNonQuery();
            next = 0;
        }

        public override void Complete()
        {
        }

        public override void Dispose()
        {
            command.Dispose();
            base.Dispose();
        }
    }
}
