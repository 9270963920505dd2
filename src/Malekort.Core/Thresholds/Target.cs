using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Units;

namespace Malekort.Thresholds;

/// <summary>A target (måltall) for an indicator in a unit and month (seed 003: KVP targets per office).</summary>
/// <param name="Unit">The unit or office.</param>
/// <param name="Indicator">The indicator code.</param>
/// <param name="Month">The month the target is for.</param>
/// <param name="Value">The target value, in the indicator's own unit.</param>
public sealed record Target(UnitCode Unit, string Indicator, Month Month, decimal Value)
{
    /// <summary>
    /// Goal attainment (måloppnåelse) of a value, in the direction of the indicator's definition (spec "Values, aggregation and
    /// display"): actual ÷ target × 100 where higher is better, target ÷ actual × 100 where lower is better. None without a
    /// value or for a hidden value (it would give the value back); a sum that lacks units gets its percentage but no verdict,
    /// as it gets no colour.
    /// </summary>
    public GoalAttainment? AttainmentOf(IndicatorDefinition definition, IndicatorValue value)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (value.Value is not { } actual || value.Notes.HasFlag(ValueNotes.Suppressed)) return null;
        return GoalAttainment.Of(definition.Direction, actual, (double)Value, value.IsIncomplete);
    }
}

/// <summary>How far a value reached its target.</summary>
/// <param name="Percent">Goal attainment in per cent; none when the divisor is 0 (a target of 0, or none where lower is better).</param>
/// <param name="Reached">
/// Whether the value is at or beyond the target in the indicator's better direction; none for a sum that lacks units.
/// </param>
public readonly record struct GoalAttainment(double? Percent, bool? Reached)
{
    /// <summary>
    /// The attainment of <paramref name="actual"/> against <paramref name="target"/> in the direction given; an incomplete actual
    /// (a sum that lacks units) gets its percentage but no verdict.
    /// </summary>
    public static GoalAttainment Of(Direction direction, double actual, double target, bool incomplete)
    {
        var (percent, reached) = direction == Direction.HigherIsBetter
            ? (target == 0 ? (double?)null : actual / target * 100.0, actual >= target)
            : (actual == 0 ? (double?)null : target / actual * 100.0, actual <= target);
        return new GoalAttainment(percent, incomplete ? null : reached);
    }

    /// <summary>The attainment in words: <c>nådd</c>, <c>ikke nådd</c>, or why it is not judged.</summary>
    public string Words => Reached switch
    {
        true => "nådd",
        false => "ikke nådd",
        null => "ikke vurdert: ufullstendig",
    };
}
