using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;
using Malekort.Import.Pseudonyms;

namespace Malekort.Web.Operations;

/// <summary>
/// The logs' safety net: whatever a message, a property or an exception says, a run of eleven or more digits (a fødselsnummer,
/// also written 6+5 with a space, dot or dash), a run of ten that is a fødselsnummer without its leading zero (as a number
/// stores one born on the 1st to the 9th) and a pseudonym (<c>p</c> and 32 hex digits) are masked before any sink sees
/// them. Log messages are written not to hold person data in the first place; this catches the one that slips through,
/// such as a reader's finding that quotes a rejected value.
/// </summary>
internal static partial class PersonDataRedaction
{
    /// <summary>What an eleven-digit number becomes.</summary>
    public const string NumberMask = "***********";

    /// <summary>What a pseudonym becomes.</summary>
    public const string PseudonymMask = "p********************************";

    /// <summary>The text with every fødselsnummer-like number and pseudonym masked.</summary>
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!MightHoldPersonData(text)) return text;
        // Pseudonyms first: their hex digits can hold a digit run, and masking that first would leave the rest of the pseudonym.
        var masked = Pseudonyms().Replace(text, PseudonymMask);
        masked = Numbers().Replace(masked, m => new string('*', m.Length));
        return TenDigits().Replace(masked, m => Fodselsnummer.IsValid("0" + m.Value) ? new string('*', m.Length) : m.Value);
    }

    /// <summary>
    /// A log property's value, redacted. Values that print without person data are kept as they are (numbers stay numbers);
    /// anything else becomes its redacted invariant text, which is what a formatter would write for it anyway.
    /// </summary>
    public static object? RedactValue(object? value)
    {
        switch (value)
        {
            case null or bool or DateTime or DateTimeOffset or DateOnly or TimeSpan or Guid:
                return value;
            case string s:
                return Redact(s);
            case IEnumerable sequence and not IFormattable:
                return Redact(string.Join(", ", sequence.Cast<object?>().Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))));
            default:
                var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
                var redacted = Redact(text);
                return string.Equals(text, redacted, StringComparison.Ordinal) ? value : redacted;
        }
    }

    // A quick test so the common log line (no long digit run, no 'p') skips the regular expressions.
    private static bool MightHoldPersonData(string text)
    {
        var digits = 0;
        foreach (var c in text)
        {
            if (c is 'p' or 'P') return true;
            digits = char.IsAsciiDigit(c) ? digits + 1 : (c is ' ' or '.' or '-' && digits == 6 ? digits : 0);
            if (digits >= 10) return true;
        }
        return false;
    }

    // Eleven or more digits in a row, or six and five with one separator, not inside a longer digit run.
    [GeneratedRegex(@"(?<!\d)(?:\d{11,}|\d{6}[ .\-]\d{5})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Numbers();

    // Only ten digits that would be a valid fødselsnummer with a leading zero are masked, not every ten-digit figure.
    [GeneratedRegex(@"(?<!\d)\d{10}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex TenDigits();

    [GeneratedRegex("p[0-9a-f]{32}", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Pseudonyms();
}
