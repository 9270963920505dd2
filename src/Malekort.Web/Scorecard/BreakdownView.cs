using Malekort.Confidentiality;
using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Web.Pages;
using Malekort.Web.State;

namespace Malekort.Web.Scorecard;

/// <summary>One column of the drill-down: a unit and its row of every agreed indicator in the month.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="Rows">Its value of each indicator, in the order of <see cref="IndicatorCatalog.Core"/>.</param>
/// <param name="IsWhole">Whether this is the unit broken down (its sum), not one of its parts.</param>
public sealed record BreakdownColumn(UnitChoice Unit, IReadOnlyList<IndicatorRow> Rows, bool IsWhole);

/// <summary>
/// A unit broken down one level (<c>/nedbrytning</c>): the agreed indicators down the side, the unit and each of its parts across,
/// each value with its status. An office shows its municipalities and districts, a county its offices, the country its counties.
/// </summary>
public sealed record BreakdownView(UnitChoice Unit, Month Month, string PartsName, IReadOnlyList<BreakdownColumn> Columns, bool AnySuppressed,
    PageFooter Footer)
{
    public string MonthName => NorwegianFormat.Month(Month);

    public Selection Selection => new(Unit.Code, Month);

    public static IReadOnlyList<IndicatorDefinition> Definitions => IndicatorCatalog.Core;

    internal static BreakdownView Of(ScorecardSnapshot snapshot, ShownResults results, UnitChoice unit, Month month)
    {
        var columns = UnitFamily.PartsOf(snapshot, unit.Code).Prepend(unit)
            .Select(u => new BreakdownColumn(u, Definitions.Select(d => ScorecardModel.Row(snapshot, results, u.Code, month, d, withTrend: false)).ToList(),
                u == unit))
            .ToList();
        return new(unit, month, UnitFamily.PartsName(unit.Code), columns, columns.Any(c => c.Rows.Any(r => r.IsSuppressed)), PageFooter.Of(snapshot));
    }
}
