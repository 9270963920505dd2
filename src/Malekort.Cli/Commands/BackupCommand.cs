using System.CommandLine;
using System.Globalization;
using Malekort.Import.Pseudonyms;
using Malekort.Storage.Backup;

namespace Malekort.Cli.Commands;

/// <summary>
/// <c>malekort backup --out DIR --key-out FILE [--db DB] [--key FILE]</c>: a consistent copy of the database while it is in use
/// (SQLite's online backup API, or <c>pg_dump</c>) with a manifest in DIR, and the pseudonym key copied to FILE, which must lie
/// outside DIR: the key is kept apart from the database (<c>docs/operations.md</c>, "The pseudonym key").
/// <c>malekort restore</c> puts both back.
/// </summary>
internal static class BackupCommand
{
    private static readonly CultureInfo Norwegian = CultureInfo.GetCultureInfo("nb-NO");

    public static Command Create(CliContext context)
    {
        var output = new Option<string>("--out") { Required = true, Description = "Mappen sikkerhetskopien skrives til (ny eller tom)." };
        var keyOut = new Option<string>("--key-out")
        {
            Required = true,
            Description = "Filen pseudonymnøkkelen kopieres til: et annet sted enn databasekopien, f.eks. en annen disk eller et hemmelighetslager.",
        };
        var db = StoreOption.Create();
        var key = ImportCommand.KeyOption();
        var command = new Command("backup", "Ta sikkerhetskopi av databasen og pseudonymnøkkelen mens tjenesten kjører.") { output, keyOut, db, key };
        command.SetAction(parsed =>
        {
            var folder = Path.GetFullPath(parsed.GetValue(output)!);
            var keyCopy = Path.GetFullPath(parsed.GetValue(keyOut)!);
            if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
                return context.Fail($"--out {folder} finnes og er ikke tom; velg en ny mappe for hver sikkerhetskopi.");
            if (keyCopy.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                return context.Fail("--key-out må ligge utenfor --out: nøkkelen skal oppbevares et annet sted enn databasen.");
            if (File.Exists(keyCopy)) return context.Fail($"--key-out {keyCopy} finnes fra før.");
            var keyFile = PseudonymKey.ResolvePath(parsed.GetValue(key), Environment.GetEnvironmentVariable);
            if (!File.Exists(keyFile)) return context.Fail($"fant ingen pseudonymnøkkel i {keyFile}; oppgi den med --key.");

            var database = parsed.GetValue(db)!;
            using var store = StoreOption.Open(database, context.Clock);
            var version = store.DataVersion();
            Directory.CreateDirectory(folder);
            var postgres = StoreOption.IsPostgres(database);
            var file = postgres ? "malekort.dump" : "malekort.db";
            var copy = Path.Combine(folder, file);
            if (postgres) PostgresBackup.Write(database, copy);
            else SqliteBackup.Write(database, copy);
            CopyKey(keyFile, keyCopy);
            var manifest = new BackupManifest(BackupManifest.CurrentFormat, context.Clock.GetUtcNow(),
                postgres ? BackupManifest.Postgres : BackupManifest.Sqlite, file, BackupManifest.Sha256Of(copy), new FileInfo(copy).Length,
                version, BackupManifest.KeyIdOf(keyFile));
            manifest.Save(folder);
            context.Output.WriteLine(string.Create(Norwegian,
                $"sikkerhetskopi: {folder} ({store.Description}, dataversjon {version}, {manifest.Bytes / 1048576.0:0.0} MB); nøkkel: {keyCopy}"));
            return 0;
        });
        return command;
    }

    /// <summary>Copies a key file so that only its owner can read the copy, as the original.</summary>
    internal static void CopyKey(string from, string to)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        using var target = new FileStream(to, options);
        using var source = File.OpenRead(from);
        source.CopyTo(target);
        target.Flush(flushToDisk: true);
    }
}
