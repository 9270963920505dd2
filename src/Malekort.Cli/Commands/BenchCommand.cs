using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Units;

namespace Malekort.Cli.Commands;

/// <summary>
/// <c>malekort bench --db DB [--runs N]</c>: how long the engine takes on the stored data — loading the working set, a full
/// recompute of every indicator × unit, office, county and country × every month, and one new month — with peak memory.
/// </summary>
internal static class BenchCommand
{
    public static Command Create(CliContext context)
    {
        var db = StoreOption.Create();
        var runs = new Option<int>("--runs") { Description = "Antall gjentak per måling (medianen vises).", DefaultValueFactory = _ => 5 };
        var command = new Command("bench", "Mål motorens fart på dataene i databasen.") { db, runs };
        command.SetAction(parsed =>
        {
            using var store = StoreOption.Open(parsed.GetValue(db)!, context.Clock);
            var n = Math.Max(1, parsed.GetValue(runs));
            var nb = CultureInfo.GetCultureInfo("nb-NO");

            var loadTimes = new List<double>();
            Storage.StoredState state = null!;
            for (var i = 0; i < Math.Min(n, 3); i++)
            {
                state = null!;
                GC.Collect();
                var sw = Stopwatch.StartNew();
                state = store.Load();
                loadTimes.Add(sw.Elapsed.TotalMilliseconds);
            }
            var months = DataMonths(state.WorkingSet);
            var engine = new IndicatorEngine(UnitRegister.Default, state.Offices);
            engine.Compute(state.WorkingSet, state.Population, months); // warm-up (JIT)
            var full = Measure(n, () => engine.Compute(state.WorkingSet, state.Population, months));
            var last = new MonthRange(months.Last, months.Last);
            var incremental = Measure(n, () => engine.Compute(state.WorkingSet, state.Population, last));
            var results = engine.Compute(state.WorkingSet, state.Population, months);
            var values = (long)results.Units.Count * months.Count * IndicatorCatalog.All.Count;

            context.Output.WriteLine(string.Create(nb, $"Data: {state.WorkingSet.RecordCount:N0} poster i arbeidssettet, {results.Units.Count:N0} enheter, {months} ({months.Count} måneder)"));
            context.Output.WriteLine(string.Create(nb, $"Last fra {store.Description}: median {Median(loadTimes):N0} ms"));
            context.Output.WriteLine(string.Create(nb, $"Full omberegning: median {Median(full):N1} ms ({values:N0} verdier, {values / (Median(full) / 1000) / 1e6:N1} mill. verdier/s)"));
            context.Output.WriteLine(string.Create(nb, $"Én ny måned ({last.First}): median {Median(incremental):N1} ms"));
            context.Output.WriteLine(string.Create(nb, $"Største minnebruk: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:N0} MiB"));
            return 0;
        });
        return command;
    }

    internal static MonthRange DataMonths(WorkingSet workingSet)
    {
        var batches = workingSet.CaptureUnits.SelectMany(workingSet.BatchesOf).ToList();
        if (batches.Count == 0) throw new InvalidOperationException("Databasen har ingen leveranser.");
        return new MonthRange(Month.Of(batches.Min(b => b.PeriodFrom)), Month.Of(batches.Max(b => b.PeriodTo)));
    }

    internal static List<double> Measure(int runs, Action action)
    {
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            action();
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        return times;
    }

    internal static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
