using System.Globalization;
using Malekort.Indicators;
using Malekort.Units;

namespace Malekort.Thresholds;

/// <summary>The colour of a value on the scorecard.</summary>
public enum Colour
{
    /// <summary>No value: "mangler data".</summary>
    Grey,
    /// <summary>A value but no threshold to judge it by.</summary>
    None,
    /// <summary>A sum that lacks some of its units: shown and marked incomplete, never judged (spec "Values, aggregation and display").</summary>
    Incomplete,
    /// <summary>Good.</summary>
    Green,
    /// <summary>Watch.</summary>
    Yellow,
    /// <summary>Act.</summary>
    Red,
}

/// <summary>
/// Green and red limits for one indicator in one unit (spec "Values, aggregation and display").
/// Set by the municipality; the directorate's recommended defaults apply until it does.
/// </summary>
/// <param name="Unit">The unit (or office) the limits are for; <see cref="UnitCode.Country"/> for the defaults.</param>
/// <param name="Indicator">The indicator code.</param>
/// <param name="Direction">Which way is better.</param>
/// <param name="Green">The green limit.</param>
/// <param name="Red">The red limit.</param>
/// <param name="SetBy">Who set it: the recommended default or the municipality.</param>
public sealed record Threshold(UnitCode Unit, string Indicator, Direction Direction, decimal Green, decimal Red, string SetBy)
{
    /// <summary>The limits alone.</summary>
    public Limits Limits => new(Direction, Green, Red);

    /// <summary>Whether this is the directorate's recommended default rather than a unit's own.</summary>
    public bool IsDefault => Unit == UnitCode.Country;

    /// <summary>Validates the limits' order.</summary>
    /// <exception cref="ArgumentException">The limits contradict the direction.</exception>
    public Threshold Validated()
    {
        if (OrderError(Direction, Green, Red) is { } error) throw new ArgumentException(error);
        return this;
    }

    /// <summary>Why the limits contradict the direction (nb, Norwegian numbers), or null when they do not.</summary>
    public static string? OrderError(Direction direction, decimal green, decimal red) => direction switch
    {
        Direction.HigherIsBetter when green < red =>
            string.Create(Culture, $"Når høyere er bedre, må grønn grense ({green:0.##}) være minst like høy som rød grense ({red:0.##})."),
        Direction.LowerIsBetter when green > red =>
            string.Create(Culture, $"Når lavere er bedre, må grønn grense ({green:0.##}) være høyst like høy som rød grense ({red:0.##})."),
        _ => null,
    };

    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("nb-NO");

    /// <summary>
    /// Higher is better: value ≥ green → green; value &lt; red → red; otherwise yellow.
    /// Lower is better: value ≤ green → green; value &gt; red → red; otherwise yellow.
    /// </summary>
    public Colour Classify(double value)
    {
        var v = (decimal)value;
        return Direction == Direction.HigherIsBetter
            ? v >= Green ? Colour.Green : v < Red ? Colour.Red : Colour.Yellow
            : v <= Green ? Colour.Green : v > Red ? Colour.Red : Colour.Yellow;
    }

    /// <summary>A short Norwegian description, e.g. "grønn ≤ 2,5 · rød &gt; 4".</summary>
    public string Describe(CultureInfo culture) => Limits.Describe(culture);
}
