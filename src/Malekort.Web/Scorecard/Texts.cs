using Malekort.Confidentiality;
using Malekort.DataQuality;
using Malekort.Indicators;
using Malekort.Storage;
using Malekort.Thresholds;
using Malekort.Web.State;

namespace Malekort.Web.Scorecard;

/// <summary>The scorecard's Norwegian words for values, statuses and notes, shared by pages and API.</summary>
internal static class Texts
{
    public const string NotCaptured = "Ikke fanget";
    public const string Suppressed = "Skjermet";
    public const string NoValue = "Ingen verdi";
    public const string NotComputed = "Ikke beregnet";
    public const string SuppressedExplanation =
        "«:» betyr at tallet er skjermet: utenfor enhetens eget NAV-kontor vises ikke antall på 1 eller 2, ikke andeler " +
        "som bygger på dem, og heller ikke tall som ellers kunne brukes til å regne dem ut.";

    public static string Status(ValueStatus status) => status switch
    {
        ValueStatus.Green => "Grønn",
        ValueStatus.Yellow => "Gul",
        ValueStatus.Red => "Rød",
        ValueStatus.NoThreshold => "Ingen grenseverdi",
        ValueStatus.NotCaptured => "Mangler data",
        ValueStatus.ShortHistory => "For kort historikk",
        ValueStatus.NoValue => "Ingen verdi",
        ValueStatus.Incomplete => "Ufullstendig",
        _ => Suppressed,
    };

    /// <summary>
    /// The status as the API names it: the threshold colour, <c>none</c> without a threshold, <c>incomplete</c> for a sum that
    /// lacks units (never coloured), <c>grey</c> without a value, <c>suppressed</c>.
    /// </summary>
    public static string StatusCode(ValueStatus status) => status switch
    {
        ValueStatus.Green => "green",
        ValueStatus.Yellow => "yellow",
        ValueStatus.Red => "red",
        ValueStatus.NoThreshold => "none",
        ValueStatus.Incomplete => "incomplete",
        ValueStatus.Suppressed => "suppressed",
        _ => "grey",
    };

    /// <summary>The value as the scorecard shows it: never 0 for what was not captured or not computed.</summary>
    public static string Value(IndicatorDefinition definition, IndicatorValue value) => value.Reason switch
    {
        NoValueReason.None => NorwegianFormat.Value(definition.Kind, value.Value!.Value),
        NoValueReason.Suppressed => SmallCounts.Symbol,
        NoValueReason.NotCaptured => NotCaptured,
        NoValueReason.ShortHistory => ShortHistory,
        _ => NoValue,
    };

    public const string ShortHistory = "For kort historikk";

    /// <summary>
    /// Goal attainment as the page shows it: the percentage and whether the target is reached (<c>50,0 % (ikke nådd)</c>), «:»
    /// for a hidden value (it would give the value back), none without a value.
    /// </summary>
    public static string Attainment(IndicatorRow row) => row.Attainment switch
    {
        { Percent: { } percent } a => $"{NorwegianFormat.Percent(percent)} ({a.Words})",
        { } a => a.Words,
        null when row.IsSuppressed => SmallCounts.Symbol,
        null => NoValue,
    };

    /// <summary>The numerator as shown; one not computed for short history says so rather than «Ikke fanget».</summary>
    public static string Numerator(IndicatorDefinition definition, IndicatorValue value) => value.Reason == NoValueReason.ShortHistory
        ? NotComputed
        : Part(value.Numerator, value.Notes.HasFlag(ValueNotes.Suppressed), definition.Kind == ValueKind.Mean ? "dager" : null);

    public static string Denominator(IndicatorDefinition definition, IndicatorValue value) =>
        Part(value.Denominator, value.Notes.HasFlag(ValueNotes.Suppressed) && ShownResults.CanSuppressDenominator(definition),
            definition.Kind == ValueKind.Mean ? "saker" : null);

    private static string Part(long? number, bool suppressed, string? unit) => number switch
    {
        null when suppressed => SmallCounts.Symbol,
        null => NotCaptured,
        { } n => unit is null ? NorwegianFormat.Count(n) : NorwegianFormat.Count(n) + "\u00A0" + unit,
    };

