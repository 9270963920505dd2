using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Thresholds;

namespace Malekort.Targets;

/// <summary>One month of a year's targets: its target, the value, and how far the value reached it.</summary>
public sealed record MonthAttainment(Month Month, decimal? Target, IndicatorValue? Value, GoalAttainment? Attainment);

/// <summary>
/// The year so far: the months up to <paramref name="Through"/> that have both a target and a value, the actual and the target
/// over them (sum for a flow, mean for a level), and the attainment. None when a counted month is hidden from the viewer (the
/// sum would give it back), and no verdict when a counted value is a sum lacking units.
/// </summary>
public sealed record YearToDate(Month Through, int MonthsCounted, int MonthsWithTarget, double? Actual, double? Target, GoalAttainment? Attainment,
    bool Hidden);

/// <summary>Goal attainment month by month and for the year so far (issue 11 item 3; spec "Values, aggregation and display").</summary>
public static class YearAttainment
{
    /// <summary>
    /// The months of <paramref name="year"/> through <paramref name="through"/> and the year to date. <paramref name="valueOf"/> gives
    /// the value as the viewer sees it, or null for a month not computed.
    /// </summary>
    public static (IReadOnlyList<MonthAttainment> Months, YearToDate ToDate) Of(IndicatorDefinition definition, TargetYear year, Month through,
        Func<Month, IndicatorValue?> valueOf)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(year);
        ArgumentNullException.ThrowIfNull(valueOf);
        var months = new List<MonthAttainment>();
        var (actuals, targets) = (new List<double>(), new List<double>());
        var (withTarget, hidden, incomplete) = (0, false, false);
        for (var m = 1; m <= 12; m++)
        {
            var month = new Month(year.Year, m);
            var target = year.Months[m - 1];
            var value = month <= through ? valueOf(month) : null;
            var attainment = target is { } t && value is { } v ? new Target(year.Unit, year.Indicator, month, t).AttainmentOf(definition, v) : null;
            months.Add(new MonthAttainment(month, target, value, attainment));
            if (month > through || target is not { } counted) continue;
            withTarget++;
            if (value is not { } shown) continue;
            if (shown.Notes.HasFlag(ValueNotes.Suppressed)) hidden = true;
            if (shown.Value is not { } actual) continue;
            incomplete |= shown.IsIncomplete;
            actuals.Add(actual);
            targets.Add((double)counted);
        }
        if (hidden || actuals.Count == 0)
            return (months, new YearToDate(through, actuals.Count, withTarget, null, null, null, hidden));
        var (a, tt) = definition.IsFlow ? (actuals.Sum(), targets.Sum()) : (actuals.Average(), targets.Average());
        return (months, new YearToDate(through, actuals.Count, withTarget, a, tt, GoalAttainment.Of(definition.Direction, a, tt, incomplete), false));
    }
}
