using System.CommandLine;
using Malekort.Indicators;
using Malekort.ManualValues;
using Malekort.Periods;
using Malekort.Storage;
using Malekort.Units;

namespace Malekort.Cli.Commands;

/// <summary>
/// <c>malekort manual set|list|remove</c>: numbers typed for a municipality or district and month without captured data (issue 11
/// item 4), checked as on <c>/manuelt</c>; every change is kept with who.
/// </summary>
internal static class ManualCommand
{
    private static readonly IReadOnlyCollection<UnitKind> CaptureUnits = [UnitKind.Municipality, UnitKind.District];

    public static Command Create(CliContext context)
    {
        var command = new Command("manual", "Manuelt registrerte tall for måneder uten innsamlede data.");
        command.Subcommands.Add(Set(context));
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Remove(context));
        return command;
    }

    private static Command Set(CliContext context)
    {
        var unit = new Option<string>("--unit") { Required = true, Description = "Kommunen eller bydelen tallet gjelder." };
        var indicator = new Option<string>("--indicator") { Required = true, Description = "Indikatorkoden, f.eks. B51." };
        var month = new Option<string>("--month") { Required = true, Description = "Måneden, ÅÅÅÅ-MM." };
        var numerator = new Option<string>("--numerator") { Required = true, Description = "Telleren, eller antallet for en indikator som er et antall." };
        var denominator = new Option<string?>("--denominator") { Description = "Nevneren, for en andel eller et snitt." };
        var setBy = TargetCommand.SetByOption();
        var db = StoreOption.Create();
        var command = new Command("set", "Registrer et tall for en kommune eller bydel og en måned uten innsamlede data.")
        {
            unit, indicator, month, numerator, denominator, setBy, db,
        };
        command.SetAction(parsed =>
        {
            if (ThresholdCommand.FindIndicator(parsed.GetValue(indicator)!, out var indicatorError) is not { } definition)
                return context.Fail(indicatorError);
            var now = context.Clock.GetUtcNow();
            var (typed, monthError) = ManualInput.ReadMonth(parsed.GetValue(month), Month.Of(OsloTime.DateOf(now)));
            if (typed is not { } m) return context.Fail($"--month: {monthError}");
            using var store = StoreOption.Open(parsed.GetValue(db)!, context.Clock);
            if (!ThresholdCommand.FindUnit(store, parsed.GetValue(unit), CaptureUnits, out var code, out var unitError)) return context.Fail(unitError);
            var state = store.Load();
            var computed = new IndicatorEngine(UnitRegister.Default, state.Offices)
                .Compute(state.WorkingSet, state.Population, new MonthRange(m, m)).Get(code, m, definition.Code);
            if (ManualInput.Captured(definition, state.Offices.NameOf(code), m, computed) is { } captured) return context.Fail($"--month: {captured}");
            var (value, errors) = ManualInput.Check(definition, code, m, parsed.GetValue(numerator), parsed.GetValue(denominator), parsed.GetValue(setBy)!, now);
            if (value is null) return context.Fail(string.Join(" ", errors.Select(e => $"--{(e.Field == ManualInput.NumeratorField ? "numerator" : "denominator")}: {e.Message}")));
            var change = store.SetManualValue(value);
            context.Output.WriteLine(change is null
                ? $"{definition.Code} i {code}, {m}, var allerede {Numbers(value.Numerator, value.Denominator)}: ingenting er endret."
                : $"{definition.Code} i {code}, {m}: {Numbers(value.Numerator, value.Denominator)}, manuelt registrert.");
            return 0;
        });
        return command;
    }

    private static Command List(CliContext context)
    {
        var unit = new Option<string?>("--unit") { Description = "Bare denne kommunen eller bydelen." };
        var db = StoreOption.Create();
        var command = new Command("list", "Vis de manuelt registrerte tallene: enhet, måned, indikator, tall, hvem og når.") { unit, db };
        command.SetAction(parsed =>
        {
            using var store = StoreOption.Open(parsed.GetValue(db)!, context.Clock);
            UnitCode? only = null;
            if (parsed.GetValue(unit) is { } text)
            {
                if (!ThresholdCommand.FindUnit(store, text, CaptureUnits, out var code, out var unitError)) return context.Fail(unitError);
                only = code;
            }
            foreach (var value in store.ManualValues().Where(v => only is null || v.Unit == only))
            {
                context.Output.WriteLine($"{value.Unit,-6} {value.Month} {value.Indicator,-8} {Numbers(value.Numerator, value.Denominator),-14} " +
                    $"{value.EnteredBy} {value.EnteredAt:yyyy-MM-dd HH:mm}Z");
            }
            return 0;
        });
        return command;
    }

    private static Command Remove(CliContext context)
    {
        var unit = new Option<string>("--unit") { Required = true, Description = "Kommunen eller bydelen." };
        var indicator = new Option<string>("--indicator") { Required = true, Description = "Indikatorkoden." };
        var month = new Option<string>("--month") { Required = true, Description = "Måneden, ÅÅÅÅ-MM." };
        var setBy = TargetCommand.SetByOption();
        var db = StoreOption.Create();
        var command = new Command("remove", "Fjern et manuelt registrert tall.") { unit, indicator, month, setBy, db };
        command.SetAction(parsed =>
        {
            if (ThresholdCommand.FindIndicator(parsed.GetValue(indicator)!, out var indicatorError) is not { } definition)
                return context.Fail(indicatorError);
            if (!Month.TryParse(parsed.GetValue(month), out var m)) return context.Fail($"--month '{parsed.GetValue(month)}' er ikke ÅÅÅÅ-MM.");
            using var store = StoreOption.Open(parsed.GetValue(db)!, context.Clock);
            if (!ThresholdCommand.FindUnit(store, parsed.GetValue(unit), CaptureUnits, out var code, out var unitError)) return context.Fail(unitError);
            var removed = store.RemoveManualValue(code, definition.Code, m, parsed.GetValue(setBy)!);
            context.Output.WriteLine(removed is null
                ? $"{code} hadde ikke noe manuelt tall for {definition.Code} i {m}: ingenting er endret."
                : $"Det manuelle tallet for {definition.Code} i {code}, {m}, er fjernet.");
            return 0;
        });
        return command;
    }

    private static string Numbers(long numerator, long? denominator) => denominator is { } d ? $"{numerator} / {d}" : $"{numerator}";
}
