using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Thresholds;
using Malekort.Units;

namespace Malekort.ManualValues;

/// <summary>
/// A manual value as a person types it, on the form or the command line: whole numbers that are not negative (Norwegian digit
/// grouping allowed), a numerator and a denominator for a share or a mean, only the numerator for a count; a share's numerator
/// at most its denominator; a denominator of 0 only with a numerator of 0. Errors are keyed by field: <c>teller</c>, <c>nevner</c>.
/// </summary>
public static class ManualInput
{
    public const string NumeratorField = "teller";
    public const string DenominatorField = "nevner";

    /// <summary>The value typed, or the errors by field; who and when are the caller's.</summary>
    public static (ManualValue? Value, IReadOnlyList<(string Field, string Message)> Errors) Check(IndicatorDefinition definition, UnitCode unit,
        Month month, string? numerator, string? denominator, string enteredBy, DateTimeOffset enteredAt)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = new List<(string, string)>();
        var count = definition.Kind == ValueKind.Count;
        var n = Whole(count ? "Antallet" : "Telleren", numerator, NumeratorField, errors);
        long? d = null;
        if (!count)
        {
            d = Whole("Nevneren", denominator, DenominatorField, errors);
            if (n is { } top && d is { } bottom)
            {
                if (definition.Kind == ValueKind.Percent && top > bottom)
                    errors.Add((NumeratorField, $"Telleren ({top}) kan ikke være større enn nevneren ({bottom}) for en andel."));
                else if (bottom == 0 && top > 0)
                    errors.Add((DenominatorField, "Nevneren kan bare være 0 når telleren også er 0."));
            }
        }
        return errors.Count > 0 || n is null ? (null, errors) : (new ManualValue(unit, month, definition.Code, n.Value, d, enteredBy, enteredAt), errors);
    }

    /// <summary>The month typed (<c>ÅÅÅÅ-MM</c>, from 2000, begun by <paramref name="current"/>), or why it cannot be used.</summary>
    public static (Month? Month, string? Error) ReadMonth(string? text, Month current)
    {
        var typed = text?.Trim() ?? "";
        if (!Month.TryParse(typed, out var month) || month.Year < 2000)
            return (null, $"Skriv måneden som ÅÅÅÅ-MM, for eksempel {current} (ikke «{typed}»).");
        if (month > current)
            return (null, $"{Capital(MonthName(month))} har ikke begynt ennå; et tall kan registreres for denne og tidligere måneder.");
        return (month, null);
    }

    /// <summary>
    /// Why no value may be typed for the unit's month: the computation has a captured value there (a manual value stands in only
    /// where nothing was captured); null when it may. <paramref name="computed"/> is the value as computed with full rights.
    /// </summary>
    public static string? Captured(IndicatorDefinition definition, string unitName, Month month, IndicatorValue computed) =>
        computed.IsCaptured && !computed.Notes.HasFlag(ValueNotes.Manual)
            ? $"{unitName} har innsamlede data for {definition.Code} i {MonthName(month)}; manuelle tall brukes bare for måneder uten."
            : null;

    private static string MonthName(Month month) => $"{Targets.TargetInput.MonthName(month.Number - 1)} {month.Year}";

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static long? Whole(string what, string? text, string field, List<(string, string)> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add((field, $"Skriv {what.ToLowerInvariant()}."));
            return null;
        }
        if (!ThresholdInput.TryNumber(text, out var value) || decimal.Truncate(value) != value)
            errors.Add((field, $"{what} må være et helt tall, for eksempel 12 eller 1 234 (ikke «{text.Trim()}»)."));
        else if (value < 0) errors.Add((field, $"{what} kan ikke være under 0."));
        else if (value > 100_000_000) errors.Add((field, $"{what} kan ikke være over 100 000 000."));
        else return (long)value;
        return null;
    }
}
