using Malekort.Confidentiality;
using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Thresholds;
using Malekort.Web.Pages;
using Malekort.Web.State;

namespace Malekort.Web.Scorecard;

/// <summary>One month of a history: the value, its status and how it moved since the month before.</summary>
public sealed record HistoryPoint(Month Month, IndicatorValue Value, ValueStatus Status, ValueChange SinceBefore);

/// <summary>
/// One indicator for one unit over <see cref="HistoryView.Months"/> months up to the month chosen (<c>/historikk</c>): a chart
/// with the threshold's bands and the same numbers as a table.
/// </summary>
/// <param name="Unit">The unit.</param>
/// <param name="Definition">The indicator.</param>
/// <param name="Month">The last month shown.</param>
/// <param name="Threshold">The unit's threshold for the indicator and why (none, or its office's).</param>
/// <param name="Points">The months, oldest first.</param>
/// <param name="Restricted">Whether the viewer sees the unit from outside its office (small numbers suppressed).</param>
/// <param name="Footer">The page's footer.</param>
public sealed record HistoryView(UnitChoice Unit, IndicatorDefinition Definition, Month Month, ThresholdChoice Threshold,
    IReadOnlyList<HistoryPoint> Points, bool Restricted, PageFooter Footer)
{
    /// <summary>Three years: a month can be read against the same month in each of the two years before.</summary>
    public const int Months = 36;

    /// <summary>The indicators to choose among: the national ones with their versions, then the viewer's own (issue 11 items 6 and 7).</summary>
    public IReadOnlyList<IndicatorDefinition> Indicators { get; init; } = IndicatorCatalog.All;

    public string MonthName => NorwegianFormat.Month(Month);

    public Selection Selection => new(Unit.Code, Month);

    public string ScorecardLink => Selection.Scorecard(Unit.Code, Month);

    public string ComparisonLink => Links.Comparison(Definition, Month, Unit.Code);

    public bool AnySuppressed => Points.Any(p => p.Status == ValueStatus.Suppressed);

    internal static HistoryView Of(ScorecardSnapshot snapshot, ShownResults results, UnitChoice unit, IndicatorDefinition definition, Month month)
    {
        var points = new List<HistoryPoint>(Months);
        var before = results.Get(unit.Code, month.Plus(-Months), definition.Code);
        for (var i = Months - 1; i >= 0; i--)
        {
            var m = month.Plus(-i);
            var value = results.Get(unit.Code, m, definition.Code);
            points.Add(new HistoryPoint(m, value, ScorecardModel.StatusOf(snapshot, unit.Code, definition.Code, value),
                ValueChange.Of(definition, m.Plus(-1), before, value)));
            before = value;
        }
        return new(unit, definition, month, snapshot.Thresholds.Choose(unit.Code, definition.Code, snapshot.Offices), points,
            results.IsRestricted(unit.Code), PageFooter.Of(snapshot))
        {
            Indicators = [.. snapshot.National, .. snapshot.OwnShown],
        };
    }
}
