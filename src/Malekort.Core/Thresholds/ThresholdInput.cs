using System.Globalization;
using Malekort.Indicators;

namespace Malekort.Thresholds;

/// <summary>
/// Limits as a person types them, on a form or the command line, checked against the indicator: Norwegian numbers
/// (<c>2,5</c>, <c>1 234</c>; a point is taken as the decimal sign too), never negative, a share at most 100, and the order
/// the indicator's direction asks for. Both empty means no own limits: the recommended default applies.
/// </summary>
public static class ThresholdInput
{
    private static readonly CultureInfo Norwegian = CultureInfo.GetCultureInfo("nb-NO");

    /// <summary>A Norwegian number: comma or point as the decimal sign, spaces between thousands, at most two decimals.</summary>
    public static bool TryNumber(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var plain = text.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal)
            .Replace("\u202F", "", StringComparison.Ordinal).Replace('.', ',').Replace('−', '-');
        return decimal.TryParse(plain, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, Norwegian, out value);
    }

    /// <summary>The limits typed for the indicator, or why they cannot be used, field by field.</summary>
    public static LimitsCheck Check(IndicatorDefinition definition, string? green, string? red)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var (greenEmpty, redEmpty) = (string.IsNullOrWhiteSpace(green), string.IsNullOrWhiteSpace(red));
        if (greenEmpty && redEmpty) return new LimitsCheck(null, null, null);
        decimal g = 0, r = 0;
        var greenError = greenEmpty ? Missing("grønn") : NumberError("Grønn", definition, green, out g);
        var redError = redEmpty ? Missing("rød") : NumberError("Rød", definition, red, out r);
        if (greenError is not null || redError is not null) return new LimitsCheck(null, greenError, redError);
        if (Threshold.OrderError(definition.Direction, g, r) is { } order) return new LimitsCheck(null, order, null);
        return new LimitsCheck(new Limits(definition.Direction, g, r), null, null);
    }

    private static string Missing(string empty) =>
        $"Skriv {empty} grense også, eller la begge grensene stå tomme for å bruke standardgrensene.";

    private static string? NumberError(string which, IndicatorDefinition definition, string? text, out decimal value)
    {
        if (!TryNumber(text, out value)) return $"{which} grense må være et tall, for eksempel 2,5 (ikke «{text!.Trim()}»).";
        if (value < 0) return $"{which} grense kan ikke være negativ.";
        if (decimal.Round(value, 2) != value) return $"{which} grense kan ha høyst to desimaler.";
        if (definition.Kind == ValueKind.Percent && value > 100) return $"{which} grense er en andel og kan ikke være over 100 %.";
        return null;
    }
}

/// <summary>The outcome of checking typed limits: the limits, none (both empty), or an error for either field.</summary>
/// <param name="Limits">The limits, when both were typed and are valid.</param>
/// <param name="GreenError">What is wrong with the green limit, if anything (also where the two contradict the direction).</param>
/// <param name="RedError">What is wrong with the red limit, if anything.</param>
public sealed record LimitsCheck(Limits? Limits, string? GreenError, string? RedError)
{
    /// <summary>Whether the input can be used: valid limits, or both fields empty.</summary>
    public bool IsValid => GreenError is null && RedError is null;
}
