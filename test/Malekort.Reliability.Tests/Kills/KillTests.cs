using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Malekort.Testing;

namespace Malekort.Reliability.Kills;

/// <summary>
/// <c>kill -9</c> in the middle of imports, on both databases and in the server's drop folder: after every kill each batch is
/// whole or absent (its stored rows are the counts its import logged, it has its engine rows, no import is logged without its
/// batch), SQLite's integrity check passes, and importing again completes with exactly the numbers of an import never killed.
/// </summary>
public sealed class KillTests
{
    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public async Task Imports_killed_at_random_points_leave_every_batch_whole_or_absent_and_importing_again_gives_the_same_numbers(string kind)
    {
        using var installation = await Installation.Empty("drap");
        using var postgres = kind == TestDatabases.Postgres ? TestDatabases.Create(kind) : null;
        var database = postgres?.Argument ?? installation.Database;
        var batches = Path.Combine(installation.Data, "batches");
        var inputs = Directory.GetDirectories(batches).Length;
        var random = new Random(kind.Length);
        var kills = 0;

        for (var k = 0; k < ReliabilitySettings.Kills; k++)
        {
            // Killed once a random number of the inputs still to import have landed: somewhere in the middle of writing the
            // next one. How far the import runs before the signal lands depends on the scheduler, so the count is drawn from
            // what is left, and the test asserts on the kills that happened, not on how many the machine's speed allowed.
            var left = inputs - Imported(database);
            if (left <= 1) break;
            var after = random.Next(1, Math.Max(2, left / (ReliabilitySettings.Kills - k + 1)));
            if (await ImportKilledAfter(database, installation, batches, after)) kills++;
            AssertWholeOrAbsent(database);
        }
        var (exit, output) = Installation.Run("import", "--db", database, "--key", installation.KeyFile, Path.Combine(installation.Data, "offices.csv"), batches);
        Assert.True(exit == 0, output);
        AssertWholeOrAbsent(database);

        Assert.InRange(kills, 1, ReliabilitySettings.Kills);
        Assert.Equal(await NeverKilled.Value, Indicators(database));
        ResultsFile.Write($"kills-{kind}", string.Create(CultureInfo.InvariantCulture,
            $"- {kind}: {kills} imports of {inputs} batch folders killed with SIGKILL; every batch whole or absent after each, integrity intact, the final numbers those of an import never killed.\n"));
    }

