using System.CommandLine;
using System.Globalization;
using Malekort.Capture;
using Malekort.DataQuality;
using Malekort.Import.Detection;
using Malekort.Import.Pipeline;
using Malekort.Import.Pseudonyms;
using Malekort.Storage;
using Spectre.Console;

namespace Malekort.Cli.Commands;

/// <summary>
/// <c>malekort import PATH... [--db DB] [--key FILE]</c>: capture batches (folder or zip), SSB population files and the office
/// register, recognised from their content. Each input is all-or-nothing; the exit code is 1 when any input was rejected.
/// </summary>
internal static class ImportCommand
{
    private static readonly CultureInfo Norwegian = CultureInfo.GetCultureInfo("nb-NO");

    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("PATH") { Description = "Filer, leveransemapper, zip-filer eller mapper med slike.", Arity = ArgumentArity.OneOrMore };
        var db = StoreOption.Create();
        var key = KeyOption();
        var command = new Command("import", "Les inn leveranser, befolkningstall og kontorregister.") { paths, db, key };
        command.SetAction(parsed =>
        {
            var missing = parsed.GetValue(paths)!.Where(p => !File.Exists(p) && !Directory.Exists(p)).ToList();
            if (missing.Count > 0) return context.Fail($"finner ikke {string.Join(", ", missing)}");
            using var store = StoreOption.Open(parsed.GetValue(db)!, context.Clock);
            // A central instance reads no person-level input (the pipeline refuses it, docs/federation.md), so it needs no pseudonym
            // key: a key of the moment, never stored, lets it read the office register and SSB population.
            var pseudonymKey = store.InstanceRole() == InstanceRole.Central
                ? PseudonymKey.FromBytes(System.Security.Cryptography.RandomNumberGenerator.GetBytes(PseudonymKey.Length))
                : OpenKey(context, store, parsed.GetValue(key));
            if (pseudonymKey is null) return 1;
            var entries = Run(context, store, pseudonymKey, [.. parsed.GetValue(paths)!.Select(Named)]);
            return entries.Any(e => e.Outcome == ImportOutcome.Rejected) ? 1 : 0;
        });
        return command;
    }

    /// <summary>
    /// The path a person named, with a link resolved: whoever types a path chooses what it points to. Inside folders links
    /// are never followed (<see cref="FileKinds"/>).
    /// </summary>
    private static string Named(string path) =>
        FileKinds.Of(path) == FileKind.Link && new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true) is { } target
            ? target.FullName
            : path;

    /// <summary><c>--key</c>: the pseudonym key file, kept outside the database.</summary>
    public static Option<string?> KeyOption() => new("--key")
    {
        Description = $"Nøkkelfilen for pseudonymer (standard: {PseudonymKey.FileVariable} eller ~/.config/malekort/pseudonym.key). " +
                      "Den lages bare for en tom database; ellers må den være nøkkelen databasen er bygd med.",
    };

    /// <summary>
    /// The key for the store (<see cref="StoreKey.Open"/>), saying on standard error when a new one was made; null, with the
    /// reason on standard error, when the key is missing or not the database's.
    /// </summary>
    public static PseudonymKey? OpenKey(CliContext context, IMalekortStore store, string? path)
    {
        try
        {
            var key = StoreKey.Open(store, path, out var created);
            if (created) context.Error.WriteLine($"Ny pseudonymnøkkel {key.Fingerprint} er laget i {key.Path}. Ta vare på den: uten den kan nye uttrekk ikke kobles til disse.");
            return key;
        }
        catch (Exception e) when (e is PseudonymKeyException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"malekort: {e.Message}");
            return null;
        }
    }

    /// <summary>Imports the paths, printing one line per input and every finding of a rejected one.</summary>
    public static IReadOnlyList<ImportLogEntry> Run(CliContext context, IMalekortStore store, PseudonymKey key, IReadOnlyList<string> paths)
    {
        var pipeline = new ImportPipeline(store, new Pseudonymizer(key), context.Clock);
        var inputs = Malekort.Import.Detection.InputFormats.Expand(paths);
        if (inputs.Count > 1 && ReferenceEquals(context.Output, Console.Out) && !Console.IsOutputRedirected)
        {
            IReadOnlyList<ImportLogEntry> entries = [];
            AnsiConsole.Progress().AutoClear(true).Start(progress =>
            {
                var task = progress.AddTask("Leser inn", maxValue: inputs.Count);
                entries = pipeline.Import(inputs, (input, _) =>
                {
                    task.Description = Markup.Escape(Path.GetFileName(Path.TrimEndingDirectorySeparator(input)));
                    task.Increment(1);
                });
            });
            foreach (var entry in entries) Report(context, entry);
            return entries;
        }
        return pipeline.Import(inputs, (_, entry) => Report(context, entry));
    }

    private static void Report(CliContext context, ImportLogEntry entry)
    {
        var what = entry.Unit is { } unit
            ? $"{entry.Source} ({entry.Format}, {unit}, {entry.PeriodFrom:yyyy-MM-dd}–{entry.PeriodTo:yyyy-MM-dd})"
            : $"{entry.Source} ({entry.Format})";
        var counts = string.Join(", ", entry.Counts.Where(c => c.Value > 0).Select(c => string.Create(Norwegian, $"{c.Value:N0} {RecordKinds.NorwegianName(c.Key)}")));
        var warnings = Finding.Total(entry.Findings, f => f.Severity == Severity.Warning);
        switch (entry.Outcome)
        {
            case ImportOutcome.Imported:
                context.Output.WriteLine($"importert: {what}: {counts}{(warnings > 0 ? $" ({warnings} advarsler)" : "")}");
                foreach (var f in entry.Findings.Where(f => f.Severity >= Severity.Warning)) context.Output.WriteLine($"  {f}");
                break;
            case ImportOutcome.AlreadyImported:
                context.Output.WriteLine($"allerede importert, ingen endring: {what}");
                break;
            default:
                var errors = Finding.Total(entry.Findings, f => f.Rejects);
                context.Error.WriteLine($"avvist: {what}: {errors} feil, ingenting er lagret");
                foreach (var f in entry.Findings) context.Error.WriteLine($"  {f}");
                break;
        }
    }
}
