using Malekort.Confidentiality;
using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Web.Pages;
using Malekort.Web.State;

namespace Malekort.Web.Scorecard;

/// <summary>One unit's row in the comparison: its value and status, and the value's bar as a share of the largest.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="Row">Its value of the indicator in the month.</param>
/// <param name="BarPercent">The bar's width in per cent of the column; null for no value.</param>
public sealed record ComparisonRow(UnitChoice Unit, IndicatorRow Row, double? BarPercent);

/// <summary>One indicator for every unit with data in one month (<c>/sammenlign</c>), and the picker of indicator and month.</summary>
public sealed record ComparisonView(IndicatorDefinition Definition, Month Month, IReadOnlyList<Month> Months, IReadOnlyList<ComparisonRow> Rows,
    string? CoverageLine, Selection Selection, PageFooter Footer)
{
    public string MonthName => NorwegianFormat.Month(Month);

    public bool AnySuppressed => Rows.Any(r => r.Row.IsSuppressed);

    internal static ComparisonView Of(ScorecardSnapshot snapshot, ShownResults results, IndicatorDefinition definition, Month month, Selection selection)
    {
        var rows = snapshot.Units
            .Select(u => (Unit: u, Row: ScorecardModel.Row(snapshot, results, u.Code, month, definition, withTrend: false)))
            // A value not computed for short history is listed, grey and without a bar, never left out as if there were no unit.
            .Where(x => x.Row.Value.IsCaptured || x.Row.IsSuppressed || x.Row.Value.Reason == NoValueReason.ShortHistory)
            .ToList();
        var largest = rows.Select(r => r.Row.Value.Value ?? 0).DefaultIfEmpty(0).Max();
        return new(definition, month, snapshot.Months, rows.Select(r => new ComparisonRow(r.Unit, r.Row,
            r.Row.Value.Value is { } v ? (largest > 0 ? Math.Max(0, v / largest * 100) : 0) : null)).ToList(),
            Coverage.ComparisonLine(results.Get(Units.UnitCode.Country, month, definition.Code)), selection, PageFooter.Of(snapshot));
    }
}
