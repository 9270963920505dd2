using System.CommandLine;
using Malekort.Import.Pseudonyms;

namespace Malekort.Cli.Commands;

/// <summary>
/// <c>malekort key show|rotate [--key FILE] [--db DB]</c>: which pseudonym key the database was built with, and rotating it
/// (docs/security.md, "Nøkkelen").
/// </summary>
internal static class KeyCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("key", "Pseudonymnøkkelen: vis hvilken databasen bruker, eller bytt den ut (roter).");
        command.Subcommands.Add(Show(context));
        command.Subcommands.Add(Rotate(context));
        return command;
    }

    private static Command Show(CliContext context)
    {
        var key = ImportCommand.KeyOption();
        var db = StoreOption.Create();
        var command = new Command("show", "Vis nøkkelen databasen er bygd med, og om nøkkelfilen passer.") { key, db };
        command.SetAction(parsed =>
        {
            using var store = StoreOption.Open(parsed.GetValue(db)!, context.Clock);
            var state = store.PseudonymKeyState();
            context.Output.WriteLine(state.Record is { } record
                ? $"Databasen er bygd med nøkkel {record.Fingerprint} ({record.Generations} generasjon{(record.Generations == 1 ? "" : "er")})."
                : "Databasen har ingen nøkkel registrert ennå (den registreres ved første import).");
            var path = PseudonymKey.ResolvePath(parsed.GetValue(key));
            if (!File.Exists(path))
            {
                context.Output.WriteLine($"Nøkkelfilen {path} finnes ikke.");
                return state.Record is null ? 0 : 1;
            }
            var file = PseudonymKey.Load(path);
            var fits = state.Record is null || state.Record.Fingerprint == file.Fingerprint;
            context.Output.WriteLine($"Nøkkelfilen {path}: nøkkel {file.Fingerprint}{(fits ? "" : " — passer IKKE til databasen")}.");
            return fits ? 0 : 1;
        });
        return command;
    }

    private static Command Rotate(CliContext context)
    {
        var key = ImportCommand.KeyOption();
        var db = StoreOption.Create();
        var command = new Command("rotate",
            "Legg til en ny generasjon i nøkkelen og gi alle lagrede personer nye pseudonymer, i én transaksjon.") { key, db };
        command.SetAction(parsed =>
        {
            using var store = StoreOption.Open(parsed.GetValue(db)!, context.Clock);
            try
            {
                var (rotated, persons) = StoreKey.Rotate(store, parsed.GetValue(key));
                context.Output.WriteLine($"Nøkkelen er rotert: {persons} personer har fått nye pseudonymer. Ny nøkkel {rotated.Fingerprint} i {rotated.Path}.");
                context.Output.WriteLine("Den gamle nøkkelen er de første linjene i den nye filen (for sikkerhetskopier fra før); eldre kopier av nøkkelfilen kan slettes.");
                return 0;
            }
            catch (Exception e) when (e is PseudonymKeyException or InvalidDataException or IOException or UnauthorizedAccessException)
            {
                context.Error.WriteLine($"malekort: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
