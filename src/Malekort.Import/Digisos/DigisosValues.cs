using System.Globalization;

namespace Malekort.Import.Digisos;

/// <summary>How a Tidspunkt was written.</summary>
internal enum TimestampZone
{
    /// <summary>Ends in <c>Z</c>, as the format requires (digisos.md §1.6).</summary>
    Utc,
    /// <summary>Has an offset such as <c>+01:00</c>, which the schema rejects but the instant is still clear.</summary>
    Offset,
    /// <summary>No zone at all: read as UTC, the format's own rule.</summary>
    None,
}

/// <summary>Why a Dato could not be used.</summary>
internal enum DateProblem
{
    None,
    /// <summary>Not <c>ÅÅÅÅ-MM-DD</c>.</summary>
    NotPattern,
    /// <summary>Matches the pattern but is no calendar date (the schema allows <c>2017-13-01</c>, §1.6).</summary>
    NotCalendar,
    /// <summary>A real date outside the years a Digisos file can be about.</summary>
    Implausible,
}

/// <summary>The primitive types of the Digisos formats (S1 <c>json/types/</c>), read leniently and without exceptions.</summary>
internal static class DigisosValues
{
    /// <summary>
    /// Dates outside these years are typing errors (Digisos started in 2019; the oldest NAV fixture is from 2017): a stray
    /// 0201 or 2202 would otherwise stretch the application's period over centuries and mark all of them as captured.
    /// Nothing before <see cref="Limits.InputLimits.EarliestDate"/> is read in any format.
    /// </summary>
    public const int FirstYear = 2000;
    public const int LastYear = 2099;

    /// <summary>The largest amount taken as written; anything larger is a typing error (and would overflow øre).</summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    /// <summary>A Dato: <c>ÅÅÅÅ-MM-DD</c>, a real calendar day in <see cref="FirstYear"/>–<see cref="LastYear"/>.</summary>
    public static DateProblem TryDate(string text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-'
            || !Digits(text, 0, 4, out var year) || !Digits(text, 5, 2, out var month) || !Digits(text, 8, 2, out var day))
            return DateProblem.NotPattern;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return DateProblem.NotCalendar;
        if (year is < FirstYear or > LastYear) return DateProblem.Implausible;
        date = new DateOnly(year, month, day);
        return DateProblem.None;
    }

    /// <summary>
    /// A Tidspunkt: <c>ÅÅÅÅ-MM-DDTtt:mm:ss</c>, an optional fraction of any length (the schema accepts nanoseconds; digits
    /// past the 7th are dropped), and <c>Z</c>, an offset, or nothing. The schema requires the fraction and <c>Z</c>
    /// (§1.6); NAV's own reader takes any ISO 8601 instant, and so do we, reporting the zone so a caller can warn.
    /// </summary>
    public static bool TryTimestamp(string text, out DateTimeOffset instant, out TimestampZone zone)
    {
        instant = default;
        zone = TimestampZone.None;
        if (text.Length < 19 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':') return false;
        if (!Digits(text, 0, 4, out var year) || !Digits(text, 5, 2, out var month) || !Digits(text, 8, 2, out var day)
            || !Digits(text, 11, 2, out var hour) || !Digits(text, 14, 2, out var minute) || !Digits(text, 17, 2, out var second))
            return false;
        var at = 19;
        long ticks = 0;
        if (at < text.Length && text[at] == '.')
        {
            var digits = 0;
            at++;
            while (at < text.Length && char.IsAsciiDigit(text[at]))
            {
                if (digits < 7) ticks = ticks * 10 + (text[at] - '0');
                digits++;
                at++;
            }
            if (digits == 0) return false;
            for (var d = Math.Min(digits, 7); d < 7; d++) ticks *= 10;
        }
        var offset = TimeSpan.Zero;
        if (at == text.Length) zone = TimestampZone.None;
        else if (at == text.Length - 1 && text[at] == 'Z') zone = TimestampZone.Utc;
        else if (at == text.Length - 6 && text[at] is '+' or '-' && text[at + 3] == ':'
                 && Digits(text, at + 1, 2, out var offsetHours) && Digits(text, at + 4, 2, out var offsetMinutes)
                 && offsetHours <= 14 && offsetMinutes <= 59)
        {
            zone = TimestampZone.Offset;
            offset = new TimeSpan(offsetHours, offsetMinutes, 0);
            if (text[at] == '-') offset = -offset;
        }
        else return false;
        if (year is < FirstYear or > LastYear || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
            return false;
        instant = new DateTimeOffset(new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(ticks), offset)
            .ToUniversalTime();
        return true;
    }

    /// <summary>An amount (kr) written as a JSON number; <c>null</c> when it is no number or beyond <see cref="MaxAmount"/>.</summary>
    public static decimal? Amount(string numberText) =>
        decimal.TryParse(numberText, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && Math.Abs(amount) <= MaxAmount
            ? amount
            : null;

    /// <summary>Epoch milliseconds (Fiks' <c>sistEndret</c>, <c>timestampSistOppdatert</c>) as an instant.</summary>
    public static DateTimeOffset? EpochMilliseconds(string numberText)
    {
        if (!long.TryParse(numberText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms)) return null;
        var first = new DateTimeOffset(FirstYear, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var last = new DateTimeOffset(LastYear, 12, 31, 23, 59, 59, TimeSpan.Zero).ToUnixTimeMilliseconds();
        return ms >= first && ms <= last ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }

    /// <summary>An instant as a key part: UTC with seven fraction digits, so <c>.134Z</c> and <c>.1340Z</c> agree.</summary>
    public static string KeyText(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A date as the findings show it.</summary>
    public static string Text(DateOnly date) => date.ToString("yyyy'-'MM'-'dd", CultureInfo.InvariantCulture);

    private static bool Digits(string text, int start, int count, out int value)
    {
        value = 0;
        if (start + count > text.Length) return false;
        for (var i = start; i < start + count; i++)
        {
            var c = text[i];
            if (!char.IsAsciiDigit(c)) return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }
}
