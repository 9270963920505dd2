using System.CommandLine;
using System.Globalization;
using Malekort.Indicators;
using Malekort.Storage;
using Malekort.Thresholds;
using Malekort.Units;

namespace Malekort.Cli.Commands;

/// <summary>
/// <c>malekort threshold set|remove|list</c>: a municipality's own green and red limits for an indicator
/// (spec "Thresholds are set per indicator and unit by the municipality").
/// </summary>
internal static class ThresholdCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("threshold", "Grenseverdier (grønn/gul/rød) per indikator og enhet.");
        command.Subcommands.Add(Set(context));
        command.Subcommands.Add(Remove(context));
        command.Subcommands.Add(List(context));
        return command;
    }

    private static Command Set(CliContext context)
    {
        var unit = new Option<string>("--unit") { Description = "Enheten grensene gjelder (kommune, bydel eller NAV-kontor).", Required = true, HelpName = "ENHET" };
        var indicator = new Option<string>("--indicator") { Description = "Indikatorkoden, f.eks. B.101.", Required = true, HelpName = "KODE" };
        var green = new Option<string>("--green") { Description = "Grønn grense (desimalpunktum eller -komma).", Required = true };
        var red = new Option<string>("--red") { Description = "Rød grense.", Required = true };
        var direction = new Option<string?>("--direction") { Description = "hoyere (høyere er bedre) eller lavere; standard: indikatorens retning." };
        var setBy = SetByOption();
        var db = StoreOption.Create();
        var command = new Command("set", "Sett enhetens egne grenser for en indikator.") { unit, indicator, green, red, direction, setBy, db };
        command.SetAction(parsed =>
        {
            if (FindIndicator(parsed.GetValue(indicator)!, out var indicatorError) is not { } definition) return context.Fail(indicatorError);
            var dir = parsed.GetValue(direction) switch
            {
                null => definition.Direction,
                "hoyere" or "høyere" => Direction.HigherIsBetter,
                "lavere" => Direction.LowerIsBetter,
                var other => (Direction?)null,
            };
            if (dir is null) return context.Fail($"--direction '{parsed.GetValue(direction)}' må være hoyere eller lavere.");
            // The same checks as the browser's form (numbers, range, order), in the direction asked for.
            var check = ThresholdInput.Check(definition with { Direction = dir.Value }, parsed.GetValue(green), parsed.GetValue(red));
            if (check.GreenError is { } greenError) return context.Fail($"--green: {greenError}");
            if (check.RedError is { } redError) return context.Fail($"--red: {redError}");
            using var store = StoreOption.Open(parsed.GetValue(db)!, context.Clock);
            if (!FindUnit(store, parsed.GetValue(unit), UnitLookup.UnitsAndOffices, out var code, out var unitError)) return context.Fail(unitError);
            var limits = check.Limits!.Value;
            var threshold = new Threshold(code, definition.Code, limits.Direction, limits.Green, limits.Red, parsed.GetValue(setBy)!);
            store.SaveThreshold(threshold);
            context.Output.WriteLine($"{definition.Code} for {code}: {threshold.Describe(CultureInfo.GetCultureInfo("nb-NO"))}");
            return 0;
        });
        return command;
    }

    private static Command Remove(CliContext context)
    {
        var unit = new Option<string>("--unit") { Required = true, Description = "Enheten.", HelpName = "ENHET" };
        var indicator = new Option<string>("--indicator") { Required = true, Description = "Indikatorkoden.", HelpName = "KODE" };
        var setBy = SetByOption();
        var db = StoreOption.Create();
        var command = new Command("remove", "Fjern enhetens egne grenser, så standardgrensene gjelder igjen.") { unit, indicator, setBy, db };
        command.SetAction(parsed =>
        {
            if (FindIndicator(parsed.GetValue(indicator)!, out var indicatorError) is not { } definition) return context.Fail(indicatorError);
            using var store = StoreOption.Open(parsed.GetValue(db)!, context.Clock);
            if (!FindUnit(store, parsed.GetValue(unit), UnitLookup.UnitsAndOffices, out var code, out var unitError)) return context.Fail(unitError);
            store.DeleteThreshold(code, definition.Code, parsed.GetValue(setBy)!);
            return 0;
        });
        return command;
    }

    private static Command List(CliContext context)
    {
        var db = StoreOption.Create();
        var command = new Command("list", "Vis grensene som gjelder: enhetenes egne og standardgrensene.") { db };
        command.SetAction(parsed =>
        {
            using var store = StoreOption.Open(parsed.GetValue(db)!, context.Clock);
            var table = store.LoadReference().Thresholds;
            var nb = CultureInfo.GetCultureInfo("nb-NO");
            foreach (var t in table.Own.OrderBy(t => t.Unit.Value, StringComparer.Ordinal).ThenBy(t => t.Indicator, StringComparer.Ordinal))
                context.Output.WriteLine($"{t.Unit,-10} {t.Indicator,-8} {t.Describe(nb)}  (satt av {t.SetBy})");
            foreach (var t in ThresholdTable.Defaults)
                context.Output.WriteLine($"{"standard",-10} {t.Indicator,-8} {t.Describe(nb)}  ({t.SetBy})");
            return 0;
        });
        return command;
    }

    /// <summary>Who is recorded as having made the change; the local operator by default.</summary>
    private static Option<string> SetByOption() => new("--set-by")
    {
        Description = "Hvem endringen føres på i endringsloggen (standard: lokal operatør).",
        DefaultValueFactory = _ => "lokal operatør",
    };

    /// <summary>The indicator with the code, or a Norwegian error naming the nearest codes.</summary>
    internal static IndicatorDefinition? FindIndicator(string code, out string error)
    {
        error = "";
        if (IndicatorCatalog.Find(code) is { } definition) return definition;
        var nearest = IndicatorCatalog.Nearest(code);
        error = $"--indicator: «{code}» er ikke en kjent indikator." + (nearest.Count > 0 ? $" Nærmeste: {string.Join(", ", nearest)}." : "");
        return null;
    }

    /// <summary>The unit, if the registers (SSB's and the store's office register) know it; else a Norwegian error naming the nearest.</summary>
    internal static bool FindUnit(IMalekortStore store, string? text, IReadOnlyCollection<UnitKind> allowed, out UnitCode code, out string error)
    {
        var found = new UnitLookup(UnitRegister.Default, store.LoadReference().Offices).TryFind(text, allowed, out code, out error);
        error = $"--unit: {error}";
        return found;
    }

}
