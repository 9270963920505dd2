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
        ValueStatus.NoValue => "Ingen verdi",
        _ => Suppressed,
    };

    /// <summary>The status as the API names it: the threshold colour, <c>grey</c> without a value, <c>suppressed</c>.</summary>
    public static string StatusCode(ValueStatus status) => status switch
    {
        ValueStatus.Green => "green",
        ValueStatus.Yellow => "yellow",
        ValueStatus.Red => "red",
        ValueStatus.NoThreshold => "none",
        ValueStatus.Suppressed => "suppressed",
        _ => "grey",
    };

    /// <summary>The value as the scorecard shows it: never 0 for what was not captured.</summary>
    public static string Value(IndicatorDefinition definition, IndicatorValue value)
    {
        if (value.Notes.HasFlag(ValueNotes.Suppressed)) return SmallCounts.Symbol;
        if (!value.IsCaptured) return NotCaptured;
        return value.Value is { } v ? NorwegianFormat.Value(definition.Kind, v) : NoValue;
    }

    public static string Numerator(IndicatorDefinition definition, IndicatorValue value) =>
        Part(value.Numerator, value.Notes.HasFlag(ValueNotes.Suppressed), definition.Kind == ValueKind.Mean ? "dager" : null);

    public static string Denominator(IndicatorDefinition definition, IndicatorValue value) =>
        Part(value.Denominator, value.Notes.HasFlag(ValueNotes.Suppressed) && ShownResults.CanSuppressDenominator(definition),
            definition.Kind == ValueKind.Mean ? "saker" : null);

    private static string Part(long? number, bool suppressed, string? unit) => number switch
    {
        null when suppressed => SmallCounts.Symbol,
        null => NotCaptured,
        { } n => unit is null ? NorwegianFormat.Count(n) : NorwegianFormat.Count(n) + "\u00A0" + unit,
    };

    /// <summary>How the value was made, in words.</summary>
    public static IReadOnlyList<string> Notes(IndicatorValue value)
    {
        var notes = new List<string>();
        if (value.Notes.HasFlag(ValueNotes.Suppressed)) notes.Add("Skjermet («:»): vises ikke utenfor enhetens eget NAV-kontor.");
        if (value.Notes.HasFlag(ValueNotes.OlderPopulation)) notes.Add("Eldre befolkningstall: befolkningen for måneden mangler, siste tidligere år er brukt.");
        if (value.Notes.HasFlag(ValueNotes.PartialWindow)) notes.Add("Ufullstendig 12-månedersvindu: ikke alle de siste 12 månedene har utbetalingsdata.");
        if (value.Notes.HasFlag(ValueNotes.ApproximateFamily)) notes.Add("Tilnærming fra KOSTRA: familieopplysningene bygger på KOSTRA-feltet BU18.");
        if (value.Notes.HasFlag(ValueNotes.PartialCoverage))
            notes.Add($"{NorwegianFormat.Count(value.UnitsIncluded)} av {NorwegianFormat.Count(value.UnitsTotal)} enheter har data.");
        return notes;
    }

    /// <summary>The notes as the API names them.</summary>
    public static IReadOnlyList<string> NoteCodes(ValueNotes notes) =>
        Enum.GetValues<ValueNotes>()
            .Where(n => n != ValueNotes.None && notes.HasFlag(n))
            .Select(n => n switch
            {
                ValueNotes.OlderPopulation => "olderPopulation",
                ValueNotes.PartialWindow => "partialWindow",
                ValueNotes.ApproximateFamily => "approximateFamily",
                ValueNotes.PartialCoverage => "partialCoverage",
                _ => "suppressed",
            })
            .ToList();

    public static string Threshold(Threshold threshold) => threshold.Describe(NorwegianFormat.Culture);

    public static string Group(UnitGroup group) => group switch
    {
        UnitGroup.Offices => "NAV-kontorer",
        UnitGroup.Municipalities => "Kommuner",
        UnitGroup.Districts => "Bydeler",
        UnitGroup.Counties => "Fylker",
        _ => "Hele landet",
    };

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
