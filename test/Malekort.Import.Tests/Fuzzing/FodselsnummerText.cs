using Malekort.Import.Pseudonyms;

namespace Malekort.Import.Fuzzing;

/// <summary>Finds fødselsnummer text: a run of exactly 11 digits (not part of a longer number) with valid check digits.</summary>
internal static class FodselsnummerText
{
    /// <summary>The first fødselsnummer in the text, or <c>null</c>.</summary>
    public static string? Find(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var digit = i < text.Length && char.IsAsciiDigit(text[i]);
            if (digit && start < 0) start = i;
            if (digit || start < 0) continue;
            if (i - start == Fodselsnummer.Length && Fodselsnummer.IsValid(text.AsSpan(start, Fodselsnummer.Length)))
                return text.Substring(start, Fodselsnummer.Length);
            start = -1;
        }
        return null;
    }

    /// <summary>
    /// Whether a person key is a pseudonym as <see cref="Pseudonymizer"/> makes them (<c>p</c> and 32 hex digits), whose
    /// hex digits may by chance hold 11 decimal digits in a row.
    /// </summary>
    public static bool IsPseudonym(string key) =>
        key.Length == Pseudonymizer.PseudonymLength && key[0] == 'p' && key.AsSpan(1).ContainsAnyExcept("0123456789abcdef") is false;
}
