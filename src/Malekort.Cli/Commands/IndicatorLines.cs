using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Units;
using Malekort.Web.Exports;

namespace Malekort.Cli.Commands;

/// <summary>One line of <c>malekort indicators</c>: an indicator's value for one unit and month.</summary>
internal sealed record IndicatorLine(UnitCode Unit, string UnitName, Month Month, IndicatorDefinition Definition, IndicatorValue Value);

/// <summary>
/// The columns of <c>indicators --format csv|xlsx|jsonstat</c>, declared once: <c>unit,month,indicator,numerator,denominator,value</c>
/// with invariant numbers, an empty cell for what was not captured (never 0) and «:» for what is suppressed.
/// </summary>
internal static class IndicatorLines
{
    /// <summary>Machine formats use invariant numbers rounded to six decimals (enough to recompute any share by hand).</summary>
    public const int ValueDecimals = 6;

    public static ExportTable<IndicatorLine> Table { get; } = new("Indikatorer",
    [
        ExportColumn<IndicatorLine>.Text("unit", "Enhetskode", "Enhetens kode.", l => l.Unit.Value),
        ExportColumn<IndicatorLine>.Text("month", "Måned", "Måneden, ÅÅÅÅ-MM.", l => l.Month.ToString()),
        ExportColumn<IndicatorLine>.Text("indicator", "Indikatorkode", "Indikatorens kode.", l => l.Definition.Code),
        ExportColumn<IndicatorLine>.Integer("numerator", "Teller", "Telleren; tom når den ikke er fanget, «:» når den er skjermet.",
            l => l.Value.Numerator, IsSuppressed),
        ExportColumn<IndicatorLine>.Integer("denominator", "Nevner", "Nevneren; tom når den ikke er fanget, «:» når den er skjermet.",
            l => l.Value.Denominator, IsSuppressed),
        ExportColumn<IndicatorLine>.Decimal("value", "Verdi", "Verdien; tom når den ikke er beregnet, «:» når den er skjermet.", ValueDecimals,
            l => l.Value.Value, IsSuppressed),
    ]);

    // Written for sharing (--for-office, --for-role), a suppressed value's missing parts are missing because of it; a count's
    // denominator (1) and a published SSB population stay numbers.
    private static bool IsSuppressed(IndicatorLine line) => line.Value.Notes.HasFlag(ValueNotes.Suppressed);

    public static JsonStatShape<IndicatorLine> Shape { get; } = IndicatorCube.Shape(Table, l => l.UnitName, l => l.Month, l => l.Definition, l => l.Value);
}
