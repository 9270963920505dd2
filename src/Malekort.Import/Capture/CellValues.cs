using System.Globalization;

namespace Malekort.Import.Capture;

/// <summary>Parses the value types of capture format v1 (spec "CSV rules") from spans, without allocating.</summary>
internal static class CellValues
{
    /// <summary>A real calendar date written exactly <c>YYYY-MM-DD</c>.</summary>
    public static bool TryDate(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-') return false;
        if (!TryDigits(text[..4], out var year) || !TryDigits(text.Slice(5, 2), out var month) || !TryDigits(text.Slice(8, 2), out var day))
            return false;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>A decimal number with <c>.</c> as decimal mark and an optional sign; no thousands separators or exponent.</summary>
    public static bool TryDecimal(ReadOnlySpan<char> text, out decimal value) =>
        TryPlainDecimal(text, out value)
        || decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);

    /// <summary>
    /// The common amount form (<c>-</c>, up to 18 digits, <c>.</c> and digits after it) without the general parser,
    /// which dominates the cost of a payment row; anything else goes to the general parser.
    /// </summary>
    private static bool TryPlainDecimal(ReadOnlySpan<char> text, out decimal value)
    {
        value = 0m;
        var negative = !text.IsEmpty && text[0] == '-';
        if (negative) text = text[1..];
        if (text.IsEmpty || text.Length > 19) return false;
        ulong mantissa = 0;
        var digits = 0;
        var scale = -1;
        foreach (var c in text)
        {
            if (c == '.' && scale < 0 && digits > 0)
            {
                scale = 0;
                continue;
            }
            if (c is < '0' or > '9') return false;
            mantissa = mantissa * 10 + (ulong)(c - '0');
            digits++;
            if (scale >= 0) scale++;
        }
        if (scale == 0 || digits > 18) return false;
        value = new decimal(unchecked((int)(uint)mantissa), unchecked((int)(uint)(mantissa >> 32)), 0, negative, (byte)Math.Max(scale, 0));
        return true;
    }

    /// <summary>A non-negative whole number of plain digits.</summary>
    public static bool TryInteger(ReadOnlySpan<char> text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    /// <summary><c>true</c> or <c>false</c>, exactly.</summary>
    public static bool TryBoolean(ReadOnlySpan<char> text, out bool value)
    {
        value = text.SequenceEqual("true");
        return value || text.SequenceEqual("false");
    }

    /// <summary>A date as the format writes it.</summary>
    public static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (c is < '0' or > '9') return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }
}
