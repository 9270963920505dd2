using Malekort.Confidentiality;
using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Thresholds;
using Malekort.Units;
using Malekort.Web.State;

namespace Malekort.Web.Scorecard;

/// <summary>What a value's tag says: the threshold colour, or why there is none. Colour is never the only signal.</summary>
public enum ValueStatus
{
    Green,
    Yellow,
    Red,
    NoThreshold,
    NotCaptured,
    /// <summary>Not computed: the rule looks back past what is captured (grey "for kort historikk", never 0).</summary>
    ShortHistory,
    NoValue,
    Suppressed,
    /// <summary>A sum that lacks some of its units: shown, marked incomplete, never coloured.</summary>
    Incomplete,
}

/// <summary>One month of a trend.</summary>
public sealed record TrendPoint(Month Month, IndicatorValue Value);

/// <summary>An indicator for one unit and month, with everything the scorecard and the API show about it.</summary>
public sealed record IndicatorRow(
    IndicatorDefinition Definition,
    IndicatorValue Value,
    ValueStatus Status,
    ThresholdChoice Threshold,
    Target? Target,
    GoalAttainment? Attainment,
    IReadOnlyList<TrendPoint> Trend)
{
    public bool IsSuppressed => Value.Notes.HasFlag(ValueNotes.Suppressed);
}

/// <summary>Builds scorecard rows from a snapshot: the one place pages and API read indicator values.</summary>
internal static class ScorecardModel
{
    /// <summary>The trend shows the month and the 12 before it.</summary>
    public const int TrendMonths = 13;

    // withTrend is false for a page that shows no trend: the comparison asks for one row per unit (~760), and 13 months
    // each would be read and thrown away.
    public static IndicatorRow Row(ScorecardSnapshot snapshot, ShownResults results, UnitCode unit, Month month, IndicatorDefinition definition,
        bool withTrend = true)
    {
        var value = results.Get(unit, month, definition.Code);
        var threshold = snapshot.Thresholds.Choose(unit, definition.Code, snapshot.Offices);
        var target = snapshot.TargetFor(unit, definition.Code, month);
        IReadOnlyList<TrendPoint> trend = withTrend
            ? Enumerable.Range(0, TrendMonths)
                .Select(i => month.Plus(i - TrendMonths + 1))
                .Select(m => new TrendPoint(m, results.Get(unit, m, definition.Code)))
                .ToList()
            : [];
        var status = StatusOf(snapshot, unit, definition.Code, value);
        return new IndicatorRow(definition, value, status, threshold, target, target?.AttainmentOf(definition, value), trend);
    }

    public static IReadOnlyList<IndicatorRow> Rows(ScorecardSnapshot snapshot, ShownResults results, UnitCode unit, Month month,
        IEnumerable<IndicatorDefinition> definitions) =>
        // A definition version is shown in the months it applies in, so where two apply they stand side by side.
        definitions.Where(d => d.AppliesIn(month)).Select(d => Row(snapshot, results, unit, month, d)).ToList();

    public static ValueStatus StatusOf(ScorecardSnapshot snapshot, UnitCode unit, string indicator, IndicatorValue value) =>
        StatusOf(snapshot.Thresholds, snapshot.Offices, unit, indicator, value);

    /// <summary>The status under the thresholds given: the scorecard's own rule, so a preview of new limits colours as it will.</summary>
    public static ValueStatus StatusOf(ThresholdTable thresholds, OfficeRegister offices, UnitCode unit, string indicator, IndicatorValue value)
    {
        switch (value.Reason)
        {
            case NoValueReason.Suppressed: return ValueStatus.Suppressed;
            case NoValueReason.NotCaptured: return ValueStatus.NotCaptured;
            case NoValueReason.ShortHistory: return ValueStatus.ShortHistory;
            case NoValueReason.NoDenominator or NoValueReason.ZeroDenominator: return ValueStatus.NoValue;
        }
        return thresholds.Classify(unit, indicator, value, offices) switch
        {
            Colour.Green => ValueStatus.Green,
            Colour.Yellow => ValueStatus.Yellow,
            Colour.Red => ValueStatus.Red,
            Colour.Incomplete => ValueStatus.Incomplete,
            Colour.Grey => ValueStatus.NotCaptured,
            _ => ValueStatus.NoThreshold,
        };
    }
}
