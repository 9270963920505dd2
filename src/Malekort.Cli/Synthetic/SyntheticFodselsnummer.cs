using System.Globalization;
using Malekort.Capture;
using Malekort.Import.Pseudonyms;

namespace Malekort.Cli.Synthetic;

/// <summary>
/// Hands out distinct fødselsnumre in Skatteetaten's synthetic form (birth month + 80), with valid mod-11 check
/// digits (<see cref="Fodselsnummer.Create"/>), so no generated number can belong to a real person. Individual
/// numbers follow the century rules and the sex rule (odd third individual digit = man).
/// </summary>
internal sealed class SyntheticFodselsnummer
{
    // Next individual number to try, per birth day and sex.
    private readonly Dictionary<(int Day, bool Man), int> next = [];

    /// <summary>A fresh number for a person born on <paramref name="birth"/>.</summary>
    /// <exception cref="InvalidOperationException">Every individual number for that day and sex is taken.</exception>
    public string Next(DateOnly birth, Sex sex)
    {
        var man = sex == Sex.Man;
        var key = (birth.DayNumber, man);
        var first = birth.Year >= 2000 ? 500 : 0; // 2000–2039: 500–999; 1900–1999: 000–499, then 900–999 from 1940
        var candidate = next.TryGetValue(key, out var stored) ? stored : first + (man ? 1 : 0);
        while (true)
        {
            candidate = FirstFitting(candidate, birth.Year);
            if (candidate > 999) break;
            // Create moves on to the next individual number that fits the century and has valid check digits.
            var number = Fodselsnummer.Create(birth, candidate, synthetic: true);
            var individual = int.Parse(number.AsSpan(6, 3), NumberStyles.None, CultureInfo.InvariantCulture);
            if (individual < candidate) break; // wrapped past 999: the day is full
            if (individual % 2 == (man ? 1 : 0))
            {
                next[key] = individual + 2;
                return number;
            }
            candidate = individual + 1;
        }
        throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
            $"Ingen ledige syntetiske individnumre for fødselsdato {birth:yyyy-MM-dd}."));
    }

    // Create refuses an individual number outside the birth year's ranges, so start inside them.
    private static int FirstFitting(int candidate, int year) =>
        year < 2000 && candidate is >= 500 and < 900 ? (year >= 1940 ? 900 + candidate % 2 : 1000) : candidate;
}
