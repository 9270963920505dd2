using Malekort.Confidentiality;
using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Web.Scorecard;

namespace Malekort.Web.Exports;

/// <summary>
/// Indicator values as JSON-stat, for the API and the CLI alike: dimensions unit (geo), month (time) and indicator (metric) read
/// from a table's columns of those names, each indicator with its unit and decimals, and SSB's source note where the
/// denominator is SSB's population (the licence asks for the credit wherever the figures are shared).
/// </summary>
public static class IndicatorCube
{
    public const string SsbSource = "Kilde: Statistisk sentralbyrå (SSB)";

    /// <summary>Suppressed for confidentiality (SSB's own symbol).</summary>
    public const string SuppressedStatus = SmallCounts.Symbol;

    /// <summary>No value: not captured, not computed, or a zero denominator (SSB's symbol for "cannot occur / lacking").</summary>
    public const string NoValueStatus = ".";

    /// <summary>Typed by a person for a month without captured data (issue 11 item 4): a value, marked.</summary>
    public const string ManualStatus = "m";

    private static readonly Dictionary<string, string> StatusLabels = new(StringComparer.Ordinal)
    {
        [ManualStatus] = "Manuelt registrert: skrevet inn for hånd, ikke hentet fra fagsystemet.",
        [SuppressedStatus] = "Skjermet: små tall utenfor enhetens eget NAV-kontor, og tall de kunne regnes ut fra.",
        [NoValueStatus] = "Ingen verdi: ikke fanget, ikke beregnet eller nevner 0.",
    };

    /// <summary>The JSON-stat shape of a table with the columns <c>unit</c>, <c>month</c>, <c>indicator</c> and <c>value</c>.</summary>
    public static JsonStatShape<TRow> Shape<TRow>(ExportTable<TRow> table, Func<TRow, string> unitName, Func<TRow, Month> month,
        Func<TRow, IndicatorDefinition> definition, Func<TRow, IndicatorValue> value)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new JsonStatShape<TRow>(
            "Målekort: indikatorer for NAV-kontor, kommuner og bydeler",
            "Målekort (NAV-kontorenes målekort)",
            [
                new(table.Column("unit"), "Enhet", "geo", unitName),
                new(table.Column("month"), "Måned", "time", r => NorwegianFormat.Month(month(r))),
                new(table.Column("indicator"), "Indikator", "metric", r => definition(r).Name, r => Unit(definition(r)), r => Notes(definition(r))),
            ],
            table.Column("value"),
            r => Status(value(r)),
            StatusLabels,
            NoValueStatus);
    }

    /// <summary>The dataset's notes: SSB's credit when any of the indicators has the population as denominator.</summary>
    public static IReadOnlyList<string> DatasetNotes(IEnumerable<IndicatorDefinition> definitions) =>
        definitions.Any(HasPopulationDenominator) ? [$"Befolkningstall: {SsbSource}"] : [];

    private static string? Status(IndicatorValue value) =>
        value.Notes.HasFlag(ValueNotes.Suppressed) ? SuppressedStatus : value.Value is null ? NoValueStatus
        : value.Notes.HasFlag(ValueNotes.Manual) ? ManualStatus : null;

    private static bool HasPopulationDenominator(IndicatorDefinition definition) => IndicatorCatalog.PopulationDenominators.Contains(definition.Code);

    private static JsonStatUnit Unit(IndicatorDefinition definition) => definition.Kind switch
    {
        ValueKind.Count => new("antall", 0),
        ValueKind.Percent => new("prosent", 1, "%"),
        _ => new("dager", 1),
    };

    private static IReadOnlyList<string> Notes(IndicatorDefinition definition) =>
        HasPopulationDenominator(definition) ? [$"Nevneren er befolkningstall fra SSB. {SsbSource}"] : [];
}