    // One table, in the order the page lists the notes: the API's code and text for a note come from the same row,
    // so they cannot drift apart when a value carries more than one note.
    private static readonly (ValueNotes Flag, string Code, Func<IndicatorValue, string> Text)[] NoteTable =
    [
        (ValueNotes.Suppressed, "suppressed", _ => "Skjermet («:»): vises ikke utenfor enhetens eget NAV-kontor."),
        (ValueNotes.Manual, "manual", v => v.UnitsTotal > 1
            ? "Manuelt registrert: noen av enhetene har tall som er skrevet inn for hånd, ikke hentet fra fagsystemet."
            : "Manuelt registrert: tallet er skrevet inn for hånd, ikke hentet fra fagsystemet."),
        (ValueNotes.Kostra, "kostra", v => v.UnitsTotal > 1
            ? "Fra KOSTRA: noen av enhetene har tall fra KOSTRA-aggregater, ikke fra et eget Målekort."
            : "Fra KOSTRA: tallet er KOSTRA-aggregater for kommunen, ikke innsamlet i et eget Målekort."),
        (ValueNotes.ManualReplaced, "manualReplaced", _ => "Erstattet: et manuelt registrert tall for måneden er erstattet av innsamlede data."),
        (ValueNotes.OlderPopulation, "olderPopulation", _ => "Eldre befolkningstall: befolkningen for måneden mangler, siste tidligere år er brukt."),
        (ValueNotes.ShortHistory, NoValueReasons.Code(NoValueReason.ShortHistory)!, _ => NoValueReasons.Explanation(NoValueReason.ShortHistory)),
        (ValueNotes.ApproximateFamily, "approximateFamily", _ => "Tilnærming fra KOSTRA: familieopplysningene bygger på KOSTRA-feltet BU18."),
        (ValueNotes.YearlyCount, "yearlyCount", _ => NoValueReasons.Explanation(NoValueReason.YearlyOnly)),
        (ValueNotes.PartialCoverage, "partialCoverage",
            v => $"{NorwegianFormat.Count(v.UnitsIncluded)} av {NorwegianFormat.Count(v.UnitsTotal)} enheter har data."),
    ];

    /// <summary>Where a value's numbers come from, as the API and exports say it: <c>kostra</c> (for a sum, some of its units) or <c>lokal</c>.</summary>
    public static string SourceCode(IndicatorValue value) => value.Notes.HasFlag(ValueNotes.Kostra) ? "kostra" : "lokal";

    /// <summary>How the value was made, in words.</summary>
    public static IReadOnlyList<string> Notes(IndicatorValue value) =>
        NoteTable.Where(n => value.Notes.HasFlag(n.Flag)).Select(n => n.Text(value)).ToList();

    /// <summary>
    /// Who typed a unit's manual value and when: shown while it is in use, and beside captured data that replaced it (never its
    /// numbers there, which a viewer outside the office may not see).
    /// </summary>
    public static string ManualEntry(IndicatorDefinition definition, ManualValues.ManualValue typed, IndicatorValue value) =>
        value.Notes.HasFlag(ValueNotes.ManualReplaced)
            ? $"Tallet {typed.EnteredBy} registrerte manuelt {NorwegianFormat.Instant(typed.EnteredAt)}, er erstattet av innsamlede data for {definition.Code}."
            : $"Registrert av {typed.EnteredBy} {NorwegianFormat.Instant(typed.EnteredAt)}.";

    /// <summary>The notes as the API gives them: each code with its own text, in the page's order.</summary>
    public static IReadOnlyList<(string Code, string Text)> CodedNotes(IndicatorValue value) =>
        NoteTable.Where(n => value.Notes.HasFlag(n.Flag)).Select(n => (n.Code, n.Text(value))).ToList();

