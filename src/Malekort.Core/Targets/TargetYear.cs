using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Thresholds;
using Malekort.Units;

namespace Malekort.Targets;

/// <summary>How a yearly target was spread over the months (issue 11 item 3).</summary>
public enum Periodisation
{
    /// <summary>The same share every month.</summary>
    Even,
    /// <summary>By a profile of 12 weights (seed 003: «periodisering av måltall»).</summary>
    Weights,
    /// <summary>Each month's target typed; the year follows from them.</summary>
    Monthly,
}

/// <summary>
/// A year of targets (måltall) for one indicator in a unit or office: how they were set and the target of each month. For a
/// level (persons in the month, a share, a mean) the yearly target is the months' mean, as seed 003's «gjennomsnittlig måltall
/// 349» deltakere; for a flow (<see cref="IndicatorDefinition.IsFlow"/>: events in the month) it is their sum. Periodising
/// keeps that exactly: amounts are rounded to two decimals and the rounding lands on the last month with weight.
/// </summary>
/// <param name="Unit">The unit or office.</param>
/// <param name="Indicator">The indicator code.</param>
/// <param name="Year">The year.</param>
/// <param name="How">How it was periodised.</param>
/// <param name="Yearly">The yearly target typed, for <see cref="Periodisation.Even"/> and <see cref="Periodisation.Weights"/>.</param>
/// <param name="Weights">The 12 weights, for <see cref="Periodisation.Weights"/>.</param>
/// <param name="Months">The 12 monthly targets, January first; null for a month without one.</param>
public sealed record TargetYear(UnitCode Unit, string Indicator, int Year, Periodisation How, decimal? Yearly, IReadOnlyList<decimal>? Weights,
    IReadOnlyList<decimal?> Months)
{
    /// <summary>A yearly target spread evenly (no weights) or by 12 weights that are not all zero.</summary>
    public static TargetYear Periodised(IndicatorDefinition definition, UnitCode unit, int year, decimal yearly, IReadOnlyList<decimal>? weights = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var w = weights ?? Enumerable.Repeat(1m, 12).ToList();
        if (w.Count != 12 || w.Any(x => x < 0) || w.Sum() == 0) throw new ArgumentException("Det må være 12 vekter, ingen negative og ikke alle 0.", nameof(weights));
        var total = definition.IsFlow ? yearly : yearly * 12;
        var months = w.Select(x => Math.Round(total * x / w.Sum(), 2, MidpointRounding.AwayFromZero)).ToArray();
        var last = LastWeighted(w);
        months[last] += total - months.Sum();
        return new TargetYear(unit, definition.Code, year, weights is null ? Periodisation.Even : Periodisation.Weights, yearly,
            weights is null ? null : [.. w], [.. months.Select(m => (decimal?)m)]);
    }

    /// <summary>Targets typed month by month; null where a month has none.</summary>
    public static TargetYear MonthByMonth(UnitCode unit, string indicator, int year, IReadOnlyList<decimal?> months)
    {
        ArgumentNullException.ThrowIfNull(months);
        if (months.Count != 12) throw new ArgumentException("Det må være 12 måneder.", nameof(months));
        return new TargetYear(unit, indicator, year, Periodisation.Monthly, null, null, [.. months]);
    }

    /// <summary>The months' targets as the scorecard reads them.</summary>
    public IEnumerable<Target> Targets() => Months
        .Select((value, i) => (value, month: new Month(Year, i + 1)))
        .Where(x => x.value is not null)
        .Select(x => new Target(Unit, Indicator, x.month, x.value!.Value));

    /// <summary>The year's target as its months give it: their sum for a flow, their mean for a level; none without months.</summary>
    public decimal? YearFigure(IndicatorDefinition definition) => Of(definition, Months.OfType<decimal>().ToList());

    /// <summary>A year's figure of monthly figures: the sum for a flow, the mean for a level.</summary>
    public static decimal? Of(IndicatorDefinition definition, IReadOnlyList<decimal> months)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (months.Count == 0) return null;
        return definition.IsFlow ? months.Sum() : Math.Round(months.Sum() / months.Count, 2, MidpointRounding.AwayFromZero);
    }

    private static int LastWeighted(IReadOnlyList<decimal> weights)
    {
        for (var i = weights.Count - 1; i >= 0; i--)
        {
            if (weights[i] > 0) return i;
        }
        return weights.Count - 1;
    }
}
