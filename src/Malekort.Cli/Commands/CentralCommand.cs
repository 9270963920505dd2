using System.CommandLine;
using System.Globalization;
using Malekort.Units;
using Malekort.Web.Federation;

namespace Malekort.Cli.Commands;

/// <summary>
/// <c>malekort central key --office NAV-nnnn [--db DB]</c> and <c>central keys</c>: a central instance's delivery keys, one per
/// office (docs/federation.md). Making a key makes the database a central instance's, which takes no person-level data.
/// </summary>
internal static class CentralCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("central", "Sentral instans (fylke eller direktorat): leveringsnøkler for kontorene.");
        command.Subcommands.Add(Key(context));
        command.Subcommands.Add(Keys(context));
        return command;
    }

    private static Command Key(CliContext context)
    {
        var office = new Option<string>("--office") { Description = "Kontoret nøkkelen er for (NAV-nnnn).", Required = true };
        var db = StoreOption.Create();
        var command = new Command("key",
            "Lag en ny leveringsnøkkel for et kontor (en tidligere nøkkel slutter å virke). Den vises bare denne ene gangen.") { office, db };
        command.SetAction(parsed =>
        {
            if (!UnitCode.TryParse(parsed.GetValue(office), out var code) || code.Kind != UnitKind.Office)
                return context.Fail($"--office '{parsed.GetValue(office)}' er ikke et NAV-kontor (NAV-nnnn).");
            using var store = StoreOption.Open(parsed.GetValue(db)!, context.Clock);
            try
            {
                store.BecomeCentral();
            }
            catch (InvalidOperationException e)
            {
                return context.Fail(e.Message);
            }
            if (store.LoadReference().Offices is { Offices.Count: > 0 } offices && offices.Find(code) is null)
                return context.Fail($"--office: {code} finnes ikke i kontorregisteret.");
            var key = DeliveryKeys.Create(store, code, context.Clock.GetUtcNow());
            // The key alone on standard output, so a script can capture it; the note goes to standard error.
            context.Output.WriteLine(key);
            context.Error.WriteLine($"Leveringsnøkkelen for {code} lagres bare som hash og vises ikke igjen. " +
                                    "Gi den til kontoret, som legger den i nøkkelfilen til «serve --deliver-to».");
            return 0;
        });
        return command;
    }

    private static Command Keys(CliContext context)
    {
        var db = StoreOption.Create();
        var command = new Command("keys", "Vis kontorene som har leveringsnøkkel.") { db };
        command.SetAction(parsed =>
        {
            using var store = StoreOption.Open(parsed.GetValue(db)!, context.Clock);
            var keys = store.DeliveryKeys();
            if (keys.Count == 0) context.Output.WriteLine("Ingen kontorer har leveringsnøkkel ennå. Lag en med: malekort central key --office NAV-nnnn");
            var norwegian = CultureInfo.GetCultureInfo("nb-NO");
            foreach (var (code, created) in keys)
                context.Output.WriteLine($"{code}\tlaget {created.ToLocalTime().ToString("d. MMMM yyyy", norwegian)}");
            return 0;
        });
        return command;
    }
}
