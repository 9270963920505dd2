namespace Malekort.Import.Fuzzing;

/// <summary>Values that break parsers more often than random bytes do: limits, look-alikes, encodings and shapes.</summary>
internal static class EdgeValues
{
    /// <summary>A synthetic fødselsnummer (month + 80, valid check digits), one of the capture fixture's.</summary>
    public const string SyntheticFnr = "14838512470";

    /// <summary>Cell values for CSV and fixed-width text.</summary>
    public static readonly string[] Cells =
    [
        "", " ", "  ", "-0", "0", "00", "-1", "1", "+5", " 5", "5 ", "1.5", "1,5", "1 000", "1e3", "1E-5", "0x1F",
        "NaN", "Infinity", "-Infinity", "1e400", "-1e400",
        "99999999999999999999999999", "-99999999999999999999", "9223372036854775807", "9223372036854775808",
        "2147483647", "2147483648", "-2147483649", "0.0000000000000000000000000001", "79228162514264337593543950336",
        "2024-02-30", "0000-00-00", "2023-02-29", "2024-02-29", "9999-12-31", "0001-01-01", "2024-13-01", "2024-1-1",
        "24-01-01", "2024/01/01", "01.01.2024", "2024-01-01T00:00:00Z", "31122024", "00000000", "311224",
        "true", "false", "TRUE", "null", "ja", "nei",
        "\"", "\"\"", "a\"b", "\"quoted\"", "\"a,b\"", "\"a\nb\"", "\r\n", "\n", "\r", "\t", "\0", "\u0001",
        "é", "æøå", "ÆØÅ", "\uFFFD", "\u00A0", "\u200B", "💥", "\uFEFF",
        SyntheticFnr, "1483851247", "148385124700", "02919023441", "12345678901", "41838512470",
        "K-3107", "3107", "3103", "0301", "030112", "030101a", "9999", "31", "0", "Rest",
        "..", ".", ":", "...", "-", "…", "105+", "999", "T",
        "UTBETALT", "PLANLAGT", "BARN", "ORDINAER", "OKONOMISK_SOSIALHJELP", "P001", "P999", "LIVOPP", "OKSOS",
        "01|04", "||", "|", "01|99",
        "%s%n", "{0}", "<script>", "'; DROP TABLE", "../../etc/passwd", "C:\\con",
    ];

    /// <summary>Raw JSON texts to put where a value stood: wrong types, limits, and shapes that stress a JSON parser.</summary>
    public static readonly string[] Json =
    [
        "null", "true", "false", "0", "-0", "-1", "1.5", "1e400", "-1e400", "1E+2", "99999999999999999999999999999",
        "9223372036854775808", "2147483648", "0.0000000000000000000000000000001", "NaN", "Infinity", "\"NaN\"",
        "\"\"", "\" \"", "\"2024-02-30\"", "\"0000-00-00\"", "\"2024-02-29T24:00:00Z\"", "\"9999-12-31T23:59:59Z\"",
        "\"" + SyntheticFnr + "\"", SyntheticFnr, "\"\\u0000\"", "\"\\ud800\"", "\"💥\"", "\"é\"",
        "[]", "{}", "[null]", "[[]]", "{\"\":{}}", "\"x\"", "[1,2,3]", "{\"a\":1}",
        "\"" + new string('x', 10_000) + "\"",
    ];

    /// <summary>Byte sequences to insert: line ends, quotes, separators, NUL, bad UTF-8, BOMs, Latin-1 letters.</summary>
    public static readonly byte[][] Bytes =
    [
        [0x00], [0xFF], [0xC3], [0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xEF, 0xBB, 0xBF],
        [0xFE, 0xFF], [0xFF, 0xFE], [0xE6, 0xF8, 0xE5], [0xC3, 0xA6], [(byte)'\r'], [(byte)'\n'], [(byte)'\r', (byte)'\n'],
        [(byte)'"'], [(byte)','], [(byte)';'], [(byte)'|'], [(byte)'{'], [(byte)'}'], [(byte)'['], [(byte)']'],
        [(byte)':'], [(byte)'\\'], [(byte)'\t'], [(byte)' '], [(byte)'-'], [(byte)'0'], [(byte)'9'], [(byte)'.'],
    ];

    /// <summary>A very deep JSON nesting, past any sensible reader's depth limit.</summary>
    public static string DeepJson(int depth) => new string('[', depth) + new string(']', depth);

    /// <summary>A JSON array of many numbers.</summary>
    public static string HugeJsonArray(int length) => "[" + string.Join(',', Enumerable.Repeat("0", length)) + "]";
}
