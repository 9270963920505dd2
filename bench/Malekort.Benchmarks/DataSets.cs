using System.Diagnostics;
using System.Globalization;
using Malekort.Import.Pipeline;
using Malekort.Import.Pseudonyms;
using Malekort.Periods;
using Malekort.Storage;

namespace Malekort.Benchmarks;

/// <summary>
/// The synthetic data a run uses, generated once per seed and scale under <c>.malekort/bench/</c> and reused while present:
/// 36 months ending 2024-12, the last <see cref="MonthlyTail"/> of them delivered as monthly extracts.
/// </summary>
internal sealed class DataSet(BenchOptions options, double scale, bool otherFormats = false)
{
    public const int OtherFormatsYear = 2024;

    public const int Months = 36;
    public const int MonthlyTail = 3;
    public static readonly Month LastMonth = new(2024, 12);

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public double Scale { get; } = scale;

    public string Name => Scale == 1.0 ? "national" : string.Create(Invariant, $"1/{1 / Scale:0}");

    public string Directory { get; } = Path.Combine(options.Root, ".malekort", "bench",
        string.Create(CultureInfo.InvariantCulture, $"seed{options.Seed}-m{Months}-{LastMonth}-tail{MonthlyTail}-x{scale:0.###}{(otherFormats ? $"-formats{OtherFormatsYear}" : "")}"));

    /// <summary>KOSTRA 11F files, one per unit, for <see cref="OtherFormatsYear"/> (with other formats only).</summary>
    public IReadOnlyList<string> KostraFiles() => [.. System.IO.Directory.GetFiles(Path.Combine(Directory, "kostra")).Order(StringComparer.Ordinal)];

    /// <summary>Digisos applications, one file each, for <see cref="OtherFormatsYear"/> (with other formats only).</summary>
    public IReadOnlyList<string> DigisosFiles() => [.. System.IO.Directory.GetFiles(Path.Combine(Directory, "digisos")).Order(StringComparer.Ordinal)];

    public string Batches => Path.Combine(Directory, "batches");

    public string Offices => Path.Combine(Directory, "offices.csv");

    public string KeyFile => Path.Combine(Directory, "pseudonym.key");

