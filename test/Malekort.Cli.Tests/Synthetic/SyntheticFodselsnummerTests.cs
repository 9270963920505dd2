using Malekort.Capture;
using Malekort.Import.Pseudonyms;

namespace Malekort.Cli.Synthetic;

public sealed class SyntheticFodselsnummerTests
{
    [Theory]
    [InlineData("1944-02-29", Sex.Woman)]
    [InlineData("1985-07-14", Sex.Man)]
    [InlineData("1999-12-31", Sex.Woman)]
    [InlineData("2006-01-01", Sex.Man)]
    public void Numbers_are_in_the_synthetic_form_with_valid_check_digits_and_the_persons_sex(string birth, Sex sex)
    {
        var date = DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture);

        var fnr = new SyntheticFodselsnummer().Next(date, sex);

        Assert.True(CaptureRules.SyntheticNumber(fnr, date, sex == Sex.Man ? "1" : "2"), fnr);
        Assert.True(Fodselsnummer.IsValid(fnr));
    }

    [Fact]
    public void Hundreds_of_persons_born_the_same_day_get_distinct_numbers()
    {
        var allocator = new SyntheticFodselsnummer();
        var birth = new DateOnly(1988, 3, 15);

        var numbers = Enumerable.Range(0, 400).Select(i => allocator.Next(birth, i % 2 == 0 ? Sex.Man : Sex.Woman)).ToList();

        Assert.Equal(400, numbers.Distinct(StringComparer.Ordinal).Count());
        Assert.All(numbers, n => Assert.True(Fodselsnummer.IsValid(n), n));
    }

    [Fact]
    public void Individual_numbers_follow_the_birth_century()
    {
        var allocator = new SyntheticFodselsnummer();

        var born2005 = Enumerable.Range(0, 50).Select(_ => int.Parse(allocator.Next(new DateOnly(2005, 6, 1), Sex.Woman)[6..9],
            System.Globalization.CultureInfo.InvariantCulture)).ToList();
        // More than 000–499 holds for one day and sex, so the 1940–1999 extension 900–999 comes into use.
        var born1970 = Enumerable.Range(0, 230).Select(_ => int.Parse(allocator.Next(new DateOnly(1970, 6, 1), Sex.Woman)[6..9],
            System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.All(born2005, i => Assert.InRange(i, 500, 999));
        Assert.All(born1970, i => Assert.True(i is < 500 or >= 900, i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains(born1970, i => i >= 900);
    }

    [Fact]
    public void A_changed_digit_breaks_the_check_digits()
    {
        var fnr = new SyntheticFodselsnummer().Next(new DateOnly(1990, 10, 5), Sex.Man);
        var changed = fnr[..4] + (char)('0' + (fnr[4] - '0' + 1) % 10) + fnr[5..];

        Assert.False(Fodselsnummer.IsValid(changed));
    }
}
