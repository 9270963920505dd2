using Malekort.Indicators;

namespace Malekort.Confidentiality;

/// <summary>
/// The primary rule (spec <c>indicators.md</c> "Values, aggregation and display", Confidentiality): outside the unit's own
/// NAV office a count of 1 or 2 persons (or, for PL151, cases) is not shown. Zero is a value and stays visible.
/// </summary>
public static class SmallCounts
{
    /// <summary>What a suppressed number is shown as.</summary>
    public const string Symbol = ":";

    /// <summary>The smallest count that is shown outside the unit's own office.</summary>
    public const long SmallestShown = 3;

    /// <summary>Whether a count must be suppressed: 1 or 2. Zero, three and more, and a count not captured are not.</summary>
    public static bool MustSuppress(long? count) => count is > 0 and < SmallestShown;

    /// <summary>
    /// <paramref name="value"/> with its hidden sides taken out, and its value with them: a ratio follows its parts, so from a
    /// shown value and a shown part the hidden part would follow. Unchanged when neither side is hidden.
    /// </summary>
    public static IndicatorValue Hide(IndicatorValue value, bool numeratorHidden, bool denominatorHidden) =>
        !numeratorHidden && !denominatorHidden ? value : value with
        {
            Numerator = numeratorHidden ? null : value.Numerator,
            Denominator = denominatorHidden ? null : value.Denominator,
            Value = null,
            Notes = value.Notes | ValueNotes.Suppressed,
        };
}
