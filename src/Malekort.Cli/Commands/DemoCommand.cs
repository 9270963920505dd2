using System.CommandLine;
using Malekort.Cli.Synthetic;
using Malekort.Import.Pseudonyms;
using Malekort.Periods;
using Malekort.Storage;
using Malekort.Indicators;
using Malekort.Targets;
using Malekort.Thresholds;
using Malekort.Units;

namespace Malekort.Cli.Commands;

/// <summary>
/// <c>malekort demo</c>: generates the seeded demo data (every office of Østfold and of Oslo's districts), imports it through the same
/// importer a real extract goes through, and serves the scorecard. Running it again imports nothing new.
/// </summary>
internal static class DemoCommand
{
    public const string DefaultDatabase = "malekort-demo.db";

    public static Command Create(CliContext context)
    {
        var db = new Option<string>("--db") { Description = $"Databasen (standard {DefaultDatabase}).", DefaultValueFactory = _ => DefaultDatabase };
        var output = new Option<string>("--out") { Description = "Mappen demodataene skrives til.", DefaultValueFactory = _ => Path.Combine(".malekort", "demo-data") };
        var urls = ServeCommand.UrlsOption();
        var noServe = new Option<bool>("--no-serve") { Description = "Bare last inn demodataene." };
        var command = new Command("demo", "Lag demodata, les dem inn og vis målekortet.") { db, output, urls, noServe };
        command.SetAction(parsed =>
        {
            using var store = StoreOption.Open(parsed.GetValue(db)!, context.Clock);
            var outputDirectory = parsed.GetValue(output)!;
            if (Load(context, store, outputDirectory) is not { } key) return 1;
            context.Output.WriteLine($"Demodata er lastet inn i {parsed.GetValue(db)}. Prøv også: ./malekort indicators --month 2024-12 --db {parsed.GetValue(db)}");
            if (parsed.GetValue(noServe)) return 0;
            // Zero set-up: the sign-in page offers the demo users, and the demo's key makes the person look-up work.
            return ServeCommand.Serve(context, store, new Web.MalekortWebOptions
            {
                Urls = parsed.GetValue(urls)!, DemoSignIn = true, PseudonymKey = key, LogFormat = Web.Operations.LogFormat.Text,
            });
        });
        return command;
    }

    /// <summary>
    /// Generates and imports the demo data, with example targets and one municipality's own thresholds; the demo's key, or null
    /// when something was rejected.
    /// </summary>
    public static PseudonymKey? Load(CliContext context, IMalekortStore store, string outputDirectory)
    {
        var batches = DemoData.Write(Path.Combine(outputDirectory, "batches"));
        var data = DataDirectory();
        var inputs = new List<string>
        {
            Path.Combine(data, "offices", "demo-offices.csv"),
            Path.Combine(data, "ssb", "ssb_07459_nevnere_2023_kommuneinndeling2020.csv"),
            Path.Combine(data, "ssb", "ssb_07459_personer_etter_alder_2024.csv"),
            Path.Combine(data, "ssb", "ssb_10826_bydel_personer_etter_alder_2024.csv"),
        };
        inputs.AddRange(batches);
        // The demo's own key: demo pseudonyms never mix with a real installation's.
        if (ImportCommand.OpenKey(context, store, Path.Combine(outputDirectory, "pseudonym.key")) is not { } key) return null;
        var entries = ImportCommand.Run(context, store, key, inputs);
        if (entries.Any(e => e.Outcome == ImportOutcome.Rejected)) return null;

        // Seed 003: a KVP target for every office, spread evenly, NAV Fredrikstad's by a profile with fewer starts in the summer;
        // a few offices' targets for processing time and follow-up, and a few municipalities' own thresholds beside the
        // recommended ones, so the leader's pages and the attainment columns show something (issue 12 item 9).
        var state = store.LoadReference();
        var kvp = IndicatorCatalog.Get("B.151");
        foreach (var office in state.Offices.Offices)
        {
            var target = Math.Max(5, Math.Round(office.Units.Sum(u => state.Population.For(u, 2024, Population.AgeGroup.Aged18To66, out _) ?? 0) * 0.0018m));
            decimal[]? profile = office.Number == "0106" ? [1.1m, 1.1m, 1.1m, 1m, 1m, 1m, 0.7m, 0.8m, 1.1m, 1.1m, 1m, 0.9m] : null;
            store.SetTargetYear(TargetYear.Periodised(kvp, office.Code, 2024, target, profile), DemoSetter);
        }
        store.SetTargetYear(TargetYear.Periodised(IndicatorCatalog.Get("PL151"), UnitCode.Office("0106"), 2024, 14m), DemoSetter);
        store.SetTargetYear(TargetYear.Periodised(IndicatorCatalog.Get("B10"), UnitCode.Office("0326"), 2024, 80m), DemoSetter);
        store.SetTargetYear(TargetYear.Periodised(IndicatorCatalog.Get("PL151"), UnitCode.Office("0105"), 2024, 12m), DemoSetter);
        foreach (var (unit, by, green, red) in new[]
        {
            ("3107", "Fredrikstad kommune", 2.2m, 3.0m),
            ("3105", "Sarpsborg kommune", 2.4m, 3.2m),
            ("030112", "Oslo kommune, bydel Alna", 2.6m, 3.4m),
        })
        {
            var code = UnitCode.Parse(unit);
            store.ChangeThresholds(code, new Dictionary<string, Threshold?>(StringComparer.Ordinal)
            {
                ["B.101"] = new Threshold(code, "B.101", Direction.LowerIsBetter, green, red, by),
            }, by);
        }
        return key;
    }

    private const string DemoSetter = "Demo";

    /// <summary>The reference data shipped beside the program (<c>data/</c>), or the repository's when run from source.</summary>
    internal static string DataDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data");
            if (Directory.Exists(Path.Combine(candidate, "ssb")) && Directory.Exists(Path.Combine(candidate, "offices"))) return candidate;
        }
        throw new DirectoryNotFoundException("Finner ikke referansedataene (data/ssb og data/offices).");
    }
}
