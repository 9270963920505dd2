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

        // The 1/8 set also carries KOSTRA 11F and Digisos files, for the import figures per format.
        var eighth = new DataSet(options, 0.125, otherFormats: true);
        // At --scale 0.125 the steps use that set's capture extracts (the other formats are files beside them) rather than
        // generate a second 1/8 set.
        var national = options.Scale == eighth.Scale ? eighth : new DataSet(options, options.Scale);
        if (national.EnsureGenerated(report) is { } generated)
            report.Result("data", $"generate {national.Name} data (cached afterwards)", string.Create(Invariant, $"{generated:0.0} s"));

        EngineRun? engine = null, baseline = null;
        try
        {
            if (options.Has("import"))
            {
                eighth.EnsureGenerated(report);
                ImportBenchmark.Run(eighth, work, report, options.ImportToPostgres);
            }
            if (options.Has("engine") || options.Has("bandwidth")) engine = EngineBenchmark.Run(options, national, work, report);
            // Alone (--only duckdb), the peer is compared with the engine on the cached database, without the engine step.
            else if (options.Has("duckdb")) engine = baseline = EngineBenchmark.Baseline(options, national, work, report);
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
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (baseline is not null) DataSet.DeleteDatabase(baseline.Database);
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
        text.AppendLine("- **Import.** The real pipeline (`ImportPipeline`: recognise, read and validate, pseudonymise, store the batches that are ready together in one transaction, each whole or not at all) " +
            "over the 1/8 data set into a fresh SQLite file and a fresh database on a throwaway PostgreSQL server (the test fixture's: `fsync`, " +
            "`full_page_writes` and `synchronous_commit` off). SQLite runs as the product runs it (WAL, `synchronous = NORMAL`, foreign keys on).");
        text.AppendLine("- **Engine.** Load = `IMalekortStore.Load()` from SQLite into the working set. Full recompute = `IndicatorEngine.Compute` over every " +
            "indicator, unit, office, county and the country for all 36 months, from the working set in memory; one warm-up, then the median of N. " +
            "One new month = a month's 371 monthly extracts are imported (not timed), then `LoadBatches` + `Build()` + `Compute` of that month, timed " +
            "together, for each of the three monthly months; its values must equal a full recompute's.");
        text.AppendLine(string.Create(Invariant, $"- **DuckDB.** In the same process and run, on the same machine, with {Environment.ProcessorCount} threads (the engine uses every core too): ") +
            "the stored engine rows of every batch " +
            "(`BatchRows`, what the engine reads) read from SQLite, decoded and appended to in-memory tables (the load, reported apart and in " +
            "neither side's time), then the indicators computed in SQL from those rows (`Peer/indicators.sql`: supersession, authority per part " +
            "and month, histories, long-term windows, ages, provider rules, KVP, PL151, B10, population, Oslo, offices, counties, country), " +
            "written as an experienced DuckDB user would (a person's months as a bit mask, long-term status by `bit_count`, hash anti joins, each " +
            "fact table aggregated on its own; the results keep integer keys for unit and indicator, where the engine's hold an array per unit " +
            "indexed by month and indicator, and the names are joined when they are read for the comparison, untimed). DuckDB's time is every statement's execution, each materialising its table, one warm-up, then the " +
            "median of up to 3; it includes what the engine does when it builds its working set (days to months, batches ranked, supersession, " +
            "persons numbered, livelihood sorted). So the engine is timed two ways: the same way, from the same decoded rows in memory " +
            "(a new `WorkingSetBuilder`, `Add` per batch, `Build()`, `Compute`; one warm-up, median of up to 3), and its full recompute alone " +
            "(the working set already built, as a running server has it). Both ratios are reported; the goal is on the first. Every (unit, " +
            "month, indicator) numerator, denominator and count of units included must equal both engine runs', or the run fails; one value " +
            "changed on purpose afterwards must be caught.");
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
        var runs = Math.Min(options.Runs, 3);
        List<(string Statement, double Milliseconds, double CpuMilliseconds)> steps = [];
        var compute = Timing.Measure(runs, () => steps = peer.Compute(engine.Months));
        var (build, buildAndCompute, engineCpu, built) = BuildAndCompute(runs, peer.Batches, engine);
        var outcome = ResultComparison.Compare(engine.Results, peer.Results());
        var builtOutcome = ResultComparison.Compare(built, peer.Results());
        var sameFooting = compute.Median / buildAndCompute.Median;
        var recomputeOnly = compute.Median / engine.FullRecompute.Median;
        report.Result("engine vs DuckDB", "DuckDB: read the stored rows from SQLite, decode and append them (appender; in neither side's time below)", Timing.Ms(load));
        report.Result("engine vs DuckDB", "DuckDB: every statement of the indicator SQL, from the appended rows (days to months, supersession, authority, histories, sums)", compute.Show());
        report.Result("engine vs DuckDB", "engine: from the same decoded rows in memory, build the working set (`WorkingSetBuilder.Add` per batch, `Build()`) + full recompute",
            string.Create(Invariant, $"{buildAndCompute.Show()}; of it the build {Timing.Ms(build.Median)}"));
        report.Result("engine vs DuckDB", "engine: full recompute alone, working set already built (`Compute`, as in the engine rows)", engine.FullRecompute.Show());
        report.Result("engine vs DuckDB", "ratio DuckDB ÷ engine, timed the same way (both from the decoded stored rows in memory)",
            string.Create(Invariant, $"{sameFooting:0.0}×"), "≥ 30×", sameFooting >= 30);
        report.Result("engine vs DuckDB", "ratio DuckDB ÷ engine recompute alone (the engine's build not counted, DuckDB's is)",
            string.Create(Invariant, $"{recomputeOnly:0.0}×"));
        report.Result("engine vs DuckDB", "results compared row by row (numerator, denominator, units included), recompute and build + recompute",
            $"{Numbers.Whole(outcome.Compared)} values, {Numbers.Whole(outcome.Differences)} and {Numbers.Whole(builtOutcome.Differences)} differences",
            "0 differences", outcome.Differences == 0 && builtOutcome.Differences == 0);
        if (outcome.Differences > 0) report.Fail($"DuckDB og motoren er uenige om {outcome.Differences} verdier:\n  " + string.Join("\n  ", outcome.First));
        if (builtOutcome.Differences > 0)
            report.Fail($"DuckDB og motoren bygd fra de samme radene er uenige om {builtOutcome.Differences} verdier:\n  " + string.Join("\n  ", builtOutcome.First));
        // The comparison must be able to fail: one value changed on purpose has to show up as exactly one difference.
        peer.Spoil();
        var spoiled = ResultComparison.Compare(engine.Results, peer.Results());
        if (spoiled.Differences != 1) report.Fail($"Sammenligningen fant {spoiled.Differences} forskjeller etter én endret verdi, ikke 1.");
        else report.Say($"  kontroll: én endret verdi blir funnet ({spoiled.First[0]})");
        var text = report.Section("DuckDB, statement by statement");
        text.AppendLine(string.Create(Invariant, $"DuckDB {DuckDbPeer.Version()} in process, {Environment.ProcessorCount} threads, in memory; the script is ") +
            "`bench/Malekort.Benchmarks/Peer/indicators.sql`. Rows appended: " +
            string.Join(", ", peer.RowCounts.Select(c => $"{c.Key} {Numbers.Whole(c.Value)}")) + ".");
        var duckCpu = steps.Sum(s => s.CpuMilliseconds);
        text.AppendLine();
        text.AppendLine(string.Create(Invariant, $"CPU time of the last run of each side (every thread of the process, garbage collection included; it holds up ") +
            string.Create(Invariant, $"better than the clock on a shared machine): DuckDB's statements {Timing.Ms(duckCpu)}, the engine's build + recompute ") +
            string.Create(Invariant, $"from the same rows {Timing.Ms(engineCpu)}, so {duckCpu / engineCpu:0.0}×. The last run's statements:"));
        text.AppendLine();
        text.AppendLine("| statement | time | CPU time |");
        text.AppendLine("|---|---|---|");
        foreach (var (statement, ms, cpu) in steps)
            text.AppendLine(CultureInfo.InvariantCulture, $"| `{statement.Replace("|", "\\|", StringComparison.Ordinal)}` | {Timing.Ms(ms)} | {Timing.Ms(cpu)} |");
    }

    /// <summary>
    /// The engine timed as the SQL is: from the decoded rows of every stored batch in memory (what DuckDB was given), a new
    /// working set built (days to months, persons numbered per unit, batches ranked, supersession decided, livelihood sorted)
    /// and every indicator computed. One warm-up, then <paramref name="runs"/>; returns the build's and the whole time, the
    /// last run's CPU time (the whole process) and the results.
    /// </summary>
    private static (Timing Build, Timing Total, double CpuMilliseconds, IndicatorResults Results) BuildAndCompute(int runs, IReadOnlyList<(Capture.BatchHeader Header, BatchRows Rows)> batches,
        EngineRun engine)
    {
        var indicators = new IndicatorEngine(UnitRegister.Default, engine.State.Offices);
        var build = new List<double>();
        var total = new List<double>();
        IndicatorResults results = null!;
        var cpu = 0.0;
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i <= runs; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            var builder = new WorkingSetBuilder();
            foreach (var (header, rows) in batches) builder.Add(header, rows);
            var workingSet = builder.Build();
            var built = sw.Elapsed.TotalMilliseconds;
            results = indicators.Compute(workingSet, engine.State.Population, engine.Months);
            var elapsed = sw.Elapsed.TotalMilliseconds;
            process.Refresh();
            cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
            if (i == 0) continue;
            build.Add(built);
            total.Add(elapsed);
        }
        return (Timing.Of(build), Timing.Of(total), cpu, results);
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
