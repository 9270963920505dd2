using Malekort.Indicators;
using Malekort.Periods;

namespace Malekort.Web.Scorecard;

/// <summary>Which way a value moved since an earlier month.</summary>
public enum ChangeWay
{
    Up,
    Down,
    Unchanged,
    /// <summary>One of the two months has no value to compare (not captured, not computed, suppressed).</summary>
    NotComparable,
}

/// <summary>
/// How a value moved since an earlier month (the month before, the same month a year before): the arrow for the eye and the
/// words for everyone, <c>↑ Opp 0,5 prosentpoeng fra november 2024</c>. A value that is not there is never taken as 0.
/// </summary>
/// <param name="Since">The earlier month.</param>
/// <param name="Way">Up, down, unchanged, or nothing to compare.</param>
/// <param name="Amount">The size of the change as shown, in the indicator's unit (<c>0,5 prosentpoeng</c>); empty when not up or down.</param>
public sealed record ValueChange(Month Since, ChangeWay Way, string Amount)
{
    /// <summary>The arrow, which screen readers skip: the words say the same.</summary>
    public string Arrow => Way switch
    {
        ChangeWay.Up => "↑",
        ChangeWay.Down => "↓",
        ChangeWay.Unchanged => "→",
        _ => "",
    };

    public string Words => Way switch
    {
        ChangeWay.Up => $"Opp {Amount} fra {NorwegianFormat.Month(Since)}",
        ChangeWay.Down => $"Ned {Amount} fra {NorwegianFormat.Month(Since)}",
        ChangeWay.Unchanged => $"Uendret fra {NorwegianFormat.Month(Since)}",
        _ => $"Ingen verdi å sammenligne med fra {NorwegianFormat.Month(Since)}",
    };

    /// <summary>
    /// The change from <paramref name="before"/> to <paramref name="now"/>; unchanged when the two round to the same shown value,
    /// so the words never contradict the numbers beside them.
    /// </summary>
    public static ValueChange Of(IndicatorDefinition definition, Month since, IndicatorValue before, IndicatorValue now)
    {
        if (before.Value is not { } b || now.Value is not { } n) return new(since, ChangeWay.NotComparable, "");
        var shownBefore = NorwegianFormat.Value(definition.Kind, b);
        var shownNow = NorwegianFormat.Value(definition.Kind, n);
        if (shownBefore == shownNow) return new(since, ChangeWay.Unchanged, "");
        return new(since, n > b ? ChangeWay.Up : ChangeWay.Down, NorwegianFormat.Difference(definition.Kind, Math.Abs(n - b)));
    }

    /// <summary>
    /// The changes since the month before and the same month a year before, from a trend of <see cref="ScorecardModel.TrendMonths"/>
    /// months that ends in the month shown; none for a trend that is not there.
    /// </summary>
    public static IReadOnlyList<ValueChange> FromTrend(IndicatorDefinition definition, IReadOnlyList<TrendPoint> trend)
    {
        if (trend.Count < ScorecardModel.TrendMonths) return [];
        var now = trend[^1];
        return [Of(definition, trend[^2].Month, trend[^2].Value, now.Value), Of(definition, trend[0].Month, trend[0].Value, now.Value)];
    }
}