    /// <summary>
    /// The statuses in one line: «2 grønne, 5 gule, 0 røde», and after it, only when there are any, how many have no threshold,
    /// no data, no value, or are suppressed: «· 9 uten grenseverdi».
    /// </summary>
    public static string StatusSummary(IEnumerable<ValueStatus> statuses)
    {
        var counts = statuses.CountBy(s => s).ToDictionary();
        int Count(ValueStatus status) => counts.GetValueOrDefault(status);
        string Colour(ValueStatus status, string one, string many) => $"{NorwegianFormat.Count(Count(status))} {(Count(status) == 1 ? one : many)}";
        var line = $"{Colour(ValueStatus.Green, "grønn", "grønne")}, {Colour(ValueStatus.Yellow, "gul", "gule")}, {Colour(ValueStatus.Red, "rød", "røde")}";
        foreach (var (status, words) in new[]
        {
            (ValueStatus.NoThreshold, "uten grenseverdi"), (ValueStatus.NotCaptured, "mangler data"), (ValueStatus.NoValue, "uten verdi"),
            (ValueStatus.Suppressed, "skjermet"),
        })
        {
            if (Count(status) > 0) line += $" · {NorwegianFormat.Count(Count(status))} {words}";
        }
        return line;
    }

    /// <summary>Where an indicator's definition comes from, in words: the document that set it, never a file name.</summary>
    public static string Source(IndicatorDefinition definition) => definition.Source switch
    {
        _ when definition.Stored is { } added => $"Versjon {added.Number} av {added.VersionOf}, lagt til av direktoratet ({added.AddedBy}, "
            + $"{NorwegianFormat.Instant(added.AddedAt)}) med formelen «{added.Formula}», gjelder fra {NorwegianFormat.Month(added.From)}: {added.Change}",
        IndicatorSource.OstfoldPilot => "Pilotprosjektet med kommunale indikatorer i NAV Østfold, lagt fram på dagskonferansen om partnerskapet 27. januar 2014.",
        IndicatorSource.Directorate => "Arbeids- og velferdsdirektoratets anbefaling av kommunale indikatorer i NAV-kontorenes målekort, brev til kommunene 11. februar 2014.",
        IndicatorSource.State => "Statlig indikator på det samme målekortet i pilotprosjektet i NAV Østfold (2014).",
        IndicatorSource.Supplementary when definition.Code.StartsWith("KVP", StringComparison.Ordinal) =>
            "Sluttrapporten om innføringen av kvalifiseringsprogrammet i Oppland.",
        IndicatorSource.Supplementary => "Forstudien «Alna Aktiv» i NAV Alna, om færre sosialhjelpsmottakere.",
        IndicatorSource.Own when definition.Own is { } own => $"Egen indikator, laget av {own.Owner.Value} med formelen «{own.Formula}»"
            + (own.Description.Length > 0 ? $": {own.Description}" : "") + $". Måleenhet: {own.Measure}.",
        _ => "Sosialtjenesteloven § 20a om vilkår om aktivitet, og forstudien «Alna Aktiv» i NAV Alna.",
    };

    public static string Threshold(Threshold threshold) => threshold.Describe(NorwegianFormat.Culture);

    public static string UnitKind(Units.UnitKind kind) => kind switch
    {
        Units.UnitKind.Office => "nav-kontor",
        Units.UnitKind.Municipality => "kommune",
        Units.UnitKind.District => "bydel",
        Units.UnitKind.County => "fylke",
        _ => "landet",
    };

    public static string Outcome(ImportOutcome outcome) => outcome switch
    {
        ImportOutcome.Imported => "Importert",
        ImportOutcome.AlreadyImported => "Allerede importert",
        _ => "Avvist",
    };

    public static string CountName(string kind) => Malekort.Capture.RecordKinds.NorwegianName(kind);

    public static string Finding(Finding finding)
    {
        var where = finding.Line > 0 ? $"{finding.File}, linje {NorwegianFormat.Count(finding.Line)}" : finding.File;
        if (finding.Column.Length > 0) where += $", kolonne «{finding.Column}»";
        return $"{where}: {finding.Message}";
    }

    public static string Severity(Severity severity) => severity switch
    {
        DataQuality.Severity.Info => "Info",
        DataQuality.Severity.Warning => "Advarsel",
        DataQuality.Severity.Error => "Feil",
        _ => "Fatal",
    };
}
