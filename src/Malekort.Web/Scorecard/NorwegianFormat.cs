using System.Globalization;
using Malekort.Indicators;
using Malekort.Periods;

namespace Malekort.Web.Scorecard;

/// <summary>
/// Numbers and dates as a Norwegian reader expects them (nb-NO): <c>1 234</c>, <c>2,3 %</c>, <c>12,4 dager</c>,
/// <c>desember 2024</c>. The spaces are non-breaking, so a number never wraps away from its unit.
/// </summary>
internal static class NorwegianFormat
{
    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("nb-NO");

    private const char NoBreakSpace = '\u00A0';

    /// <summary>A whole number with thousands grouped: <c>1 234</c>.</summary>
    public static string Count(long value) => value.ToString("N0", Culture);

    /// <summary>A per cent with one decimal, or as many as a small share needs to be non-zero: <c>2,3 %</c>, <c>0,04 %</c>.</summary>
    public static string Percent(double value) => ValueFormat.PercentNumber(value, Culture) + NoBreakSpace + "%";

    /// <summary>Mean days with one decimal: <c>12,4 dager</c>.</summary>
    public static string Days(double value) => OneDecimal(value) + NoBreakSpace + "dager";

    // Half away from zero, as SSB and a reader round (9 of 400 is 2,3 %); the format alone would round 2,25 to even.
    public static string OneDecimal(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero).ToString("N1", Culture);

    /// <summary>A decimal with at most two decimals: <c>12,5</c>.</summary>
    public static string Decimal(decimal value) => value.ToString("#,0.##", Culture);

    /// <summary>A value in its indicator's kind.</summary>
    public static string Value(ValueKind kind, double value) => kind switch
    {
        ValueKind.Count => Count((long)Math.Round(value)),
        ValueKind.Percent => Percent(value),
        _ => Days(value),
    };

    /// <summary>
    /// The size of a change between two values of the kind: <c>3</c>, <c>0,5 prosentpoeng</c> (a change of a share is in
    /// points, never per cent of per cent), <c>1,2 dager</c>.
    /// </summary>
    public static string Difference(ValueKind kind, double amount) => kind switch
    {
        ValueKind.Count => Count((long)Math.Round(amount)),
        ValueKind.Percent => ValueFormat.PercentNumber(amount, Culture) + NoBreakSpace + "prosentpoeng",
        _ => Days(amount),
    };

    /// <summary>A target, which is a decimal in the indicator's own unit.</summary>
    public static string Target(ValueKind kind, decimal value) => kind switch
    {
        ValueKind.Count => Decimal(value),
        ValueKind.Percent => Decimal(value) + NoBreakSpace + "%",
        _ => Decimal(value) + NoBreakSpace + "dager",
    };

    // Every page names the 13 months of each trend; the names of this range are made once, the rest when asked.
    private static readonly Month FirstNamed = new(2000, 1);
    private static readonly string?[] MonthNames = new string?[100 * 12];

    /// <summary>A month in words: <c>desember 2024</c>.</summary>
    public static string Month(Month month)
    {
        var i = month - FirstNamed;
        if (i < 0 || i >= MonthNames.Length) return month.Start.ToString("MMMM yyyy", Culture);
        // A race only makes the same string twice.
        return MonthNames[i] ??= month.Start.ToString("MMMM yyyy", Culture);
    }

    /// <summary>A month as a column heading: <c>des. 2024</c>.</summary>
    public static string ShortMonth(Month month) => month.Start.ToString("MMM yyyy", Culture);

    /// <summary>A wait in words: <c>8 s</c>, <c>2 min 8 s</c>, <c>10 min</c>.</summary>
    public static string Duration(TimeSpan span)
    {
        var seconds = (long)Math.Ceiling(span.TotalSeconds);
        if (seconds < 60) return seconds.ToString(Culture) + NoBreakSpace + "s";
        var rest = seconds % 60;
        var minutes = (seconds / 60).ToString(Culture) + NoBreakSpace + "min";
        return rest == 0 ? minutes : minutes + " " + rest.ToString(Culture) + NoBreakSpace + "s";
    }

    /// <summary>A calendar date: <c>1. desember 2024</c>.</summary>
    public static string Date(DateOnly date) => date.ToString("d. MMMM yyyy", Culture);

    /// <summary>An instant in Norwegian time: <c>5. januar 2025 kl. 09.00</c> (Språkrådet's form).</summary>
    public static string Instant(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, OsloTime.Zone);
        return local.ToString("d. MMMM yyyy 'kl.' HH.mm", Culture);
    }
}
