using System.CommandLine;
using System.Globalization;
using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Thresholds;
using Malekort.Units;

namespace Malekort.Cli.Commands;

/// <summary><c>malekort target set</c>: a target (måltall) for an indicator, e.g. KVP participants per office (seed 003).</summary>
internal static class TargetCommand
{
    public static Command Create(CliContext context)
    {
        var unit = new Option<string>("--unit") { Required = true, Description = "Enheten eller NAV-kontoret målet gjelder." };
        var indicator = new Option<string>("--indicator") { Required = true, Description = "Indikatorkoden, f.eks. B.151." };
        var month = new Option<string>("--month") { Required = true, Description = "Første måned målet gjelder, ÅÅÅÅ-MM." };
        var to = new Option<string?>("--to") { Description = "Siste måned (standard: --month)." };
        var value = new Option<string>("--value") { Required = true, Description = "Måltallet i indikatorens enhet." };
        var db = StoreOption.Create();
        var set = new Command("set", "Sett måltall for en indikator for en eller flere måneder.") { unit, indicator, month, to, value, db };
        set.SetAction(parsed =>
        {
            if (ThresholdCommand.FindIndicator(parsed.GetValue(indicator)!, out var indicatorError) is not { } definition)
                return context.Fail(indicatorError);
            if (!Month.TryParse(parsed.GetValue(month), out var first)) return context.Fail($"--month '{parsed.GetValue(month)}' er ikke ÅÅÅÅ-MM.");
            var last = first;
            if (parsed.GetValue(to) is { } toText && !Month.TryParse(toText, out last)) return context.Fail($"--to '{toText}' er ikke ÅÅÅÅ-MM.");
            if (last < first) return context.Fail($"--to {last} er før --month {first}.");
            if (!ThresholdInput.TryNumber(parsed.GetValue(value), out var target) || target < 0)
                return context.Fail($"--value '{parsed.GetValue(value)}' er ikke et tall ≥ 0.");
            using var store = StoreOption.Open(parsed.GetValue(db)!, context.Clock);
            if (!ThresholdCommand.FindUnit(store, parsed.GetValue(unit), UnitLookup.AnyKind, out var code, out var unitError)) return context.Fail(unitError);
            store.SaveTargets([.. new MonthRange(first, last).Months().Select(m => new Target(code, definition.Code, m, target))]);
            context.Output.WriteLine(string.Create(CultureInfo.GetCultureInfo("nb-NO"), $"Måltall {target} for {definition.Code} i {code}, {first}–{last}."));
            return 0;
        });
        var command = new Command("target", "Måltall og måloppnåelse.");
        command.Subcommands.Add(set);
        return command;
    }

}
