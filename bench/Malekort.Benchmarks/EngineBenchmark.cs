using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Storage;
using Malekort.Storage.Sqlite;
using Malekort.Units;

namespace Malekort.Benchmarks;

/// <summary>What the engine run leaves for the steps after it: the full database, the working set and its results.</summary>
internal sealed record EngineRun(string Database, StoredState State, MonthRange Months, IndicatorResults Results, Timing FullRecompute,
    long RowBytes, long Rows, long BitBytes);

/// <summary>Loading, the full recompute and one new month on the national data, from SQLite.</summary>
internal static class EngineBenchmark
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static EngineRun Run(BenchOptions options, DataSet data, string workDirectory, Report report)
    {
        report.Say($"Motoren på {data.Name} …");
        var database = Path.Combine(workDirectory, "national.db");
        var built = data.CopyDatabase(report, database, withTail: false);
        if (built is { } seconds)
            report.Section("Notes").AppendLine(CultureInfo.InvariantCulture, $"- Building the cached national SQLite file (yearly extracts) took {seconds:0} s in this run.");

        using var store = new SqliteStore(database);
        store.Migrate();
        StoredState? reference = store.Load();
        var engine = new IndicatorEngine(UnitRegister.Default, reference.Offices);
        var population = reference.Population;

        // One new month: the server's working set is up to date; a month's extracts arrive for every unit; then the new
        // batches are read (LoadBatches), the changed units rebuilt (Build) and the month computed, timed together.
        WorkingSetBuilder? builder = new WorkingSetBuilder();
        var newest = store.LoadBatches(builder, 0);
        WorkingSet? workingSet = builder.Build();
        var months = new MonthRange(new Month(2022, 1), data.TailMonths[0].Plus(-1));
        engine.Compute(workingSet, population, months);
        var monthTimes = new List<double>();
        var monthPhases = new List<(double Load, double Build, double Compute)>();
        var importTimes = new List<double>();
        IndicatorResults? lastMonth = null;
        Import.Pipeline.ImportPipeline? pipeline = data.Pipeline(store);
        foreach (var month in data.TailMonths)
        {
            var batches = data.MonthBatches(month);
            var sw = Stopwatch.StartNew();
            var entries = pipeline.Import(batches);
            importTimes.Add(sw.Elapsed.TotalMilliseconds);
            if (entries.Any(e => e.Outcome != ImportOutcome.Imported)) throw new InvalidOperationException($"Månedsleveransene for {month} ble ikke lest inn.");
            GC.Collect();
            sw.Restart();
            newest = store.LoadBatches(builder, newest);
            var loaded = sw.Elapsed.TotalMilliseconds;
            workingSet = builder.Build();
            var builtAt = sw.Elapsed.TotalMilliseconds;
            lastMonth = engine.Compute(workingSet, population, new MonthRange(month, month));
            monthTimes.Add(sw.Elapsed.TotalMilliseconds);
            monthPhases.Add((loaded, builtAt - loaded, monthTimes[^1] - builtAt));
            report.Say(string.Create(Invariant, $"  {month}: {batches.Count} leveranser lest inn på {importTimes[^1]:0} ms; last + bygg + beregn {monthTimes[^1]:0} ms"));
        }
        var oneMonth = Timing.Of(monthTimes);

        // Only the engine and the month's results stay: the heap growth of the last load below is the stored state alone.
        builder = null;
        workingSet = null;
        reference = null;
        pipeline = null;
        var loadTimes = new List<double>();
        StoredState state = null!;
        long heapBefore = 0, heapAfter = 0;
        for (var i = 0; i < Math.Min(options.Runs, 3); i++)
        {
            state = null!;
            heapBefore = GC.GetTotalMemory(forceFullCollection: true);
            var sw = Stopwatch.StartNew();
            state = store.Load();
            loadTimes.Add(sw.Elapsed.TotalMilliseconds);
            heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        }
        var load = Timing.Of(loadTimes);
        var heap = heapAfter - heapBefore;
        var allMonths = new MonthRange(new Month(2022, 1), DataSet.LastMonth);
        IndicatorResults results = null!;
        var full = Timing.Measure(options.Runs, () => results = engine.Compute(state.WorkingSet, state.Population, allMonths));

        // What one recompute allocates and how many collections it causes: with two cores a collection stops both.
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var collectionsBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var pauseBefore = GC.GetTotalPauseDuration();
        engine.Compute(state.WorkingSet, state.Population, allMonths);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var collections = (GC.CollectionCount(0) - collectionsBefore.Item1, GC.CollectionCount(1) - collectionsBefore.Item2,
            GC.CollectionCount(2) - collectionsBefore.Item3);
        var pause = GC.GetTotalPauseDuration() - pauseBefore;

        for (var profiling = Stopwatch.StartNew(); profiling.Elapsed.TotalSeconds < options.ProfileSeconds;)
            engine.Compute(state.WorkingSet, state.Population, allMonths);

        // The incremental month must equal the same month computed from a fresh load.
        var last = new MonthRange(DataSet.LastMonth, DataSet.LastMonth);
        var differences = 0;
        foreach (var unit in results.Units)
        {
            foreach (var d in IndicatorCatalog.All)
            {
                if (lastMonth!.Get(unit, DataSet.LastMonth, d.Code) != results.Get(unit, DataSet.LastMonth, d.Code)) differences++;
            }
        }
        if (differences > 0) report.Fail($"Én ny måned ga {differences} andre verdier enn en full omberegning for {last.First}.");

        var (rows, rowBytes, persons) = Size(state.WorkingSet);
        var (units, aggregation) = Phases(options, state, allMonths);
        var text = report.Section("Where engine time goes");
        text.AppendLine(string.Create(Invariant, $"- Full recompute, the engine's two phases timed apart (medians of {options.Runs}): the per-unit computations ")
            + string.Create(Invariant, $"(`UnitComputation.Run`, in parallel over {Environment.ProcessorCount} cores) {units.Show()}; the sums into Oslo, offices, counties and the country (`Aggregation`) {aggregation.Show()}."));
        text.AppendLine(string.Create(Invariant, $"- One full recompute allocates {allocated / 1048576.0:0} MiB; during it the runtime made {collections.Item1} gen0, ")
            + string.Create(Invariant, $"{collections.Item2} gen1 and {collections.Item3} gen2 collections ({pause.TotalMilliseconds:0} ms of pause, which stops both cores). ")
            + "A server that recomputes repeatedly pays for that allocation in collections sooner or later.");
        text.AppendLine("- This machine is shared, and the same engine measures differently from run to run: read the recompute against the bandwidth line " +
            "of the same run. Between the runs on 58f7845 and ad4a942 (2026-12-07) the recompute rose from 227 to 320 ms and server start from 22.6 to " +
            "29.9 s, while the bandwidth fell from 24.1 to 20.8 GB/s (one core 16.1 to 13.0) and the 1/8 recompute rose as much (52.6 to 81.5 ms). Both " +
            "engines run in turn on one copy of the national data, timed in CPU time so the neighbours' load counts less, measured alike: a national " +
            "recompute 709 and 718 ms (58f7845) against 745 and 677 ms (ad4a942), the first viewer's suppression plan 19.5 and 19.0 s against 20.2 and " +
            "18.5 s. No change between those commits made either costlier; the machine was slower.");
        text.AppendLine("- Profile (`dotnet-trace collect --profile dotnet-sampled-thread-time -- dotnet Malekort.Benchmarks.dll --only engine " +
            "--profile-seconds 40`, national data, engine of commit 0bb7114 \"Skip persons who count in nothing\", 2026-11-25; CPU time under " +
            "`IndicatorEngine.Compute`, methods as the JIT inlined them): counting persons 42 % (the per-person pass of `CountPersons` 28 %, its " +
            "bit-sliced `Counts.Add` 9 %, `LongTerm` 3 %, the any-fact test 2 %); `SetRecipients` 14 % (the supersession check per payment " +
            "inlined); the other row passes 17 % (`SetFollowups` 4 %, `SetLivelihood` 4 %, `SetJobseekers` 4 %, `SetFamily` 3 %, `SetYoung` 2 %, " +
            "`SetKvp` 1 %); `CountCases` 3 %; the constructor with `AuthorityFor` 5 %; `Values` 2 %; `Aggregation` 10 %; PLINQ's hand-over of " +
            "the units' results about 4 %. Earlier profiles the same day: calendar arithmetic (`SetYoung`, `SetFamily`, `SetJobseekers`) was 22 % " +
            "before commit 9ce3176 and 8 % after it. Since this profile, commit 9b17c14 decides supersession once per change of a unit's " +
            "batches (suggestion 2 below) and 86bc643 keeps the person counters in one array of planes; the shares above are from before " +
            "those two commits and have not been measured again.");
        text.AppendLine("- Suggestions for `src/Malekort.Core/Indicators/`: (1) counting persons is the largest part: count 64 persons at a time per " +
            "month with `PopCount` over transposed words (one pass per counter and month) instead of a carry chain per person and counter; " +
            "(2) done in 9b17c14: supersession is decided in `Build()` for the changed units only; (3) the per-unit values, counters and bit arrays are new on every " +
            "recompute (the allocation line above): keeping them per unit saves that memory traffic.");
        text.AppendLine("- One new month, per run (read the new batches with `LoadBatches` / `Build` / compute the month):");
        foreach (var (month, phase) in data.TailMonths.Zip(monthPhases))
            text.AppendLine(string.Create(Invariant, $"  - {month}: {Timing.Ms(phase.Load)} / {Timing.Ms(phase.Build)} / {Timing.Ms(phase.Compute)}"));
        var values = (long)results.Units.Count * allMonths.Count * IndicatorCatalog.All.Count;
        var bitBytes = persons * 9L * MonthBits.Words(allMonths.Count + IndicatorRules.WindowMonths) * sizeof(ulong);
        report.Result("engine", "data (national, 36 months)", string.Create(Invariant,
            $"{rows / 1e6:0.00} M rows in the working set ({rowBytes / 1048576.0:0} MiB of rows, {persons / 1e6:0.00} M unit-persons), {results.Units.Count} units/offices/counties/country, {values / 1e6:0.0} M values"));
        report.Result("engine", "load SQLite → working set", load.Show(), "< 5 s", load.Median < 5000);
        report.Result("engine", "stored state in memory (managed heap growth of one load)", string.Create(Invariant, $"{heap / 1048576.0:0} MiB"));
        report.Result("engine", "full recompute (all indicators × units, offices, counties, country × 36 months)", full.Show(), "< 0.5 s", full.Median < 500);
        report.Result("engine", "one new month for the whole country (LoadBatches + Build + compute)", oneMonth.Show(), "< 200 ms", oneMonth.Median < 200);
        report.Result("engine", "importing one month's extracts (371 batches) before that", Timing.Of(importTimes).Show());
        return new EngineRun(database, state, allMonths, results, full, rowBytes, rows, bitBytes);
    }

    /// <summary>
    /// What the web step needs when the engine is not timed: the national database with every extract (the same data the
    /// engine step leaves) and its results, computed once.
    /// </summary>
    public static (string Database, IndicatorResults Results) Prepare(DataSet data, string workDirectory, Report report)
    {
        var database = Path.Combine(workDirectory, "national.db");
        data.CopyDatabase(report, database, withTail: true);
        IndicatorResults results;
        using (var store = new SqliteStore(database))
        {
            store.Migrate();
            var state = store.Load();
            results = new IndicatorEngine(UnitRegister.Default, state.Offices)
                .Compute(state.WorkingSet, state.Population, new MonthRange(new Month(2022, 1), DataSet.LastMonth));
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return (database, results);
    }

    /// <summary>
    /// What the DuckDB step needs when the engine step is not run (<c>--only duckdb</c>, for trying the peer out): a copy of
    /// whichever database of the data set is cached (all extracts, else the yearly ones; nothing is imported), its state loaded
    /// and the full recompute timed as <see cref="Run"/> times it. The caller deletes <see cref="EngineRun.Database"/>.
    /// </summary>
    public static EngineRun Baseline(BenchOptions options, DataSet data, string workDirectory, Report report)
    {
        report.Say($"Motoren på {data.Name} (bare grunnlaget for DuckDB) …");
        var database = Path.Combine(workDirectory, "peer.db");
        data.CopyDatabase(report, database, withTail: data.IsCached(withTail: true) || !data.IsCached(withTail: false));
        StoredState state;
        using (var store = new SqliteStore(database))
        {
            store.Migrate();
            state = store.Load();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var engine = new IndicatorEngine(UnitRegister.Default, state.Offices);
        var months = new MonthRange(new Month(2022, 1), DataSet.LastMonth);
        IndicatorResults results = null!;
        var full = Timing.Measure(options.Runs, () => results = engine.Compute(state.WorkingSet, state.Population, months));
        var (rows, rowBytes, persons) = Size(state.WorkingSet);
        var bitBytes = persons * 9L * MonthBits.Words(months.Count + IndicatorRules.WindowMonths) * sizeof(ulong);
        return new EngineRun(database, state, months, results, full, rowBytes, rows, bitBytes);
    }

    /// <summary>The engine's own two phases, run apart: every unit's computation (in parallel, as the engine does) and the sums.</summary>
    private static (Timing Units, Timing Aggregation) Phases(BenchOptions options, StoredState state, MonthRange months)
    {
        Dictionary<UnitCode, IndicatorValue[]> values = [];
        var units = Timing.Measure(options.Runs, () => values = state.WorkingSet.Units.Values.AsParallel()
            .Select(u => new UnitComputation(u, state.Population, months).Run()).ToList().ToDictionary(r => r.Unit, r => r.Values));
        var sums = new Aggregation(UnitRegister.Default, state.Offices);
        var aggregation = Timing.Measure(options.Runs, () => sums
            .AddAggregates(new Dictionary<UnitCode, IndicatorValue[]>(values.Where(v => v.Key.IsCaptureUnit)), months));
        return (units, aggregation);
    }

    /// <summary>Rows, the bytes of the rows the engine reads, and persons (each unit's own).</summary>
    public static (long Rows, long Bytes, long Persons) Size(WorkingSet workingSet)
    {
        long rows = 0, bytes = 0, persons = 0;
        foreach (var u in workingSet.Units.Values)
        {
            rows += u.Payments.Length + u.Livelihood.Length + u.Family.Length + u.Cases.Length + u.Kvp.Length + u.Jobseekers.Length + u.Followups.Length
                + u.Conditions.Length + u.Exemptions.Length + u.Sanctions.Length;
            bytes += (long)u.Payments.Length * Unsafe.SizeOf<PaymentRow>() + (long)u.Livelihood.Length * Unsafe.SizeOf<LivelihoodRow>()
                + (long)u.Family.Length * Unsafe.SizeOf<ChildRow>() + (long)u.Cases.Length * Unsafe.SizeOf<CaseRow>()
                + (long)u.Kvp.Length * Unsafe.SizeOf<KvpRow>() + (long)u.Jobseekers.Length * Unsafe.SizeOf<JobseekerRow>()
                + (long)u.Followups.Length * Unsafe.SizeOf<FollowupRow>() + (long)u.Conditions.Length * Unsafe.SizeOf<ConditionRow>()
                + (long)u.Exemptions.Length * Unsafe.SizeOf<ExemptionRow>() + (long)u.Sanctions.Length * Unsafe.SizeOf<SanctionRow>()
                + (long)u.Births.Length * Unsafe.SizeOf<AgeMonths>();
            persons += u.PersonCount;
        }
        return (rows, bytes, persons);
    }
}
