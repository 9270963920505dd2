namespace Malekort.Indicators;

/// <summary>What a reader of a value should know about how it was made.</summary>
[Flags]
public enum ValueNotes
{
    /// <summary>Nothing special.</summary>
    None = 0,
    /// <summary>The population is from an earlier year than the month's (spec "Population", Choice).</summary>
    OlderPopulation = 1,
    /// <summary>
    /// Not computed: the rule looks back past what is captured for the unit (spec "Not computed is not zero"). The value is
    /// empty, never 0, and no aggregate sums it.
    /// </summary>
    ShortHistory = 2,
    /// <summary>Family facts are approximated from a coarser source (KOSTRA BU18).</summary>
    ApproximateFamily = 4,
    /// <summary>An aggregate where some of its units have no data for this indicator and month.</summary>
    PartialCoverage = 8,
    /// <summary>Hidden for confidentiality outside the unit's own office (shown as <c>:</c>).</summary>
    Suppressed = 16,
    /// <summary>
    /// From a source that knows the count only for the whole year (KOSTRA's sanctions): the year's count, shown on December;
    /// on an empty value, the other months of such a year (spec "Conditions and the activity duty").
    /// </summary>
    YearlyCount = 32,
    /// <summary>No version of this definition applies in the month (a later version before it starts, issue 11 item 7).</summary>
    NotInForce = 64,
    /// <summary>Typed by a person for a unit and month without captured data (issue 11 item 4): «manuelt registrert».</summary>
    Manual = 128,
    /// <summary>Captured data that has replaced a value typed by a person for the same unit and month (issue 11 item 4).</summary>
    ManualReplaced = 256,
    /// <summary>
    /// From KOSTRA-level aggregates a central instance took for a municipality without a Målekort of its own (issue 15 item 5),
    /// not from local capture: «fra KOSTRA». On a sum, some of its units are.
    /// </summary>
    Kostra = 512,
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
    public static IndicatorValue NotCaptured(IndicatorDefinition definition, int unitsTotal = 1, ValueNotes notes = ValueNotes.None) =>
        new(null, definition.Kind == ValueKind.Count ? 1 : null, null, notes, 0, unitsTotal);

    /// <summary>Whether the numerator was captured (and, for a rule that looks back, everything it looks at).</summary>
    public bool IsCaptured => Numerator is not null;

    /// <summary>Why there is no value; <see cref="NoValueReason.None"/> when there is one.</summary>
    public NoValueReason Reason =>
        Notes.HasFlag(ValueNotes.Suppressed) ? NoValueReason.Suppressed
        : Notes.HasFlag(ValueNotes.NotInForce) ? NoValueReason.NotInForce
        : Value is not null ? NoValueReason.None
        : Numerator is null ? Notes.HasFlag(ValueNotes.ShortHistory) ? NoValueReason.ShortHistory
            : Notes.HasFlag(ValueNotes.YearlyCount) ? NoValueReason.YearlyOnly : NoValueReason.NotCaptured
        : Denominator is null ? NoValueReason.NoDenominator
        : NoValueReason.ZeroDenominator;

    /// <summary>Whether an aggregate's sum lacks some of its units: it is shown, marked incomplete, and never coloured.</summary>
    public bool IsIncomplete => Notes.HasFlag(ValueNotes.PartialCoverage);

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
