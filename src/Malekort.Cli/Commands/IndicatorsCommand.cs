using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Malekort.Confidentiality;
using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Units;
using Malekort.Web.Exports;

namespace Malekort.Cli.Commands;

/// <summary>
/// <c>malekort indicators --month YYYY-MM [--to YYYY-MM] [--unit CODE] [--format table|csv|json|xlsx|jsonstat] [--output FILE]
/// [--for-office NAV-nnnn | --for-role ROLLE [--for-unit ENHET]] [--db DB]</c>: every indicator for every unit, office, county and
/// the country. By default with the local office's full rights (no suppression); written for sharing (<see cref="ViewerOptions"/>)
/// as that viewer may see it, suppressed numbers as <c>:</c> in every format. CSV, xlsx and JSON-stat are written from the one
/// declaration of <see cref="IndicatorLines"/>.
/// </summary>
internal static class IndicatorsCommand
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly CultureInfo Norwegian = CultureInfo.GetCultureInfo("nb-NO");

    public static Command Create(CliContext context)
    {
        var month = new Option<string>("--month") { Description = "Første måned, ÅÅÅÅ-MM.", Required = true, HelpName = "ÅÅÅÅ-MM" };
        var to = new Option<string?>("--to") { Description = "Siste måned, ÅÅÅÅ-MM (standard: --month).", HelpName = "ÅÅÅÅ-MM" };
        var unit = new Option<string?>("--unit")
        {
            Description = "Bare denne enheten: kommune (3107), bydel (030112), fylke (31), landet (0) eller NAV-kontor (NAV-0106).",
            HelpName = "ENHET",
        };
        var format = new Option<string>("--format") { Description = "table, csv, json, xlsx (regneark) eller jsonstat (JSON-stat 2.0).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json", "xlsx", "jsonstat");
        var output = new Option<FileInfo?>("--output") { Description = "Skriv til denne filen i stedet for til skjermen (påkrevd for xlsx).", HelpName = "FIL" };
        var all = new Option<bool>("--all") { Description = "Ta med tilleggsmålene (tilgang/avgang, KVP-oppfølging) i tillegg til indikatorene på målekortet." };
        var viewerOptions = new ViewerOptions();
        var db = StoreOption.Create();
        var command = new Command("indicators", "Beregn indikatorene måned for måned (fullt, eller for deling med --for-office/--for-role).")
        {
            month, to, unit, format, all, output, db,
        };
        foreach (var option in viewerOptions.All) command.Options.Add(option);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var file = parsed.GetValue(output);
            if (parsed.GetValue(format) == "xlsx" && file is null) return context.Fail("--format xlsx skriver et regneark: oppgi filen med --output FIL.");
            if (!Month.TryParse(parsed.GetValue(month), out var first))
                return context.Fail($"--month '{parsed.GetValue(month)}' er ikke en måned på formen ÅÅÅÅ-MM.");
            var last = first;
            if (parsed.GetValue(to) is { } toText && !Month.TryParse(toText, out last))
                return context.Fail($"--to '{toText}' er ikke en måned på formen ÅÅÅÅ-MM.");
            if (last < first) return context.Fail($"--to {last} er før --month {first}.");
            using var store = StoreOption.Open(parsed.GetValue(db)!, context.Clock);
            var state = store.Load();
            UnitCode? only = null;
            if (parsed.GetValue(unit) is { } unitText)
            {
                if (!new UnitLookup(UnitRegister.Default, state.Offices).TryFind(unitText, UnitLookup.AnyKind, out var code, out var error))
                    return context.Fail($"--unit: {error}");
                only = code;
            }
            if (viewerOptions.Parse(parsed, state.Offices, out var viewerError) is not { } viewer) return context.Fail(viewerError);
            var asked = new MonthRange(first, last);
            var results = new IndicatorEngine(UnitRegister.Default, state.Offices).Compute(state.WorkingSet, state.Population,
                Computed(state.WorkingSet, asked, viewer, context.Clock), state.ManualValues,
                [.. OwnIndicators.Compile(state.OwnIndicators), .. NationalVersions.Compile(state.NationalVersions)]);
            var shown = ShownResults.For(results, viewer, UnitRegister.Default, state.Offices);
            var units = only is { } u ? [u] : results.Units;
            // The national ones with the versions the directorate added in the browser (issue 11 item 7), then the own indicators (item 6)
            // the viewer may see: the operator all of them.
            var national = NationalVersions.InCatalogue(results.OwnDefinitions);
            IReadOnlyList<IndicatorDefinition> definitions = [.. parsed.GetValue(all) ? national : national.Where(d => d.IsCore),
                .. results.OwnDefinitions.Where(d => d.Own is { } own && (viewer.HasFullRights || own.IsVisibleTo(viewer.Unit)))];
            var rows = units.SelectMany(x => asked.Months().SelectMany(m => definitions.Where(d => d.AppliesIn(m)).Select(d =>
                new IndicatorLine(x, state.Offices.NameOf(x), m, d, shown.Get(x, m, d.Code)))));
            var chosen = parsed.GetValue(format)!;
            if (ExportFormats.TryParse(chosen, out var export) && export != ExportFormat.Json)
            {
                await WriteExport(context, file, export, rows, definitions, cancellationToken);
                return 0;
            }
            using var writer = file is null ? null : new StreamWriter(file.FullName);
            var target = writer ?? context.Output;
            if (chosen == "json") WriteJson(target, rows, state.Offices);
            else WriteTable(target, rows, state.Offices, viewer);
            return 0;
        });
        return command;
    }

    /// <summary>
    /// The months to compute: the asked ones; for sharing, also every captured month, as the scorecard computes them, since what
    /// a month hides depends on the months before it (stock flow), and a shared file must hide what the scorecard hides.
    /// </summary>
    private static MonthRange Computed(WorkingSet workingSet, MonthRange asked, Viewer viewer, TimeProvider clock)
    {
        if (viewer.HasFullRights || workingSet.MonthsCaptured(Month.Of(OsloTime.DateOf(clock.GetUtcNow()))) is not { } captured) return asked;
        return new MonthRange(captured.First < asked.First ? captured.First : asked.First, captured.Last > asked.Last ? captured.Last : asked.Last);
    }

    // A file gets exactly what the screen would; a screen gets the text formats only (xlsx needs --output).
    private static async Task WriteExport(CliContext context, FileInfo? file, ExportFormat format, IEnumerable<IndicatorLine> rows,
        IReadOnlyList<IndicatorDefinition> definitions, CancellationToken cancellationToken)
    {
        var notes = IndicatorCube.DatasetNotes(definitions);
        var updated = context.Clock.GetUtcNow();
        if (file is not null)
        {
            await using var stream = file.Create();
            await format.WriteAsync(stream, IndicatorLines.Table, IndicatorLines.Shape, rows, updated, notes, byteOrderMark: false, cancellationToken);
            return;
        }
        if (format == ExportFormat.Csv)
        {
            await CsvExport.WriteAsync(context.Output, IndicatorLines.Table, rows, cancellationToken);
            return;
        }
        using var buffer = new MemoryStream();
        await format.WriteAsync(buffer, IndicatorLines.Table, IndicatorLines.Shape, rows, updated, notes, byteOrderMark: false, cancellationToken);
        await context.Output.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray()).AsMemory(), cancellationToken);
    }

    private static void WriteJson(TextWriter output, IEnumerable<IndicatorLine> rows, OfficeRegister offices)
    {
        var items = rows.Select(r => new
        {
            unit = r.Unit.Value,
            unitName = offices.NameOf(r.Unit),
            month = r.Month.ToString(),
            indicator = r.Definition.Code,
            numerator = r.Value.Numerator,
            denominator = r.Value.Denominator,
            value = r.Value.Value is { } v ? Math.Round(v, IndicatorLines.ValueDecimals) : (double?)null,
            // Why the value is null: not captured, not computed (short history), no or a zero denominator.
            reason = NoValueReasons.Code(r.Value.Reason),
            notes = NotesOf(r.Value.Notes),
            unitsIncluded = r.Value.UnitsIncluded,
            unitsTotal = r.Value.UnitsTotal,
        });
        output.WriteLine(JsonSerializer.Serialize(items, new JsonSerializerOptions { WriteIndented = true }));
    }

    private static void WriteTable(TextWriter output, IEnumerable<IndicatorLine> rows, OfficeRegister offices, Viewer viewer)
    {
        if (!viewer.HasFullRights)
            output.WriteLine($"Skrevet for deling med {ViewerText(viewer, offices)}: «{SmallCounts.Symbol}» er skjermet (små tall utenfor egne enheter, og tall de kunne regnes ut fra).");
        foreach (var group in rows.GroupBy(r => (r.Unit, r.Month)))
        {
            output.WriteLine();
            output.WriteLine($"{offices.NameOf(group.Key.Unit)} ({group.Key.Unit}) – {group.Key.Month.Start.ToString("MMMM yyyy", Norwegian)}");
            output.WriteLine($"{"Indikator",-8} {"Teller",12} {"Nevner",12} {"Verdi",18}  Navn");
            foreach (var (_, _, _, definition, value) in group)
            {
                var suppressed = value.Notes.HasFlag(ValueNotes.Suppressed);
                // An empty value says why in its own column (never 0); the notes say the rest.
                var shown = suppressed ? SmallCounts.Symbol : value.Value is { } v
                    ? definition.Kind switch
                    {
                        ValueKind.Percent => ValueFormat.Percent(v, Norwegian),
                        ValueKind.Mean => v.ToString("0.0", Norwegian) + " d",
                        _ => v.ToString("N0", Norwegian),
                    }
                    : NoValueReasons.Text(value.Reason);
                // The reason column already says why a value is empty.
                var notes = NotesOf(value.Notes & ~ValueNotes.ShortHistory & (value.Value is null ? ~ValueNotes.YearlyCount : ~ValueNotes.None));
                output.WriteLine(
                    $"{definition.Code,-8} {TablePart(value.Numerator, suppressed),12} {TablePart(value.Denominator, suppressed),12} {shown,18}  {definition.Name}" +
                    (notes.Count > 0 ? $" ({string.Join("; ", notes)})" : ""));
            }
        }
    }

    private static string TablePart(long? part, bool suppressed) =>
        part?.ToString("N0", Norwegian) ?? (suppressed ? SmallCounts.Symbol : "–");

    private static string ViewerText(Viewer viewer, OfficeRegister offices) => viewer.Role switch
    {
        ViewerRole.Kontor or ViewerRole.Kommune => $"{offices.NameOf(viewer.Unit!.Value)} ({viewer.Unit})",
        ViewerRole.Fylke => viewer.Unit is { } county ? $"fylke {offices.NameOf(county)}" : "fylke",
        ViewerRole.Direktorat => "direktoratet",
        _ => "admin",
    };

    internal static List<string> NotesOf(ValueNotes notes)
    {
        var list = new List<string>();
        if (notes.HasFlag(ValueNotes.Manual)) list.Add("manuelt registrert");
        if (notes.HasFlag(ValueNotes.Kostra)) list.Add("fra KOSTRA");
        if (notes.HasFlag(ValueNotes.ManualReplaced)) list.Add("manuelt tall erstattet av innsamlede data");
        if (notes.HasFlag(ValueNotes.OlderPopulation)) list.Add("eldre befolkningstall");
        if (notes.HasFlag(ValueNotes.ShortHistory)) list.Add(NoValueReasons.Text(NoValueReason.ShortHistory));
        if (notes.HasFlag(ValueNotes.ApproximateFamily)) list.Add("forsørgerplikt tilnærmet fra KOSTRA");
        if (notes.HasFlag(ValueNotes.YearlyCount)) list.Add("årstall fra KOSTRA, vist i desember");
        if (notes.HasFlag(ValueNotes.PartialCoverage)) list.Add("ufullstendig: ikke alle enheter har data");
        return list;
    }
}
