using System.Globalization;

namespace Malekort.Periods;

/// <summary>
/// A calendar month (the spec's "month M"): the period every indicator is computed for.
/// </summary>
public readonly record struct Month : IComparable<Month>, ISpanFormattable
{
    /// <summary>Creates a month.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year or month is out of range.</exception>
    public Month(int year, int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 12);
        Index = year * 12 + number - 1;
    }

    private Month(int index) => Index = index;

    /// <summary>Months since January of year 0: consecutive months have consecutive indexes.</summary>
    public int Index { get; }

    /// <summary>The calendar year.</summary>
    public int Year => Index / 12;

    /// <summary>The month of the year, 1–12.</summary>
    public int Number => Index % 12 + 1;

    /// <summary>The first day (M.start).</summary>
    public DateOnly Start => new(Year, Number, 1);

    /// <summary>The last day (M.end).</summary>
    public DateOnly End => new(Year, Number, DateTime.DaysInMonth(Year, Number));

    /// <summary>The month a calendar date falls in. Dates read from files are calendar dates and need no time zone.</summary>
    public static Month Of(DateOnly date) => new(date.Year, date.Month);

    /// <summary>The month with the given <see cref="Index"/>.</summary>
    public static Month FromIndex(int index) => new(index);

    /// <summary>This month moved by <paramref name="months"/> (negative moves back).</summary>
    public Month Plus(int months) => new(checked(Index + months));

    /// <summary>Whether the date falls in this month.</summary>
    public bool Contains(DateOnly date) => date.Year == Year && date.Month == Number;

    /// <summary>Parses <c>YYYY-MM</c>.</summary>
    /// <exception cref="FormatException">The text is not a month.</exception>
    public static Month Parse(string text) =>
        TryParse(text, out var month) ? month : throw new FormatException($"'{text}' er ikke en måned på formen ÅÅÅÅ-MM.");

    /// <summary>Parses <c>YYYY-MM</c>.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Month month)
    {
        month = default;
        if (text.Length != 7 || text[4] != '-') return false;
        if (!int.TryParse(text[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year)) return false;
        if (!int.TryParse(text[5..], NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return false;
        if (year < 1 || number is < 1 or > 12) return false;
        month = new Month(year, number);
        return true;
    }

    /// <inheritdoc />
    public int CompareTo(Month other) => Index.CompareTo(other.Index);

    /// <summary>Compares months in time order.</summary>
    public static bool operator <(Month left, Month right) => left.Index < right.Index;

    /// <summary>Compares months in time order.</summary>
    public static bool operator >(Month left, Month right) => left.Index > right.Index;

    /// <summary>Compares months in time order.</summary>
    public static bool operator <=(Month left, Month right) => left.Index <= right.Index;

    /// <summary>Compares months in time order.</summary>
    public static bool operator >=(Month left, Month right) => left.Index >= right.Index;

    /// <summary>The number of months from <paramref name="right"/> to <paramref name="left"/>.</summary>
    public static int operator -(Month left, Month right) => left.Index - right.Index;

    /// <summary><c>YYYY-MM</c>, the same in every culture.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Number:D2}");

    /// <inheritdoc />
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <inheritdoc />
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        destination.TryWrite(CultureInfo.InvariantCulture, $"{Year:D4}-{Number:D2}", out charsWritten);
}
