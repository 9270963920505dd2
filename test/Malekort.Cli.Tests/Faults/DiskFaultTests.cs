using Malekort.Storage;
using Malekort.Storage.Sqlite;

namespace Malekort.Cli.Faults;

/// <summary>
/// The command line on a disk that fills up and on a file system that turns read-only, both made for real in a mount
/// namespace: one Norwegian sentence on standard error, exit code 3, no stack trace, and the database as it was before the
/// import that failed (checked after copying it out of the namespace).
/// </summary>
public sealed class DiskFaultTests : IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("malekort-disk-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(work, recursive: true);
    }

    [Fact]
    public void An_import_that_fills_the_disk_says_so_in_Norwegian_exits_3_and_leaves_the_database_as_it_was()
    {
        var small = SyntheticBatch.Write(Path.Combine(work, "liten"), "3107", people: 20);
        var large = SyntheticBatch.Write(Path.Combine(work, "stor"), "3103", people: 20_000);
        var script = """
            set -e
            mount -t tmpfs -o size=3m tmpfs "$DB"
            dotnet "$APP" import --db "$DB/malekort.db" --key "$KEY" "$SMALL"
            set +e
            dotnet "$APP" import --db "$DB/malekort.db" --key "$KEY" "$LARGE"
            echo "stor=$?"
            cp "$DB"/malekort.db* "$OUT"/
            """;

        var (exit, output, error) = MountNamespace.Run(script, Variables(small, large));

        Assert.True(exit == 0, $"{exit}\n{output}\n{error}");
        Assert.Equal(3, MountNamespace.ExitOf(output, "stor"));
        Assert.Contains("malekort: Databasen er full: disken har ikke plass til mer.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        AssertOnlyTheSmallBatch();
    }

    [Fact]
    public void An_import_into_a_read_only_database_says_so_in_Norwegian_exits_3_and_changes_nothing()
    {
        var small = SyntheticBatch.Write(Path.Combine(work, "liten"), "3107", people: 20);
        var other = SyntheticBatch.Write(Path.Combine(work, "annen"), "3103", people: 20);
        var script = """
            set -e
            mount -t tmpfs -o size=64m tmpfs "$DB"
            dotnet "$APP" import --db "$DB/malekort.db" --key "$KEY" "$SMALL"
            mount -o remount,ro "$DB"
            set +e
            dotnet "$APP" import --db "$DB/malekort.db" --key "$KEY" "$LARGE"
            echo "stor=$?"
            cp "$DB"/malekort.db* "$OUT"/
            """;

        var (exit, output, error) = MountNamespace.Run(script, Variables(small, other));

        Assert.True(exit == 0, $"{exit}\n{output}\n{error}");
        Assert.Equal(3, MountNamespace.ExitOf(output, "stor"));
        Assert.Contains("malekort: Databasen kan leses, men ikke skrives", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        AssertOnlyTheSmallBatch();
    }

    private Dictionary<string, string> Variables(string small, string large)
    {
        var db = Directory.CreateDirectory(Path.Combine(work, "db")).FullName;
        var output = Directory.CreateDirectory(Path.Combine(work, "ut")).FullName;
        return new(StringComparer.Ordinal)
        {
            ["DB"] = db,
            ["OUT"] = output,
            ["KEY"] = Path.Combine(work, "pseudonym.key"),
            ["SMALL"] = small,
            ["LARGE"] = large,
        };
    }

    private void AssertOnlyTheSmallBatch()
    {
        using var store = new SqliteStore(Path.Combine(work, "ut", "malekort.db"));
        var log = store.ImportLog();
        var landed = Assert.Single(log, e => e.Outcome == ImportOutcome.Imported);
        Assert.Equal("3107", landed.Unit?.Value);
        Assert.Single(store.Load().WorkingSet.CaptureUnits);
    }
}
