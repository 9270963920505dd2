using Microsoft.Data.Sqlite;

namespace Malekort.Storage.Backup;

/// <summary>
/// SQLite through its online backup API: a consistent copy of a database in use, WAL and all, page by page. The same API
/// restores, copying the backup into the installation's file.
/// </summary>
public static class SqliteBackup
{
    /// <summary>Copies the database at <paramref name="database"/> to a new file at <paramref name="file"/>.</summary>
    public static void Write(string database, string file)
    {
        using var source = Open(database, SqliteOpenMode.ReadOnly);
        using var target = Open(file, SqliteOpenMode.ReadWriteCreate);
        source.BackupDatabase(target);
    }

    /// <summary>
    /// Copies the backup <paramref name="file"/> into <paramref name="database"/>, whose content it replaces whole.
    /// </summary>
    public static void Restore(string file, string database)
    {
        using var source = Open(file, SqliteOpenMode.ReadOnly);
        using var target = Open(database, SqliteOpenMode.ReadWriteCreate);
        source.BackupDatabase(target);
    }

    /// <summary>Whether the database file holds any import (the restore then needs to be told to replace it).</summary>
    public static bool HasData(string database)
    {
        if (!File.Exists(database)) return false;
        using var connection = Open(database, SqliteOpenMode.ReadOnly);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'import_log'";
        if (Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0) return false;
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM import_log)";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) != 0;
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
