using System.Diagnostics;
using Npgsql;

namespace Malekort.Storage.Backup;

/// <summary>
/// PostgreSQL through its own tools: <c>pg_dump</c> in the custom format, <c>pg_restore</c> back, the highest version
/// installed (Debian's <c>/usr/lib/postgresql/N/bin</c>, else the one on the path). The password is handed over in
/// <c>PGPASSWORD</c>, never on the command line; without one in the connection string the tools read <c>PGPASSWORD</c> or
/// <c>~/.pgpass</c> themselves, as Npgsql does.
/// </summary>
public static class PostgresBackup
{
    /// <summary>Dumps the database of <paramref name="connectionString"/> to <paramref name="file"/>.</summary>
    public static void Write(string connectionString, string file) =>
        Run("pg_dump", connectionString, ["--format=custom", "--no-owner", "--no-privileges", "--file", file]);

    /// <summary>
    /// Restores <paramref name="file"/> into the (existing) database of <paramref name="connectionString"/>, in one
    /// transaction: whatever of Målekort's the database holds (a fresh installation's empty schema, or data the caller chose to
    /// replace) is dropped first, so the result is exactly the backup.
    /// </summary>
    public static void Restore(string file, string connectionString) =>
        Run("pg_restore", connectionString, ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", "--clean", "--if-exists", file]);

    /// <summary>Whether the database holds any import (the restore then needs to be told to replace it).</summary>
    public static bool HasData(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT to_regclass('import_log') IS NOT NULL";
        if (command.ExecuteScalar() is not true) return false;
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM import_log)";
        return command.ExecuteScalar() is true;
    }

    private static void Run(string tool, string connectionString, IReadOnlyList<string> arguments)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(Tool(tool)) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "--host", builder.Host ?? "localhost", "--port", builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--username", builder.Username ?? Environment.UserName, "--dbname", builder.Database ?? builder.Username ?? "" })
            start.ArgumentList.Add(argument);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["PGCONNECT_TIMEOUT"] = builder.Timeout.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!string.IsNullOrEmpty(builder.Password)) start.Environment["PGPASSWORD"] = builder.Password;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Kunne ikke starte {tool}.");
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{tool} feilet (kode {process.ExitCode}): {error.Result.Trim()}");
    }

    /// <summary>The tool of the highest PostgreSQL version installed, so it can read what the server writes.</summary>
    private static string Tool(string name)
    {
        const string Root = "/usr/lib/postgresql";
        var installed = Directory.Exists(Root)
            ? Directory.GetDirectories(Root)
                .Select(d => (Path: System.IO.Path.Combine(d, "bin", name), Version: int.TryParse(System.IO.Path.GetFileName(d), System.Globalization.NumberStyles.None,
                    System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : -1))
                .Where(t => t.Version >= 0 && File.Exists(t.Path))
                .OrderByDescending(t => t.Version)
                .Select(t => t.Path)
                .FirstOrDefault()
            : null;
        return installed ?? name;
    }
}