    [Fact]
    public async Task A_server_killed_while_it_imports_its_drop_folder_imports_every_delivery_exactly_once_after_a_restart()
    {
        using var installation = await Installation.Empty("drap-mottak");
        var deliveries = Directory.GetDirectories(Path.Combine(installation.Data, "batches")).Order(StringComparer.Ordinal)
            .Take(ReliabilitySettings.Full ? 200 : 30).ToList();
        foreach (var batch in deliveries) CopyFolder(batch, Path.Combine(installation.DropFolder, Path.GetFileName(batch)));
        var kills = ReliabilitySettings.Full ? 3 : 1;

        for (var k = 0; k < kills; k++)
        {
            using var server = await ServerProcess.Start(installation);
            var before = Imported(installation.Database);
            // Killed as soon as it has landed a few more: the import after them is under way.
            var deadline = DateTime.UtcNow.AddMinutes(5);
            while (Imported(installation.Database) < before + 3 && DateTime.UtcNow < deadline) await Task.Delay(50, TestContext.Current.CancellationToken);
            server.Kill();
            AssertWholeOrAbsent(installation.Database);
        }
        using (var server = await ServerProcess.Start(installation))
        {
            // Stored, and moved out of the drop folder (which happens just after).
            var deadline = DateTime.UtcNow.AddMinutes(10);
            while ((Imported(installation.Database) < deliveries.Count || deliveries.Any(d => Directory.Exists(Waiting(installation, d))))
                   && DateTime.UtcNow < deadline)
                await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        AssertWholeOrAbsent(installation.Database);
        Assert.Equal(deliveries.Count, Imported(installation.Database));
        Assert.All(deliveries, d => Assert.False(Directory.Exists(Waiting(installation, d)), $"{d} venter fortsatt"));
        ResultsFile.Write("kills-drop", string.Create(CultureInfo.InvariantCulture,
            $"- drop folder: the server killed with SIGKILL {kills} times while importing {deliveries.Count} dropped batch folders; after a restart each was imported exactly once.\n"));
    }

    private static string Waiting(Installation installation, string delivery) => Path.Combine(installation.DropFolder, Path.GetFileName(delivery));

    /// <summary>Batches stored: each delivery once, however often the server died on the way.</summary>
    private static int Imported(string database)
    {
        if (!database.Contains("Host=", StringComparison.Ordinal) && !File.Exists(database)) return 0;
        using var connection = Open(database);
        return Convert.ToInt32(Scalar(connection, "SELECT COUNT(*) FROM batches"), CultureInfo.InvariantCulture);
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }

    /// <summary>Runs the import and kills it once <paramref name="after"/> inputs have been reported; false if it finished first.</summary>
    private static async Task<bool> ImportKilledAfter(string database, Installation installation, string batches, int after)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { Installation.App, "import", "--db", database, "--key", installation.KeyFile, batches }) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        _ = process.StandardError.ReadToEndAsync();
        var landed = 0;
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("importert:", StringComparison.Ordinal) && ++landed >= after)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                return true;
            }
        }
        await process.WaitForExitAsync();
        return false;
    }

    /// <summary>Every batch's rows are what its import logged, it has its engine rows, and no import is logged without its batch.</summary>
    internal static void AssertWholeOrAbsent(string database)
    {
        using var connection = Open(database);
        if (connection is Microsoft.Data.Sqlite.SqliteConnection) Assert.Equal("ok", Scalar(connection, "PRAGMA integrity_check"));
        Assert.Equal(0L, Convert.ToInt64(Scalar(connection,
            "SELECT COUNT(*) FROM import_log l WHERE l.outcome = 'Imported' AND l.unit IS NOT NULL AND NOT EXISTS (SELECT 1 FROM batches b WHERE b.import_id = l.id)"),
            CultureInfo.InvariantCulture));
        Assert.Equal(0L, Convert.ToInt64(Scalar(connection,
            "SELECT COUNT(*) FROM batches b WHERE NOT EXISTS (SELECT 1 FROM batch_rows r WHERE r.batch_id = b.id)"), CultureInfo.InvariantCulture));
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT b.id, l.counts, (SELECT COUNT(*) FROM payments p WHERE p.batch_id = b.id), "
            + "(SELECT COUNT(*) FROM persons p WHERE p.batch_id = b.id) FROM batches b JOIN import_log l ON l.id = b.import_id";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var counts = JsonSerializer.Deserialize<Dictionary<string, int>>(reader.GetString(1))!;
            Assert.Equal(counts.GetValueOrDefault("payments"), reader.GetInt64(2));
            Assert.Equal(counts.GetValueOrDefault("persons"), reader.GetInt64(3));
        }
    }

    /// <summary>
    /// The indicators of the prepared database, the data imported once and never killed: the same for both kinds of database, so
    /// computed once (it was once per kind, a program start and a year of the sample's indicators each).
    /// </summary>
    private static readonly Lazy<Task<string>> NeverKilled = new(async () =>
    {
        using var prepared = await Installation.Empty("drap-fasit");
        return Indicators(Path.Combine(prepared.Data, "malekort.db"));
    });

    private static string Indicators(string database)
    {
        var (exit, output) = Installation.Run("indicators", "--month", "2024-01", "--to", "2024-12", "--format", "csv", "--db", database);
        Assert.True(exit == 0, output);
        return output;
    }

    private static DbConnection Open(string database)
    {
        DbConnection connection = database.Contains("Host=", StringComparison.Ordinal)
            ? new Npgsql.NpgsqlConnection(database)
            : new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        return connection;
    }

    private static object? Scalar(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
