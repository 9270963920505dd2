namespace Malekort.Indicators;

/// <summary>What a reader of a value should know about how it was made.</summary>
[Flags]
public enum ValueNotes
{
    /// <summary>Nothing special.</summary>
    None = 0,
    /// <summary>The population is from an earlier year than the month's (spec "Population", Choice).</summary>
    OlderPopulation = 1,
    /// <summary>Not all 12 months of the long-term window have payment data.</summary>
    PartialWindow = 2,
    /// <summary>Family facts are approximated from a coarser source (KOSTRA BU18).</summary>
    ApproximateFamily = 4,
    /// <summary>An aggregate where some of its units have no data for this indicator and month.</summary>
    PartialCoverage = 8,
    /// <summary>Hidden for confidentiality outside the unit's own office (shown as <c>:</c>).</summary>
    Suppressed = 16,
}

/// <summary>
/// One indicator for one unit and month: numerator, denominator and value. A part that was not captured is null,
/// never 0; zero is a value.
/// </summary>
/// <param name="Numerator">The numerator, or null when not captured.</param>
/// <param name="Denominator">The denominator (1 for counts), or null when not captured.</param>
/// <param name="Value">numerator ÷ denominator × factor; null when a part is missing or the denominator is zero.</param>
/// <param name="Notes">How the value was made.</param>
/// <param name="UnitsIncluded">For an aggregate, how many of its units contributed; 1 for a unit with data.</param>
/// <param name="UnitsTotal">For an aggregate, how many units it has; 1 for a unit.</param>
public readonly record struct IndicatorValue(long? Numerator, long? Denominator, double? Value, ValueNotes Notes, int UnitsIncluded, int UnitsTotal)
{
    /// <summary>Nothing captured: no numerator; a count keeps its denominator 1, which is part of its definition.</summary>
    public static IndicatorValue NotCaptured(IndicatorDefinition definition, int unitsTotal = 1) =>
        new(null, definition.Kind == ValueKind.Count ? 1 : null, null, ValueNotes.None, 0, unitsTotal);

    /// <summary>Whether the numerator was captured.</summary>
    public bool IsCaptured => Numerator is not null;

    /// <summary>Creates a value for the definition from its parts; a count's denominator is always 1.</summary>
    public static IndicatorValue Of(IndicatorDefinition definition, long? numerator, long? denominator, ValueNotes notes,
        int unitsIncluded = 1, int unitsTotal = 1)
    {
        if (definition.Kind == ValueKind.Count) denominator = 1;
        // A value whose numerator was not captured has no unit contributing to it, as NotCaptured says.
        if (numerator is null) unitsIncluded = 0;
        return new(numerator, denominator, definition.ValueOf(numerator, denominator), notes, unitsIncluded, unitsTotal);
    }
}
