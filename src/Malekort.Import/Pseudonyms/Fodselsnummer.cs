using static System.FormattableString;

namespace Malekort.Import.Pseudonyms;

/// <summary>
/// Norwegian fødselsnummer and D-numbers: the mod-11 check, the birth date they encode, and synthetic numbers for tests.
/// Accepts D-numbers (day + 40), H-numbers (month + 40) and Skatteetaten's synthetic numbers (month + 80).
/// </summary>
public static class Fodselsnummer
{
    /// <summary>The number of digits.</summary>
    public const int Length = 11;

    private static readonly int[] FirstWeights = [3, 7, 6, 1, 8, 9, 4, 5, 2];
    private static readonly int[] SecondWeights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

    /// <summary>Whether the text is 11 digits whose two control digits are right.</summary>
    public static bool IsValid(ReadOnlySpan<char> number) => Problem(number) == FodselsnummerProblem.None;

    /// <summary>
    /// The birth date the number encodes, or <c>null</c> when the number is not valid, its date is not a real date,
    /// or its individual number fits no century.
    /// </summary>
    public static DateOnly? BirthDate(string number)
    {
        if (number is null || !IsValid(number)) return null;
        var span = number.AsSpan();
        var day = TwoDigits(span, 0);
        var month = TwoDigits(span, 2);
        var year = TwoDigits(span, 4);
        var individual = TwoDigits(span, 6) * 10 + (span[8] - '0');
        if (day > 40) day -= 40; // D-number
        if (month > 80) month -= 80; // Skatteetaten's synthetic numbers
        else if (month > 40) month -= 40; // H-number
        var century = Century(individual, year);
        if (century is null || month is < 1 or > 12) return null;
        var fullYear = century.Value + year;
        if (day < 1 || day > DateTime.DaysInMonth(fullYear, month)) return null;
        return new DateOnly(fullYear, month, day);
    }

    /// <summary>
    /// A valid number for the birth date. When <paramref name="individual"/> gives a control digit of 10 the next
    /// individual number that fits the century is tried, so the result is always valid.
    /// </summary>
    /// <param name="birth">The birth date, 1854–2039.</param>
    /// <param name="individual">The individual number (000–999), in a range that matches the birth year's century.</param>
    /// <param name="synthetic">Whether to make Skatteetaten's synthetic form (month + 80), which no real person has.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The year is outside 1854–2039, or the individual number does not fit its century.
    /// </exception>
    public static string Create(DateOnly birth, int individual, bool synthetic)
    {
        if (birth.Year is < 1854 or > 2039)
            throw new ArgumentOutOfRangeException(nameof(birth), birth, "Fødselsnummer finnes bare for årene 1854–2039.");
        if (individual is < 0 or > 999 || !FitsCentury(individual, birth.Year))
            throw new ArgumentOutOfRangeException(nameof(individual), individual,
                Invariant($"Individnummer {individual} passer ikke med fødselsåret {birth.Year}."));
        Span<int> digits = stackalloc int[Length];
        var month = birth.Month + (synthetic ? 80 : 0);
        for (var step = 0; step < 1000; step++)
        {
            var candidate = (individual + step) % 1000;
            if (!FitsCentury(candidate, birth.Year)) continue;
            SetTwoDigits(digits, 0, birth.Day);
            SetTwoDigits(digits, 2, month);
            SetTwoDigits(digits, 4, birth.Year % 100);
            digits[6] = candidate / 100;
            digits[7] = candidate / 10 % 10;
            digits[8] = candidate % 10;
            var first = ControlDigit(digits[..9], FirstWeights);
            if (first < 0) continue;
            digits[9] = first;
            var second = ControlDigit(digits[..10], SecondWeights);
            if (second < 0) continue;
            digits[10] = second;
            return string.Create(Length, digits.ToArray(), static (chars, d) =>
            {
                for (var i = 0; i < chars.Length; i++) chars[i] = (char)('0' + d[i]);
            });
        }
        // Every century range holds individual numbers with valid control digits, so this is unreachable.
        throw new InvalidOperationException(Invariant($"Fant ikke noe gyldig individnummer for {birth:yyyy-MM-dd}."));
    }

    /// <summary>What is wrong with a would-be number, so a message can say why without showing the number.</summary>
    internal static FodselsnummerProblem Problem(ReadOnlySpan<char> number)
    {
        if (number.Length != Length) return FodselsnummerProblem.WrongLength;
        Span<int> digits = stackalloc int[Length];
        for (var i = 0; i < Length; i++)
        {
            var c = number[i];
            if (c is < '0' or > '9') return FodselsnummerProblem.NotDigits;
            digits[i] = c - '0';
        }
        return ControlDigit(digits[..9], FirstWeights) == digits[9] && ControlDigit(digits[..10], SecondWeights) == digits[10]
            ? FodselsnummerProblem.None
            : FodselsnummerProblem.ControlDigits;
    }

    /// <summary>The mod-11 control digit, or -1 when the remainder is 1 (no valid digit).</summary>
    private static int ControlDigit(ReadOnlySpan<int> digits, int[] weights)
    {
        var sum = 0;
        for (var i = 0; i < weights.Length; i++) sum += digits[i] * weights[i];
        var control = 11 - sum % 11;
        return control switch
        {
            11 => 0,
            10 => -1,
            _ => control,
        };
    }

    // The individual number ranges per century (Skatteetaten): 000–499 1900–1999; 500–749 1854–1899;
    // 500–999 2000–2039; 900–999 1940–1999.
    private static int? Century(int individual, int year) => individual switch
    {
        <= 499 => 1900,
        <= 749 when year >= 54 => 1800,
        _ when year <= 39 => 2000,
        >= 900 when year >= 40 => 1900,
        _ => null,
    };

    private static bool FitsCentury(int individual, int fullYear) =>
        Century(individual, fullYear % 100) == fullYear - fullYear % 100;

    private static int TwoDigits(ReadOnlySpan<char> text, int at) => (text[at] - '0') * 10 + (text[at + 1] - '0');

    private static void SetTwoDigits(Span<int> digits, int at, int value)
    {
        digits[at] = value / 10;
        digits[at + 1] = value % 10;
    }
}

/// <summary>Why a text is not a valid fødselsnummer.</summary>
internal enum FodselsnummerProblem
{
    None,
    WrongLength,
    NotDigits,
    ControlDigits,
}
