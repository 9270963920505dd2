using System.Diagnostics;
using System.Globalization;
using Malekort.Benchmarks.Peer;
using Malekort.Indicators;
using Malekort.Storage.Sqlite;
using Malekort.Units;

namespace Malekort.Benchmarks;

/// <summary>The whole suite, step by step, printing as it goes; writes <c>docs/benchmarks.md</c> at the end.</summary>
internal static class Suite
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static int Run(BenchOptions options)
    {
        var report = new Report(Console.WriteLine);
        var loadAtStart = options.WaitForQuietMinutes > 0 ? Machine.WaitForQuiet(options.WaitForQuietMinutes, report.Say) : Machine.LoadAverage();
        var startLoads = Machine.LoadAverages();
        report.Say($"Målekort benchmark: {string.Join(", ", options.Steps)}; belastning {startLoads}");
        if (loadAtStart >= 1.0)
            report.Section("Notes").AppendLine(CultureInfo.InvariantCulture, $"- The machine was busy when this run started (load average {startLoads}); figures may be slower than on a quiet machine.");
        Method(report);
        var work = Path.Combine(options.Root, ".malekort", "bench", "work");
        Directory.CreateDirectory(work);
        var clock = Stopwatch.StartNew();

        var national = new DataSet(options, options.Scale);
        if (national.EnsureGenerated(report) is { } generated)
            report.Result("data", $"generate {national.Name} data (cached afterwards)", string.Create(Invariant, $"{generated:0.0} s"));
        // The 1/8 set also carries KOSTRA 11F and Digisos files, for the import figures per format.
        var eighth = new DataSet(options, 0.125, otherFormats: true);

        try
        {
            if (options.Has("import"))
            {
                eighth.EnsureGenerated(report);
                ImportBenchmark.Run(eighth, work, report, options.ImportToPostgres);
            }
            EngineRun? engine = null;
            if (options.Has("engine") || options.Has("duckdb") || options.Has("bandwidth"))
                engine = EngineBenchmark.Run(options, national, work, report);
            if (engine is not null && options.Has("duckdb")) DuckDb(options, engine, report);
            if (engine is not null && options.Has("bandwidth")) Bandwidth(engine, report);
            if (options.Has("scaling")) Scaling(options, eighth, engine, work, report);
            if (options.Has("web"))
            {
                // Alone (--only web), the web step serves the same data without timing the engine first.
                var (database, results) = engine is null
                    ? EngineBenchmark.Prepare(national, work, report)
                    : (engine.Database, engine.Results);
                var units = new List<string> { "3107", "0301", "030101", "4601", "1860", "5001" };
                units.AddRange(results.Units.Where(u => u.Kind == UnitKind.Office).Take(6).Select(u => u.Value));
                units.AddRange(results.Units.Where(u => u.Kind == UnitKind.County).Select(u => u.Value));
                units.Add(UnitCode.Country.Value);
                var months = Enumerable.Range(0, DataSet.Months).Select(i => DataSet.LastMonth.Plus(i + 1 - DataSet.Months).ToString()).ToList();
                WebLoad.Run(options, database, units, DataSet.LastMonth.ToString(), [.. results.Units.Select(u => u.Value)], months, report);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or TimeoutException)
        {
            report.Fail(e.Message);
        }

        report.Say(string.Create(Invariant, $"Ferdig på {clock.Elapsed.TotalMinutes:0.0} min."));
        var command = string.Join('\n',
            "./malekort bench                       # the whole suite; writes this file",
            "./malekort bench --only engine,duckdb  # steps: " + string.Join(',', BenchOptions.AllSteps),
            "./malekort bench --only web --out FILE # the web under load alone, on the same data, without timing the engine",
            "./malekort bench --only import --import-sqlite-only --runs 1 --out FILE  # capture, KOSTRA, Digisos into SQLite and the capture phases",
            "./malekort bench --wait-for-quiet 30   # first wait (up to 30 min) for a load average below 1",
            "# data, generated once and cached under .malekort/bench/:",
            national.GenerateCommand,
            eighth.GenerateCommand);
        report.Write(options.Output, Machine.Describe(options.Root), command, startLoads, Machine.LoadAverages());
        report.Say($"Skrev {options.Output}");
        return report.Failed ? 1 : 0;
    }

    private static void Method(Report report)
    {
        var text = report.Section("Method");
        text.AppendLine("- **Data.** `./malekort generate` (seeded; `src/Malekort.Cli/Synthetic/`): every municipality and Oslo district sized by SSB's 2024 " +
            "population, 36 months (2022-01 … 2024-12) as overlapping yearly extracts, the last three months as monthly extracts (so one new month can " +
            "arrive), with population (SSB 2023 and 2024) and a synthetic office register. Generated once per seed and scale and cached under `.malekort/bench/`.");
        text.AppendLine("- **Import.** The real pipeline (`ImportPipeline`: recognise, read and validate, pseudonymise, store in one transaction per batch) " +
            "over the 1/8 data set into a fresh SQLite file and a fresh database on a throwaway PostgreSQL server (the test fixture's: `fsync`, " +
            "`full_page_writes` and `synchronous_commit` off). SQLite runs as the product runs it (WAL, `synchronous = NORMAL`, foreign keys on).");
        text.AppendLine("- **Engine.** Load = `IMalekortStore.Load()` from SQLite into the working set. Full recompute = `IndicatorEngine.Compute` over every " +
            "indicator, unit, office, county and the country for all 36 months, from the working set in memory; one warm-up, then the median of N. " +
            "One new month = a month's 371 monthly extracts are imported (not timed), then `LoadBatches` + `Build()` + `Compute` of that month, timed " +
            "together, for each of the three monthly months; its values must equal a full recompute's.");
        text.AppendLine("- **DuckDB.** In the same process and run, on the same machine: the stored engine rows of every batch (`BatchRows`, what the engine " +
            "reads) appended to in-memory tables, then the indicators computed in SQL from those rows (supersession, authority per part and month, " +
            "histories, long-term windows, ages, provider rules, KVP, PL151, B10, population, Oslo, offices, counties, country). Its time is the " +
            "statements' execution, each materialising its table; loading is reported apart. Every (unit, month, indicator) numerator, denominator " +
            "and count of units included must equal the engine's, or the run fails; one value changed on purpose afterwards must be caught.");
        text.AppendLine("- **Bandwidth floor.** A vectorised sum over a 1 GiB array on every core (best of 7) is the machine's streaming read bandwidth; " +
            "the floor is the bytes of the working set's rows (what a recompute must read at least once) divided by it.");
        text.AppendLine("- **Web.** `malekort serve` on loopback with the national data in its own process; `wrk` (Debian) with 2 threads and 64 connections, " +
            "cycling through municipalities, districts, offices, counties and the country for the latest month (what users open most); p50/p95/p99 " +
            "from wrk's latency histogram; errors = non-2xx responses + socket errors; memory = the serve process's VmHWM from `/proc` after all runs. " +
            "The server keeps rendered indicator tables and API bodies per data version within 128 MiB (`src/Malekort.Web/State/ResponseCache.cs`), " +
            "so those URLs are answered from it after the first pass; the spread run asks for every unit × every month in a seeded shuffle, " +
            "far more than the cache holds, so it shows the cost of rendering.");
        text.AppendLine(string.Create(Invariant, $"- **KOSTRA 11F and Digisos.** The 1/8 set is generated with `--other-formats {DataSet.OtherFormatsYear}`: from the same simulation, ")
            + "each unit's year as one 11F file (2024 layout, one record per recipient) and each social assistance application received in the year " +
            "as one Digisos file (DigisosSak with the digisos-soker events). All 11F files and the first 3 000 Digisos files (by name) are imported after " +
            "the capture batches, into the same store.");
    }

    private static void DuckDb(BenchOptions options, EngineRun engine, Report report)
    {
        report.Say("DuckDB med de samme radene …");
        using var peer = DuckDbPeer.Open(Environment.ProcessorCount);
        var sw = Stopwatch.StartNew();
        peer.Load(engine.Database, new StoredInputs(engine.State.Population, engine.State.Offices));
        var load = sw.Elapsed.TotalMilliseconds;
        List<(string Statement, double Milliseconds)> steps = [];
        var compute = Timing.Measure(Math.Min(options.Runs, 3), () => steps = peer.Compute(engine.Months));
        var outcome = ResultComparison.Compare(engine.Results, peer.Results());
        var ratio = compute.Median / engine.FullRecompute.Median;
        report.Result("engine vs DuckDB", "DuckDB: append the same working-set rows (appender)", Timing.Ms(load));
        report.Result("engine vs DuckDB", "DuckDB: the same indicators in SQL (full recompute)", compute.Show());
        report.Result("engine vs DuckDB", "engine: full recompute (same run, same data)", engine.FullRecompute.Show());
        report.Result("engine vs DuckDB", "ratio DuckDB ÷ engine", string.Create(Invariant, $"{ratio:0.0}×"), "≥ 5×", ratio >= 5);
        report.Result("engine vs DuckDB", "results compared row by row (numerator, denominator, units included)",
            $"{Numbers.Whole(outcome.Compared)} values, {Numbers.Whole(outcome.Differences)} differences",
            "0 differences", outcome.Differences == 0);
        if (outcome.Differences > 0) report.Fail($"DuckDB og motoren er uenige om {outcome.Differences} verdier:\n  " + string.Join("\n  ", outcome.First));
        // The comparison must be able to fail: one value changed on purpose has to show up as exactly one difference.
        peer.Spoil();
        var spoiled = ResultComparison.Compare(engine.Results, peer.Results());
        if (spoiled.Differences != 1) report.Fail($"Sammenligningen fant {spoiled.Differences} forskjeller etter én endret verdi, ikke 1.");
        else report.Say($"  kontroll: én endret verdi blir funnet ({spoiled.First[0]})");
        var text = report.Section("DuckDB, statement by statement");
        text.AppendLine(string.Create(Invariant, $"DuckDB {DuckDbPeer.Version()} in process, {Environment.ProcessorCount} threads, in memory; the script is ") +
            "`bench/Malekort.Benchmarks/Peer/indicators.sql`. Rows appended: " +
            string.Join(", ", peer.RowCounts.Select(c => $"{c.Key} {Numbers.Whole(c.Value)}")) + ". The last run's statements:");
        text.AppendLine();
        text.AppendLine("| statement | time |");
        text.AppendLine("|---|---|");
        foreach (var (statement, ms) in steps) text.AppendLine(CultureInfo.InvariantCulture, $"| `{statement.Replace("|", "\\|", StringComparison.Ordinal)}` | {Timing.Ms(ms)} |");
    }

    private static void Bandwidth(EngineRun engine, Report report)
    {
        report.Say("Minnebåndbredde …");
        var (all, one) = MemoryBandwidth.Measure();
        var floor = engine.RowBytes / all * 1000;
        var floorWithBits = (engine.RowBytes + 2 * engine.BitBytes) / all * 1000;
        report.Result("bandwidth", "streaming read, all cores (one core)", string.Create(Invariant, $"{all / 1e9:0.0} GB/s ({one / 1e9:0.0} GB/s)"));
        report.Result("bandwidth", "floor: working-set row bytes ÷ bandwidth", string.Create(Invariant,
            $"{engine.RowBytes / 1048576.0:0} MiB → {floor:0.0} ms (with the per-person month bits written and read once: {floorWithBits:0.0} ms)"));
        var times = engine.FullRecompute.Median / floor;
        report.Section("Where engine time goes").AppendLine(string.Create(Invariant,
            $"- Against the bandwidth floor: the working set's rows are {engine.RowBytes / 1048576.0:0} MiB, which this machine streams in {floor:0.0} ms; ")
            + string.Create(Invariant, $"the recompute takes {times:0}× that, so it is bound by the work per row and per person (below), not by memory."));
        report.Result("bandwidth", "full recompute ÷ floor", string.Create(Invariant, $"{times:0.0}×"), "within 10×", times <= 10);
    }

    private static void Scaling(BenchOptions options, DataSet eighth, EngineRun? national, string work, Report report)
    {
        // The fastest of the runs measures the cost itself; on a shared machine the slower ones also measure the neighbours.
        var points = new List<(string Name, long Rows, Timing Full)>();
        var months = new Periods.MonthRange(new Periods.Month(2022, 1), DataSet.LastMonth);
        foreach (var scale in new[] { 0.125, 0.25, 0.5 })
        {
            var data = scale == eighth.Scale ? eighth : new DataSet(options, scale);
            data.EnsureGenerated(report);
            var database = Path.Combine(work, "scale.db");
            data.CopyDatabase(report, database, withTail: true);
            using (var store = new SqliteStore(database))
            {
                var state = store.Load();
                var engine = new IndicatorEngine(UnitRegister.Default, state.Offices);
                var full = Timing.Measure(options.Runs * 2, () => engine.Compute(state.WorkingSet, state.Population, months));
                points.Add((data.Name, EngineBenchmark.Size(state.WorkingSet).Rows, full));
                report.Say(string.Create(Invariant, $"  {data.Name}: {full.Show()}"));
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            DataSet.DeleteDatabase(database);
        }
        if (national is not null)
        {
            var engine = new IndicatorEngine(UnitRegister.Default, national.State.Offices);
            var full = Timing.Measure(options.Runs * 2, () => engine.Compute(national.State.WorkingSet, national.State.Population, months));
            points.Add(("national", national.Rows, full));
            report.Say(string.Create(Invariant, $"  national: {full.Show()}"));
        }
        report.Result("scaling", "full recompute at 1/8, 1/4, 1/2, 1 of national (median, fastest)", string.Join("; ", points.Select(p =>
            string.Create(Invariant, $"{p.Name}: {p.Rows / 1e6:0.00} M rows, {Timing.Ms(p.Full.Median)}, {Timing.Ms(p.Full.Min)}"))));
        if (points.Count < 2) return;
        // Linear growth: time = fixed + per-row × rows. The fixed part (summing 759 aggregates, per-unit set-up) does not grow with
        // persons, so the test is that one straight line fits every point; the steps between scales are shown too, but a step of a
        // few milliseconds is too small to judge alone on a shared machine.
        var marginal = points.Zip(points.Skip(1), (a, b) => (b.Full.Min - a.Full.Min) / ((b.Rows - a.Rows) / 1e6)).ToList();
        var (fixedMs, perMillion) = LeastSquares(points.Select(p => (p.Rows / 1e6, p.Full.Min)).ToList());
        var worst = points.Max(p => Math.Abs(fixedMs + perMillion * p.Rows / 1e6 - p.Full.Min) / p.Full.Min);
        report.Result("scaling", "fastest runs fitted to fixed + per-row cost", string.Create(Invariant,
            $"{fixedMs:0.0} ms + {perMillion:0.0} ms per million rows (worst point {worst * 100:0} % off the line); each step up costs ")
            + string.Join(", ", marginal.Select(m => string.Create(Invariant, $"{m:0.0}"))) + " ms per added million rows",
            "linear: every point within 15 % of one line", perMillion > 0 && worst <= 0.15);
    }

    private static (double Intercept, double Slope) LeastSquares(IReadOnlyList<(double X, double Y)> points)
    {
        var mx = points.Average(p => p.X);
        var my = points.Average(p => p.Y);
        var slope = points.Sum(p => (p.X - mx) * (p.Y - my)) / points.Sum(p => (p.X - mx) * (p.X - mx));
        return (my - slope * mx, slope);
    }
}
