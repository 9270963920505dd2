using System.Globalization;

namespace Malekort.Import.Population;

/// <summary>What a count cell holds.</summary>
internal enum CountState
{
    /// <summary>A non-negative whole number.</summary>
    Value,
    /// <summary>One of SSB's symbols for a number that is not there (<c>..</c>, <c>.</c>, <c>:</c>, <c>...</c>).</summary>
    Missing,
    /// <summary>Neither: the reason is in <see cref="SsbCount.Problem"/>.</summary>
    Invalid,
}

/// <summary>
/// A population count as SSB writes it: digits, or a symbol from SSB's standard list
/// (<c>..</c> not available, <c>.</c> not applicable, <c>:</c> confidential, <c>...</c> not yet available).
/// SSB's <c>-</c> means "nil" (nothing to report), so it is zero, a value.
/// </summary>
internal readonly record struct SsbCount(CountState State, long Value, string Text, string Problem)
{
    public static SsbCount Of(long value) => new(CountState.Value, value, value.ToString(CultureInfo.InvariantCulture), "");

    public static SsbCount MissingAs(string symbol) => new(CountState.Missing, 0, symbol, "");

    public static SsbCount Parse(ReadOnlySpan<char> cell)
    {
        var text = cell.Trim();
        var shown = text.ToString();
        if (text.Length == 0)
            return Invalid(shown, "tom verdi; forventet et antall eller SSBs symbol for manglende tall (.., ., :)");
        if (text is ".." or "." or ":" or "..." or "…")
            return MissingAs(shown);
        if (text is "-")
            return new SsbCount(CountState.Value, 0, shown, "");
        if (AllDigits(text))
        {
            return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                ? new SsbCount(CountState.Value, value, shown, "")
                : Invalid(shown, $"antallet {shown} er for stort");
        }
        if (text[0] == '-' && text.Length > 1 && char.IsAsciiDigit(text[1]))
            return Invalid(shown, $"negativt antall {shown}; et antall personer kan ikke være under 0");
        if (char.IsAsciiDigit(text[0]) && (text.Contains('.') || text.Contains(',')))
            return Invalid(shown, $"{shown} er ikke et helt antall personer");
        return Invalid(shown, $"'{shown}' er ikke et antall; forventet et heltall eller SSBs symbol for manglende tall (.., ., :)");
    }

    /// <summary>A number from JSON (JSON-stat's <c>value</c>): it must be a non-negative whole number.</summary>
    public static SsbCount FromNumber(decimal number, string text)
    {
        if (number < 0)
            return Invalid(text, $"negativt antall {text}; et antall personer kan ikke være under 0");
        if (decimal.Truncate(number) != number)
            return Invalid(text, $"{text} er ikke et helt antall personer");
        if (number > long.MaxValue)
            return Invalid(text, $"antallet {text} er for stort");
        return new SsbCount(CountState.Value, (long)number, text, "");
    }

    private static SsbCount Invalid(string text, string problem) => new(CountState.Invalid, 0, text, problem);

    private static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text) if (!char.IsAsciiDigit(c)) return false;
        return true;
    }
}
