using Malekort.Cli.Synthetic;
using Malekort.Periods;
using Malekort.Testing;
using Malekort.Units;

namespace Malekort.Cli.Backup;

/// <summary>
/// <c>malekort backup</c> and <c>restore</c> on both databases: the restored installation computes byte for byte the
/// indicators the original did, and, with the key restored, extracts imported afterwards link to the same people as they
/// would have in the original; without it (the control case) an import with a new key is refused, as it would make the same
/// people new ones.
/// </summary>
public sealed class BackupRestoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    // Råde (SSB 07459, 2024): a small municipality, one capture batch a year, persons by fødselsnummer.
    private static readonly SyntheticUnit[] Units = [new(UnitCode.Parse("3112"), 4_797, 620)];

    private readonly string work = Directory.CreateTempSubdirectory("malekort-backup-").FullName;
    private readonly string firstYear;
    private readonly string secondYear;

    public BackupRestoreTests()
    {
        var batches = new SyntheticGenerator(new SyntheticOptions(11, new MonthRange(new Month(2023, 1), new Month(2024, 12)), 0.5))
            .Write(Units, Path.Combine(work, "batches"));
        firstYear = Assert.Single(batches, b => b.Contains("2023-01-01", StringComparison.Ordinal));
        secondYear = Assert.Single(batches, b => b.Contains("2024-01-01", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(work, recursive: true);
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void A_restored_backup_computes_byte_identical_indicators_and_links_later_extracts_with_the_restored_key(string kind)
    {
        using var original = TestDatabases.Create(kind);
        using var restored = TestDatabases.Create(kind);
        using var control = TestDatabases.Create(kind);
        var originalKey = Path.Combine(work, "original.key");
        Succeeds("import", firstYear, "--db", original.Argument, "--key", originalKey);
        var before = Succeeds(Indicators(original));

        var backup = Path.Combine(work, "kopi");
        var keyBackup = Path.Combine(work, "nøkkelkopi", "pseudonym.key");
        var said = Succeeds("backup", "--out", backup, "--key-out", keyBackup, "--db", original.Argument, "--key", originalKey);
        var restoredKey = Path.Combine(work, "gjenopprettet.key");
        Succeeds("restore", "--from", backup, "--key-from", keyBackup, "--db", restored.Argument, "--key", restoredKey);
        Succeeds("restore", "--from", backup, "--db", control.Argument);

        Assert.StartsWith("sikkerhetskopi: ", said, StringComparison.Ordinal);
        Assert.Equal(before, Succeeds(Indicators(restored)));
        Assert.Equal(File.ReadAllText(originalKey), File.ReadAllText(restoredKey));

        // The next year's extract, imported after the restore: the restored key gives its people the pseudonyms the original
        // did, so their histories run on across New Year; a fresh key would make them new people, so it is refused.
        Succeeds("import", secondYear, "--db", original.Argument, "--key", originalKey);
        Succeeds("import", secondYear, "--db", restored.Argument, "--key", restoredKey);
        Assert.Contains("Ingenting er importert", Fails("import", secondYear, "--db", control.Argument, "--key", Path.Combine(work, "ny.key")),
            StringComparison.Ordinal);
        var after = Succeeds(Indicators(original));
        Assert.NotEqual(before, after);
        Assert.Equal(after, Succeeds(Indicators(restored)));
        Assert.Equal(before, Succeeds(Indicators(control)));
    }

    [Fact]
    public void A_restore_checks_the_copy_and_the_key_and_replaces_nothing_unless_told()
    {
        using var original = TestDatabases.Create(TestDatabases.Sqlite);
        using var target = TestDatabases.Create(TestDatabases.Sqlite);
        var key = Path.Combine(work, "original.key");
        Succeeds("import", firstYear, "--db", original.Argument, "--key", key);
        Succeeds("import", secondYear, "--db", target.Argument, "--key", key);
        var backup = Path.Combine(work, "kopi");
        var keyBackup = Path.Combine(work, "nokkel.key");
        Succeeds("backup", "--out", backup, "--key-out", keyBackup, "--db", original.Argument, "--key", key);

        Assert.Contains("databasen har data fra før; bruk --replace", Fails("restore", "--from", backup, "--db", target.Argument), StringComparison.Ordinal);
        Assert.Contains("--key-out må ligge utenfor --out",
            Fails("backup", "--out", Path.Combine(work, "ny"), "--key-out", Path.Combine(work, "ny", "k.key"), "--db", original.Argument, "--key", key),
            StringComparison.Ordinal);
        var other = Path.Combine(work, "annen.key");
        File.WriteAllText(other, Convert.ToBase64String(new byte[32]));
        Assert.Contains("er ikke nøkkelen som hørte til databasen",
            Fails("restore", "--from", backup, "--key-from", other, "--db", target.Argument, "--replace"), StringComparison.Ordinal);
        File.AppendAllText(Path.Combine(backup, "malekort.db"), "x");
        Assert.Contains("SHA-256 stemmer ikke", Fails("restore", "--from", backup, "--db", target.Argument, "--replace"), StringComparison.Ordinal);
    }

    private static string[] Indicators(TestDatabase db) =>
        ["indicators", "--month", "2023-01", "--to", "2024-12", "--format", "csv", "--db", db.Argument];

    private static string Succeeds(params string[] args)
    {
        var (exit, output, error) = Run(args);
        Assert.True(exit == 0, $"malekort {string.Join(' ', args)} ({exit}):\n{output}\n{error}");
        return output;
    }

    private static string Fails(params string[] args)
    {
        var (exit, output, error) = Run(args);
        Assert.True(exit != 0, $"malekort {string.Join(' ', args)} skulle feilet:\n{output}");
        return error;
    }

    private static (int Exit, string Output, string Error) Run(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CliApp.Run(args, output, error, new FixedClock(Now));
        return (exit, output.ToString(), error.ToString());
    }
}
