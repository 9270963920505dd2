using System.CommandLine;
using Malekort.Indicators;
using Malekort.Storage;
using Malekort.Units;

namespace Malekort.Cli.Commands;

/// <summary>
/// <c>malekort own-indicator add|list|remove|history</c>: a municipality's or office's own indicators, each a formula over the base
/// counts and population (issue 11 item 6), checked as on <c>/egne-indikatorer</c>; every version is kept with who.
/// </summary>
internal static class OwnIndicatorCommand
{
    private static readonly IReadOnlyCollection<UnitKind> Owners = [UnitKind.Municipality, UnitKind.Office];
    private static readonly IReadOnlyCollection<UnitKind> Receivers = [UnitKind.Municipality, UnitKind.Office, UnitKind.County];

    public static Command Create(CliContext context)
    {
        var command = new Command("own-indicator", "Egne indikatorer: formler over grunntallene og befolkningen, definert av en kommune eller et NAV-kontor.");
        command.Subcommands.Add(Add(context));
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Remove(context));
        command.Subcommands.Add(History(context));
        return command;
    }

    private static Command Add(CliContext context)
    {
        var code = new Option<string>("--code") { Required = true, Description = "Koden, f.eks. EGEN.LANGTID." };
        var name = new Option<string>("--name") { Required = true, Description = "Navnet på indikatoren." };
        var description = new Option<string?>("--description") { Description = "Hva indikatoren viser." };
        var formula = new Option<string>("--formula") { Required = true, Description = "Formelen, f.eks. «BL166 / BL151 * 100» eller «FLYT.TILGANG - FLYT.AVGANG»." };
        var direction = new Option<string>("--direction")
        {
            Description = "hoyere (høyere er bedre) eller lavere (lavere er bedre).",
            DefaultValueFactory = _ => "hoyere",
        };
        var measure = new Option<string>("--measure") { Required = true, Description = "Måleenheten, f.eks. prosent eller personer." };
        var owner = new Option<string>("--owner") { Required = true, Description = "Kommunen eller NAV-kontoret som eier indikatoren." };
        var shareWith = new Option<string[]>("--share-with")
        {
            Description = "Enheter (kontor, kommune eller fylke) som også får se indikatoren; kan gis flere ganger.",
            AllowMultipleArgumentsPerToken = true,
        };
        var setBy = TargetCommand.SetByOption();
        var db = StoreOption.Create();
        var command = new Command("add", "Legg til en egen indikator, eller lagre en ny versjon av en med samme kode.")
        {
            code, name, description, formula, direction, measure, owner, shareWith, setBy, db,
        };
        command.SetAction(parsed =>
        {
            var way = parsed.GetValue(direction) switch
            {
                "hoyere" or "høyere" => (Direction?)Direction.HigherIsBetter,
                "lavere" => Direction.LowerIsBetter,
                _ => null,
            };
            if (way is not { } chosen) return context.Fail($"--direction: «{parsed.GetValue(direction)}» er verken «hoyere» eller «lavere».");
            using var store = StoreOption.Open(parsed.GetValue(db)!, context.Clock);
            if (!ThresholdCommand.FindUnit(store, parsed.GetValue(owner), Owners, out var ownerCode, out var ownerError))
                return context.Fail(ownerError.Replace("--unit", "--owner", StringComparison.Ordinal));
            var receivers = new List<UnitCode>();
            foreach (var text in (parsed.GetValue(shareWith) ?? []).SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            {
                if (!ThresholdCommand.FindUnit(store, text, Receivers, out var receiver, out var receiverError))
                    return context.Fail(receiverError.Replace("--unit", "--share-with", StringComparison.Ordinal));
                if (receiver != ownerCode && !receivers.Contains(receiver)) receivers.Add(receiver);
            }
            var candidate = new OwnIndicator(parsed.GetValue(code)!.Trim(), parsed.GetValue(name)!.Trim(), parsed.GetValue(description)?.Trim() ?? "",
                chosen, parsed.GetValue(measure)!.Trim(), parsed.GetValue(formula)!.Trim(), ownerCode, receivers, parsed.GetValue(setBy)!,
                context.Clock.GetUtcNow());
            var errors = OwnIndicators.Check(candidate, store.OwnIndicators());
            if (errors.Count > 0) return context.Fail(string.Join(Environment.NewLine, errors.Select(e => $"--{Option(e.Field)}: {e}")));
            var change = store.SaveOwnIndicator(candidate);
            context.Output.WriteLine(change is null
                ? $"{candidate.Code} er allerede slik: ingenting er endret."
                : $"{candidate.Code} ({candidate.Name}) er lagret for {ownerCode}: {candidate.Formula}");
            return 0;
        });
        return command;
    }

    private static string Option(string field) => field switch
    {
        "kode" => "code",
        "navn" => "name",
        "beskrivelse" => "description",
        "maleenhet" => "measure",
        _ => "formula",
    };

    private static Command List(CliContext context)
    {
        var db = StoreOption.Create();
        var command = new Command("list", "Vis de egne indikatorene: kode, eier, formel, hvem som har fått den, hvem og når.") { db };
        command.SetAction(parsed =>
        {
            using var store = StoreOption.Open(parsed.GetValue(db)!, context.Clock);
            foreach (var own in store.OwnIndicators())
            {
                var shared = own.SharedWith.Count == 0 ? "" : $" (også {string.Join(", ", own.SharedWith)})";
                context.Output.WriteLine($"{own.Code,-20} {own.Owner,-9} {own.Formula}{shared}  {own.DefinedBy} {own.DefinedAt:yyyy-MM-dd HH:mm}Z");
            }
            return 0;
        });
        return command;
    }

    private static Command Remove(CliContext context)
    {
        var code = new Option<string>("--code") { Required = true, Description = "Koden til indikatoren som skal fjernes." };
        var setBy = TargetCommand.SetByOption();
        var db = StoreOption.Create();
        var command = new Command("remove", "Fjern en egen indikator (historikken beholdes).") { code, setBy, db };
        command.SetAction(parsed =>
        {
            using var store = StoreOption.Open(parsed.GetValue(db)!, context.Clock);
            var wanted = parsed.GetValue(code)!.Trim();
            var stored = store.OwnIndicators();
            if (OwnIndicators.UsedBy(wanted, stored) is { Count: > 0 } users)
                return context.Fail($"--code: {wanted} brukes i formelen til {string.Join(", ", users)}. Fjern eller endre dem først.");
            var removed = store.RemoveOwnIndicator(wanted, parsed.GetValue(setBy)!);
            context.Output.WriteLine(removed is null ? $"Det finnes ingen egen indikator med koden {wanted}: ingenting er endret." : $"{wanted} er fjernet.");
            return 0;
        });
        return command;
    }

    private static Command History(CliContext context)
    {
        var code = new Option<string>("--code") { Required = true, Description = "Koden til indikatoren." };
        var db = StoreOption.Create();
        var command = new Command("history", "Vis hver versjon av en egen indikator og når den ble fjernet, nyeste først.") { code, db };
        command.SetAction(parsed =>
        {
            using var store = StoreOption.Open(parsed.GetValue(db)!, context.Clock);
            foreach (var change in store.OwnIndicatorChanges(parsed.GetValue(code)!.Trim()))
            {
                context.Output.WriteLine($"{change.ChangedAt:yyyy-MM-dd HH:mm}Z {change.ChangedBy}: {change.OldFormula ?? "(ny)"} → {change.NewFormula ?? "(fjernet)"}");
            }
            return 0;
        });
        return command;
    }
}