    public string GenerateCommand => string.Create(Invariant,
        $"./malekort generate --scale {(Scale == 1.0 ? "national" : Scale.ToString("0.###", Invariant))} --months {Months} --last {LastMonth} --monthly {MonthlyTail} --seed {options.Seed}{FormatsOption} --out DIR");

    private string FormatsOption => otherFormats ? string.Create(Invariant, $" --other-formats {OtherFormatsYear}") : "";

    /// <summary>The months delivered one by one, oldest first.</summary>
    public IReadOnlyList<Month> TailMonths => [.. Enumerable.Range(0, MonthlyTail).Select(i => LastMonth.Plus(i + 1 - MonthlyTail))];

    /// <summary>Generates the data unless a complete copy is there; returns the seconds it took, or null when cached.</summary>
    public double? EnsureGenerated(Report report)
    {
        var done = Path.Combine(Directory, ".generated");
        if (File.Exists(done)) return null;
        if (System.IO.Directory.Exists(Directory)) System.IO.Directory.Delete(Directory, recursive: true);
        System.IO.Directory.CreateDirectory(Directory);
        report.Say($"Lager syntetiske data ({Name}) i {Directory} …");
        var sw = Stopwatch.StartNew();
        var arguments = string.Create(Invariant,
            $"\"{options.App}\" generate --scale {Scale.ToString("0.######", Invariant)} --months {Months} --last {LastMonth} --monthly {MonthlyTail} --seed {options.Seed}{FormatsOption} --out \"{Directory}\"");
        using var process = Process.Start(new ProcessStartInfo("dotnet", arguments) { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"generate feilet ({process.ExitCode}): {output}");
        report.Say("  " + output.Trim());
        File.WriteAllText(done, output);
        return sw.Elapsed.TotalSeconds;
    }

    /// <summary>Batch folders from yearly extracts, in name order.</summary>
    public IReadOnlyList<string> YearlyBatches() =>
        [.. System.IO.Directory.GetDirectories(Batches).Where(d => !IsMonthly(d)).Order(StringComparer.Ordinal)];

    /// <summary>The monthly extracts of one month, in name order.</summary>
    public IReadOnlyList<string> MonthBatches(Month month) =>
        [.. System.IO.Directory.GetDirectories(Batches).Where(d => IsMonthly(d) && Path.GetFileName(d).Contains(
            string.Create(Invariant, $"-{month.Start:yyyy-MM-dd}_"), StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    public IReadOnlyList<string> AllBatches() => [.. YearlyBatches(), .. TailMonths.SelectMany(MonthBatches)];

    private static bool IsMonthly(string folder)
    {
        // unit-yyyy-MM-dd_yyyy-MM-dd: a monthly extract starts on the 1st and ends in the same month.
        var name = Path.GetFileName(folder);
        var dash = name.IndexOf('-', StringComparison.Ordinal);
        var period = name[(dash + 1)..].Split('_');
        var from = DateOnly.ParseExact(period[0], "yyyy-MM-dd", Invariant);
        var to = DateOnly.ParseExact(period[1], "yyyy-MM-dd", Invariant);
        return from.Day == 1 && from.Year == to.Year && from.Month == to.Month;
    }

    /// <summary>Population and office register inputs, imported before the batches.</summary>
    public IReadOnlyList<string> ReferenceInputs() =>
    [
        Path.Combine(options.Root, "data", "ssb", "ssb_07459_nevnere_2023_kommuneinndeling2020.csv"),
        Path.Combine(options.Root, "data", "ssb", "ssb_07459_nevnere_2024.csv"),
        Path.Combine(options.Root, "data", "ssb", "ssb_10826_bydel_nevnere_2024.csv"),
        Offices,
    ];

    public ImportPipeline Pipeline(IMalekortStore store) =>
        new(store, new Pseudonymizer(PseudonymKey.LoadOrCreate(KeyFile)), TimeProvider.System);

    /// <summary>Whether <see cref="CopyDatabase"/> has the database built already (with or without the monthly extracts).</summary>
    public bool IsCached(bool withTail) => File.Exists(Path.Combine(Directory, withTail ? "all.db" : "yearly.db") + ".done");

    /// <summary>
    /// A SQLite file with the reference data and the yearly extracts (and, with <paramref name="withTail"/>, the monthly ones),
    /// built once and copied to <paramref name="target"/>. Returns the seconds the build took, or null when cached.
    /// </summary>
    public double? CopyDatabase(Report report, string target, bool withTail)
    {
        var cached = Path.Combine(Directory, withTail ? "all.db" : "yearly.db");
        double? seconds = null;
        if (!File.Exists(cached + ".done"))
        {
            report.Say($"Leser inn {Name} i SQLite ({(withTail ? "alle leveranser" : "årsleveransene")}) …");
            DeleteDatabase(cached);
            var sw = Stopwatch.StartNew();
            using (var store = new Storage.Sqlite.SqliteStore(cached))
            {
                store.Migrate();
                var inputs = ReferenceInputs().Concat(withTail ? AllBatches() : YearlyBatches()).ToList();
                var rejected = Pipeline(store).Import(inputs).Where(e => e.Outcome == ImportOutcome.Rejected).ToList();
                if (rejected.Count > 0)
                    throw new InvalidOperationException($"{rejected.Count} leveranser ble avvist, f.eks. {rejected[0].Source}: {rejected[0].Findings.FirstOrDefault()?.Message}");
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Checkpoint(cached);
            seconds = sw.Elapsed.TotalSeconds;
            File.WriteAllText(cached + ".done", seconds.Value.ToString(Invariant));
        }
        DeleteDatabase(target);
        File.Copy(cached, target);
        // A cached database may come from an older schema: bring the copy up to today's migrations before anything reads it.
        using (var store = new Storage.Sqlite.SqliteStore(target)) store.Migrate();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return seconds;
    }

    /// <summary>Folds the WAL into the file so a copy of the one file is the whole database.</summary>
    private static void Checkpoint(string path)
    {
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            command.ExecuteNonQuery();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    public static void DeleteDatabase(string path)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            if (File.Exists(path + suffix)) File.Delete(path + suffix);
        }
    }
}
