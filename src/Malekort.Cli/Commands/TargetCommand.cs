using System.CommandLine;
using System.Globalization;
using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Storage;
using Malekort.Targets;
using Malekort.Thresholds;
using Malekort.Units;

namespace Malekort.Cli.Commands;

/// <summary>
/// <c>malekort target set|list|remove</c>: targets (måltall) for an indicator in a unit or office, e.g. KVP participants per office
/// (seed 003): a month or range of months, or a yearly target spread evenly or by 12 weights. Every change is kept with who.
/// </summary>
internal static class TargetCommand
{
    private static readonly CultureInfo Norwegian = CultureInfo.GetCultureInfo("nb-NO");

    public static Command Create(CliContext context)
    {
        var command = new Command("target", "Måltall og måloppnåelse.");
        command.Subcommands.Add(Set(context));
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Remove(context));
        return command;
    }

    private static Command Set(CliContext context)
    {
        var unit = new Option<string>("--unit") { Required = true, Description = "Enheten eller NAV-kontoret målet gjelder." };
        var indicator = new Option<string>("--indicator") { Required = true, Description = "Indikatorkoden, f.eks. B.151." };
        var month = new Option<string?>("--month") { Description = "Første måned målet gjelder, ÅÅÅÅ-MM (eller --year)." };
        var to = new Option<string?>("--to") { Description = "Siste måned (standard: --month)." };
        var year = new Option<int?>("--year") { Description = "Et årsmål for året, fordelt på månedene (jevnt, eller etter --weights)." };
        var weights = new Option<string?>("--weights") { Description = "12 vekter skilt med semikolon, januar først, f.eks. 1;1;1;2;2;2;2;2;2;3;3;3." };
        var value = new Option<string>("--value") { Required = true, Description = "Måltallet i indikatorens enhet; med --year årsmålet." };
        var setBy = SetByOption();
        var db = StoreOption.Create();
        var set = new Command("set", "Sett måltall for en indikator for en eller flere måneder, eller et årsmål fordelt på månedene.")
        {
            unit, indicator, month, to, year, weights, value, setBy, db,
        };
        set.SetAction(parsed =>
        {
            if (ThresholdCommand.FindIndicator(parsed.GetValue(indicator)!, out var indicatorError) is not { } definition)
                return context.Fail(indicatorError);
            if (parsed.GetValue(year) is { } y)
            {
                if (parsed.GetValue(month) is not null) return context.Fail("Bruk enten --year eller --month, ikke begge.");
                var profile = parsed.GetValue(weights)?.Split(';');
                if (profile is { Length: not 12 }) return context.Fail($"--weights må ha 12 vekter skilt med semikolon, ikke {profile.Length}.");
                using var yearStore = StoreOption.Open(parsed.GetValue(db)!, context.Clock);
                if (!ThresholdCommand.FindUnit(yearStore, parsed.GetValue(unit), UnitLookup.AnyKind, out var yearUnit, out var yearUnitError))
                    return context.Fail(yearUnitError);
                var (plan, errors) = TargetInput.Check(definition, yearUnit, y, profile is null ? Periodisation.Even : Periodisation.Weights,
                    parsed.GetValue(value), profile ?? [], []);
                if (plan is null) return context.Fail(errors[0].Message);
                yearStore.SetTargetYear(plan, parsed.GetValue(setBy)!);
                context.Output.WriteLine($"Årsmål {NorwegianNumber(plan.Yearly!.Value)} for {definition.Code} i {yearUnit}, {y}: {Months(plan.Months)}.");
                return 0;
            }
            if (!Month.TryParse(parsed.GetValue(month), out var first)) return context.Fail($"--month '{parsed.GetValue(month)}' er ikke ÅÅÅÅ-MM (eller bruk --year).");
            var last = first;
            if (parsed.GetValue(to) is { } toText && !Month.TryParse(toText, out last)) return context.Fail($"--to '{toText}' er ikke ÅÅÅÅ-MM.");
            if (last < first) return context.Fail($"--to {last} er før --month {first}.");
            if (!ThresholdInput.TryNumber(parsed.GetValue(value), out var target) || target < 0)
                return context.Fail($"--value '{parsed.GetValue(value)}' er ikke et tall ≥ 0.");
            using var store = StoreOption.Open(parsed.GetValue(db)!, context.Clock);
            if (!ThresholdCommand.FindUnit(store, parsed.GetValue(unit), UnitLookup.AnyKind, out var code, out var unitError)) return context.Fail(unitError);
            store.SaveTargets([.. new MonthRange(first, last).Months().Select(m => new Target(code, definition.Code, m, target))], parsed.GetValue(setBy)!);
            context.Output.WriteLine(string.Create(Norwegian, $"Måltall {target} for {definition.Code} i {code}, {first}–{last}."));
            return 0;
        });
        return set;
    }

    private static Command List(CliContext context)
    {
        var unit = new Option<string?>("--unit") { Description = "Bare denne enheten eller dette kontoret." };
        var year = new Option<int?>("--year") { Description = "Bare dette året." };
        var db = StoreOption.Create();
        var command = new Command("list", "Vis måltallene per enhet, indikator og år, med årsmål og hver måned.") { unit, year, db };
        command.SetAction(parsed =>
        {
            using var store = StoreOption.Open(parsed.GetValue(db)!, context.Clock);
            UnitCode? only = null;
            if (parsed.GetValue(unit) is { } text)
            {
                if (!ThresholdCommand.FindUnit(store, text, UnitLookup.AnyKind, out var code, out var unitError)) return context.Fail(unitError);
                only = code;
            }
            foreach (var plan in store.TargetYears().Where(p => (only is null || p.Unit == only) && (parsed.GetValue(year) is not { } y || p.Year == y)))
            {
                var definition = IndicatorCatalog.Find(plan.Indicator);
                var figure = definition is null ? null : plan.YearFigure(definition);
                context.Output.WriteLine($"{plan.Unit,-10} {plan.Indicator,-8} {plan.Year} {How(plan.How),-16} " +
                    $"år {(figure is { } f ? NorwegianNumber(f) : "–")}  {Months(plan.Months)}");
            }
            return 0;
        });
        return command;
    }

    private static Command Remove(CliContext context)
    {
        var unit = new Option<string>("--unit") { Required = true, Description = "Enheten eller NAV-kontoret." };
        var indicator = new Option<string>("--indicator") { Required = true, Description = "Indikatorkoden." };
        var year = new Option<int>("--year") { Required = true, Description = "Året hvis måltall fjernes." };
        var setBy = SetByOption();
        var db = StoreOption.Create();
        var command = new Command("remove", "Fjern et års måltall for en indikator i en enhet.") { unit, indicator, year, setBy, db };
        command.SetAction(parsed =>
        {
            if (ThresholdCommand.FindIndicator(parsed.GetValue(indicator)!, out var indicatorError) is not { } definition)
                return context.Fail(indicatorError);
            using var store = StoreOption.Open(parsed.GetValue(db)!, context.Clock);
            if (!ThresholdCommand.FindUnit(store, parsed.GetValue(unit), UnitLookup.AnyKind, out var code, out var unitError)) return context.Fail(unitError);
            var removed = store.RemoveTargetYear(code, definition.Code, parsed.GetValue(year), parsed.GetValue(setBy)!);
            context.Output.WriteLine(removed is null
                ? $"{code} hadde ingen måltall for {definition.Code} i {parsed.GetValue(year)}: ingenting er endret."
                : $"Måltallene for {definition.Code} i {code}, {parsed.GetValue(year)}, er fjernet.");
            return 0;
        });
        return command;
    }

    /// <summary>Who is recorded as having made the change; the local operator by default.</summary>
    internal static Option<string> SetByOption() => new("--set-by")
    {
        Description = "Hvem endringen føres på i endringsloggen (standard: lokal operatør).",
        DefaultValueFactory = _ => IMalekortStore.LocalOperator,
    };

    private static string How(Periodisation how) => how switch
    {
        Periodisation.Even => "jevnt fordelt",
        Periodisation.Weights => "etter vekter",
        _ => "måned for måned",
    };

    private static string NorwegianNumber(decimal value) => value.ToString("#,0.##", Norwegian);

    private static string Months(IReadOnlyList<decimal?> months) => string.Join(" ", months.Select(m => m is { } v ? NorwegianNumber(v) : "–"));
}
