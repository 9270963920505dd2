using Malekort.Import.Pseudonyms;

namespace Malekort.Import.Kostra;

/// <summary>The person numbers a KOSTRA record carries: fødselsnummer (SSB rule 005) and DUF number (rule 038).</summary>
internal static class PersonNumbers
{
    private static readonly int[] DufWeights = [4, 6, 3, 2, 4, 6, 3, 2, 7, 5];

    /// <summary>
    /// Rule 005's test: 11 digits that are a mod-11 valid number, or an "adapted" number (tilpasset fødselsnummer) whose
    /// first six digits are a real date and whose last five are <c>00100</c>, <c>00200</c> or <c>99999</c>
    /// (SSB's <c>isValidSocialSecurityIdOrDnr</c>: birth date known, person number not).
    /// </summary>
    public static bool IsFnrOrAdapted(ReadOnlySpan<char> number) => Fodselsnummer.IsValid(number) || IsAdapted(number);

    /// <summary>An adapted number: the birth date is real but the number identifies nobody, so it is never a person key.</summary>
    public static bool IsAdapted(ReadOnlySpan<char> number)
    {
        if (number.Length != Fodselsnummer.Length || !AllDigits(number)) return false;
        var suffix = number[6..];
        if (!suffix.SequenceEqual("00100") && !suffix.SequenceEqual("00200") && !suffix.SequenceEqual("99999")) return false;
        var day = Two(number, 0);
        var month = Two(number, 2);
        var year = Two(number, 4);
        if (day > 40) day -= 40; // D-number
        if (month > 80) month -= 80; // Skatteetaten's synthetic numbers
        // Individual number 001/002 → 1900–1999; 999 → 2000–2039 or 1940–1999 (Skatteetaten's ranges, as SSB uses them).
        var fullYear = suffix[0] == '9' && year <= 39 ? 2000 + year : 1900 + year;
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(fullYear, month);
    }

    /// <summary>
    /// Rule 038's DUF check: 12 digits whose last two are the weighted sum of the first ten (4,6,3,2,4,6,3,2,7,5) mod 11.
    /// </summary>
    public static bool IsValidDuf(ReadOnlySpan<char> duf)
    {
        if (duf.Length != 12 || !AllDigits(duf)) return false;
        var sum = 0;
        for (var i = 0; i < DufWeights.Length; i++) sum += (duf[i] - '0') * DufWeights[i];
        return Two(duf, 10) == sum % 11;
    }

    /// <summary>A value as a message may show it: anything with 11 or more digits could identify a person and is never shown.</summary>
    public static string Shown(ReadOnlySpan<char> value)
    {
        var digits = 0;
        foreach (var c in value)
        {
            if (c is >= '0' and <= '9' && ++digits >= Fodselsnummer.Length)
                return "(verdien vises ikke fordi den kan identifisere en person)";
        }
        return $"«{value}»";
    }

    private static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9') return false;
        }
        return true;
    }

    private static int Two(ReadOnlySpan<char> text, int at) => (text[at] - '0') * 10 + (text[at + 1] - '0');
}
