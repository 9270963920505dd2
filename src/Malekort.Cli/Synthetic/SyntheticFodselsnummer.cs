using System.Globalization;
using Malekort.Capture;

namespace Malekort.Cli.Synthetic;

/// <summary>
/// Hands out distinct fødselsnumre in Skatteetaten's synthetic form (birth month + 80), with valid mod-11 check
/// digits, so no generated number can belong to a real person. Individual numbers follow the century rules
/// (1900–1999: 000–499 and, from 1940, 900–999; 2000–2039: 500–999) and the sex rule (odd = man).
/// </summary>
internal sealed class SyntheticFodselsnummer
{
    private static readonly int[] Weights1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
    private static readonly int[] Weights2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

    // Next individual number to try, per birth day and sex.
    private readonly Dictionary<(int Day, bool Man), int> next = [];

    /// <summary>A fresh number for a person born on <paramref name="birth"/>.</summary>
    /// <exception cref="InvalidOperationException">Every individual number for that day and sex is taken.</exception>
    public string Next(DateOnly birth, Sex sex)
    {
        var man = sex == Sex.Man;
        var key = (birth.DayNumber, man);
        var candidate = next.TryGetValue(key, out var stored) ? stored : FirstIndividual(birth.Year, man);
        Span<char> digits = stackalloc char[11];
        while (true)
        {
            candidate = Skip(candidate, birth.Year);
            if (candidate > 999)
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"Ingen ledige syntetiske individnumre for fødselsdato {birth:yyyy-MM-dd}."));
            if (TryCompose(birth, candidate, digits))
            {
                next[key] = candidate + 2;
                return new string(digits);
            }
            candidate += 2;
        }
    }

    /// <summary>Whether the eleven digits carry valid mod-11 check digits.</summary>
    public static bool HasValidCheckDigits(ReadOnlySpan<char> fnr)
    {
        if (fnr.Length != 11) return false;
        foreach (var c in fnr) if (c is < '0' or > '9') return false;
        return CheckDigit(fnr[..9], Weights1) == fnr[9] - '0' && CheckDigit(fnr[..10], Weights2) == fnr[10] - '0';
    }

    private static int FirstIndividual(int year, bool man)
    {
        var first = year >= 2000 ? 500 : 0;
        return man ? first + 1 : first;
    }

    // Moves past individual numbers that the birth year's century does not allow.
    private static int Skip(int individual, int year)
    {
        if (year >= 2000) return individual;
        if (individual is >= 500 and < 900) return year >= 1940 ? individual + 400 : 1000;
        return individual;
    }

    private static bool TryCompose(DateOnly birth, int individual, Span<char> digits)
    {
        Two(digits, 0, birth.Day);
        Two(digits, 2, birth.Month + 80);
        Two(digits, 4, birth.Year % 100);
        digits[6] = (char)('0' + individual / 100);
        digits[7] = (char)('0' + individual / 10 % 10);
        digits[8] = (char)('0' + individual % 10);
        var k1 = CheckDigit(digits[..9], Weights1);
        if (k1 < 0) return false;
        digits[9] = (char)('0' + k1);
        var k2 = CheckDigit(digits[..10], Weights2);
        if (k2 < 0) return false;
        digits[10] = (char)('0' + k2);
        return true;
    }

    // 11 − (weighted sum mod 11); 11 becomes 0 and 10 means "no valid number".
    private static int CheckDigit(ReadOnlySpan<char> digits, int[] weights)
    {
        var sum = 0;
        for (var i = 0; i < weights.Length; i++) sum += (digits[i] - '0') * weights[i];
        var check = 11 - sum % 11;
        return check switch
        {
            11 => 0,
            10 => -1,
            _ => check,
        };
    }

    private static void Two(Span<char> digits, int at, int value)
    {
        digits[at] = (char)('0' + value / 10);
        digits[at + 1] = (char)('0' + value % 10);
    }
}
