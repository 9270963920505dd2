using System.CommandLine;
using System.Globalization;
using Malekort.Import.Pseudonyms;
using Malekort.Storage.Backup;

namespace Malekort.Cli.Commands;

/// <summary>
/// <c>malekort restore --from DIR [--key-from FILE] [--db DB] [--key FILE] [--replace]</c>: puts a backup made by
/// <c>malekort backup</c> back, after checking the copy against its manifest and the key against the backup's key id.
/// A database (or key) that already holds something is replaced only with <c>--replace</c>. Migrations then bring an
/// older backup up to date. Stop the server first: it reads the database it was started on.
/// </summary>
internal static class RestoreCommand
{
    private static readonly CultureInfo Norwegian = CultureInfo.GetCultureInfo("nb-NO");

    public static Command Create(CliContext context)
    {
        var from = new Option<string>("--from") { Required = true, Description = "Mappen med sikkerhetskopien (fra malekort backup)." };
        var keyFrom = new Option<string?>("--key-from") { Description = "Kopien av pseudonymnøkkelen (--key-out fra malekort backup)." };
        var replace = new Option<bool>("--replace") { Description = "Erstatt en database eller nøkkel som har innhold fra før." };
        var db = StoreOption.Create();
        var key = ImportCommand.KeyOption();
        var command = new Command("restore", "Legg tilbake en sikkerhetskopi av databasen og pseudonymnøkkelen.") { from, keyFrom, replace, db, key };
        command.SetAction(parsed =>
        {
            var folder = parsed.GetValue(from)!;
            if (BackupManifest.Load(folder) is not { } manifest)
                return context.Fail($"{folder} er ikke en sikkerhetskopi fra malekort backup (mangler {BackupManifest.FileName}).");
            var copy = Path.Combine(folder, manifest.File);
            if (!File.Exists(copy) || BackupManifest.Sha256Of(copy) != manifest.Sha256)
                return context.Fail($"{copy} er ikke den filen sikkerhetskopien ble laget med (SHA-256 stemmer ikke); den er skadet eller byttet ut.");
            var database = parsed.GetValue(db)!;
            var postgres = StoreOption.IsPostgres(database);
            if (postgres != (manifest.Database == BackupManifest.Postgres))
                return context.Fail($"sikkerhetskopien er av en {(postgres ? "SQLite-database" : "PostgreSQL-database")}; legg den tilbake til samme slags database.");
            var keyFile = PseudonymKey.ResolvePath(parsed.GetValue(key), Environment.GetEnvironmentVariable);
            if (parsed.GetValue(keyFrom) is { } keyCopy)
            {
                if (!File.Exists(keyCopy)) return context.Fail($"finner ikke nøkkelkopien {keyCopy}.");
                if (manifest.KeyId is { } id && BackupManifest.KeyIdOf(keyCopy) != id)
                    return context.Fail($"{keyCopy} er ikke nøkkelen som hørte til databasen da sikkerhetskopien ble tatt.");
                if (File.Exists(keyFile) && BackupManifest.KeyIdOf(keyFile) != BackupManifest.KeyIdOf(keyCopy) && !parsed.GetValue(replace))
                    return context.Fail($"det finnes en annen pseudonymnøkkel i {keyFile}; bruk --replace for å erstatte den.");
            }
            if ((postgres ? PostgresBackup.HasData(database) : SqliteBackup.HasData(database)) && !parsed.GetValue(replace))
                return context.Fail("databasen har data fra før; bruk --replace for å erstatte den med sikkerhetskopien.");

            if (postgres) PostgresBackup.Restore(copy, database);
            else SqliteBackup.Restore(copy, database);
            if (parsed.GetValue(keyFrom) is { } restoredKey && (!File.Exists(keyFile) || BackupManifest.KeyIdOf(keyFile) != BackupManifest.KeyIdOf(restoredKey)))
            {
                File.Delete(keyFile);
                BackupCommand.CopyKey(restoredKey, keyFile);
            }
            using var store = StoreOption.Open(database, context.Clock);
            context.Output.WriteLine(string.Create(Norwegian,
                $"gjenopprettet: {store.Description} fra {folder} (dataversjon {store.DataVersion()}, tatt {manifest.CreatedAt:yyyy-MM-dd HH:mm} UTC)")
                + (parsed.GetValue(keyFrom) is null ? "; nøkkelen er ikke lagt tilbake (uten --key-from)" : $"; nøkkel: {keyFile}"));
            return 0;
        });
        return command;
    }
}
