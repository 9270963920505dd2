using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Malekort.Cli.Synthetic;
using Malekort.Periods;

namespace Malekort.Cli.Commands;

/// <summary>
/// <c>malekort generate --scale national|FRACTION --months N --out DIR [--seed N]</c>: seeded capture batches for every
/// municipality and Oslo district, sized from real SSB population, for benchmarks and load tests.
/// </summary>
internal static class GenerateCommand
{
    public static Command Create(CliContext context)
    {
        var scale = new Option<string>("--scale") { Description = "national (hele landet) eller en andel, f.eks. 0.125.", DefaultValueFactory = _ => "national" };
        var months = new Option<int>("--months") { Description = "Antall måneder, som slutter i --last.", DefaultValueFactory = _ => 36 };
        var last = new Option<string>("--last") { Description = "Siste måned, ÅÅÅÅ-MM.", DefaultValueFactory = _ => "2024-12" };
        var output = new Option<string>("--out") { Description = "Mappen leveransene skrives til.", Required = true };
        var seed = new Option<int>("--seed") { Description = "Frø for tilfeldighetene (samme frø gir samme filer).", DefaultValueFactory = _ => 2014 };
        var monthly = new Option<int>("--monthly")
        {
            Description = "Antall av de siste månedene som leveres som egne månedsleveranser (standard 0: bare årsleveranser).",
            DefaultValueFactory = _ => 0,
        };
        var otherFormats = new Option<int?>("--other-formats")
        {
            Description = $"Skriv også KOSTRA 11F (oppsettet for {KostraWriter.LayoutYear}) og Digisos-søknader for dette året, under kostra/ og digisos/.",
        };
        var command = new Command("generate", "Lag syntetiske leveranser for hele landet.") { scale, months, last, output, seed, monthly, otherFormats };
        command.SetAction(parsed =>
        {
            if (!TryScale(parsed.GetValue(scale), out var fraction)) return context.Fail($"--scale '{parsed.GetValue(scale)}' må være national eller en andel over 0.");
            if (parsed.GetValue(months) is < 1 or > 240) return context.Fail("--months må være mellom 1 og 240.");
            if (!Month.TryParse(parsed.GetValue(last), out var lastMonth)) return context.Fail($"--last '{parsed.GetValue(last)}' er ikke ÅÅÅÅ-MM.");
            var range = new MonthRange(lastMonth.Plus(1 - parsed.GetValue(months)), lastMonth);
            if (parsed.GetValue(monthly) < 0 || parsed.GetValue(monthly) >= range.Count) return context.Fail("--monthly må være fra 0 til færre enn --months.");
            var directory = parsed.GetValue(output)!;
            if (parsed.GetValue(otherFormats) is { } year && (year != KostraWriter.LayoutYear || !range.Contains(new Month(year, 12)) || !range.Contains(new Month(year, 1))))
                return context.Fail($"--other-formats må være {KostraWriter.LayoutYear}, og hele året må være blant månedene.");
            var clock = Stopwatch.StartNew();
            var units = NationalData.Units(DemoCommand.DataDirectory());
            var folders = new SyntheticGenerator(new SyntheticOptions(parsed.GetValue(seed), range, fraction, parsed.GetValue(monthly))).Write(units, Path.Combine(directory, "batches"),
                parsed.GetValue(otherFormats) is { } formatsYear ? (directory, formatsYear) : null);
            NationalData.WriteOffices(units, Path.Combine(directory, "offices.csv"));
            context.Output.WriteLine(string.Create(CultureInfo.GetCultureInfo("nb-NO"),
                $"{folders.Count} leveranser for {units.Count} enheter, {range}, skala {fraction}, skrevet til {directory} på {clock.Elapsed.TotalSeconds:0.0} s."));
            return 0;
        });
        return command;
    }

    internal static bool TryScale(string? text, out double fraction)
    {
        fraction = 1.0;
        if (text == "national") return true;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out fraction) && fraction > 0 && fraction <= 1.0;
    }
}
