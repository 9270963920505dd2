using System.Globalization;

namespace Malekort.Export;

/// <summary>
/// The cells of every CSV file Målekort writes for people to open (exports, not capture batches): RFC 4180 quoting, and no
/// cell a spreadsheet would run as a formula. A text cell that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or
/// a carriage return gets a leading apostrophe (OWASP's advice against CSV injection), so a unit name or a finding that
/// someone typed as <c>=HYPERLINK(…)</c> is shown as the text it is. Numbers are written by <see cref="Number(long?)"/> and
/// its siblings, invariant and unguarded: −5 stays a number.
/// </summary>
public static class CsvCells
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];
    private static readonly char[] NeedsQuotes = [',', '"', '\n', '\r'];

    /// <summary>A text cell, guarded and quoted as needed; empty for null.</summary>
    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var guarded = Array.IndexOf(FormulaStarts, value[0]) >= 0 ? "'" + value : value;
        return guarded.IndexOfAny(NeedsQuotes) >= 0 ? "\"" + guarded.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : guarded;
    }

    /// <summary>An integer cell; empty for null (not captured), never 0 in its place.</summary>
    public static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <summary>A decimal cell rounded to <paramref name="decimals"/> places, invariant; empty for null.</summary>
    public static string Number(double? value, int decimals) =>
        value is { } v ? Math.Round(v, decimals).ToString("0." + new string('#', decimals), CultureInfo.InvariantCulture) : "";

    /// <summary>One line of cells, joined by commas, without the line end.</summary>
    public static string Row(params IEnumerable<string> cells) => string.Join(',', cells);
}
