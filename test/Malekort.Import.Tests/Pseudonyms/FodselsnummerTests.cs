namespace Malekort.Import.Pseudonyms;

// Every number here is synthetic (Skatteetaten's form, month + 80) or made by Fodselsnummer.Create; none is a real person's.
public sealed class FodselsnummerTests
{
    [Theory]
    [InlineData("14838512470")] // synthetic
    [InlineData("54838512383")] // synthetic D-number (day + 40)
    [InlineData("14438512307")] // H-number (month + 40)
    public void Numbers_with_both_control_digits_right_are_valid(string number) =>
        Assert.True(Fodselsnummer.IsValid(number));

    [Theory]
    [InlineData("14838512471")] // second control digit wrong
    [InlineData("14838512460")] // first control digit wrong
    [InlineData("1483851247")]
    [InlineData("148385124700")]
    [InlineData("1483851247a")]
    [InlineData(" 4838512470")]
    [InlineData("")]
    public void Anything_else_is_invalid(string number) =>
        Assert.False(Fodselsnummer.IsValid(number));

    [Theory]
    [InlineData("14838512470", "1985-03-14")]
    [InlineData("54838512383", "1985-03-14")] // D-number
    [InlineData("14438512307", "1985-03-14")] // H-number
    [InlineData("17859960049", "1899-05-17")] // individual 600, year 99: the 1800s
    [InlineData("31921070023", "2010-12-31")] // individual 700, year 10: the 2000s
    [InlineData("01875095028", "1950-07-01")] // individual 950, year 50: the 1900s
    [InlineData("29820450017", "2004-02-29")] // leap day
    public void Birth_date_follows_the_individual_number_ranges(string number, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Fodselsnummer.BirthDate(number));

    [Theory]
    [InlineData("01816080076")] // individual 800 with year 60 fits no century
    [InlineData("29820350187")] // 29 February 2003 does not exist
    [InlineData("14838512471")] // invalid control digits
    public void Birth_date_is_null_when_the_number_names_no_real_date(string number) =>
        Assert.Null(Fodselsnummer.BirthDate(number));

    [Fact]
    public void Created_numbers_are_valid_and_encode_their_birth_date()
    {
        var random = new Random(1854);
        for (var i = 0; i < 2000; i++)
        {
            var birth = DateOnly.FromDayNumber(random.Next(new DateOnly(1854, 1, 1).DayNumber, new DateOnly(2039, 12, 31).DayNumber + 1));
            var individual = birth.Year switch
            {
                < 1900 => random.Next(500, 750),
                < 2000 => random.Next(0, 500),
                _ => random.Next(500, 1000),
            };
            var synthetic = random.Next(2) == 0;

            var number = Fodselsnummer.Create(birth, individual, synthetic);

            Assert.True(Fodselsnummer.IsValid(number), number);
            Assert.Equal(birth, Fodselsnummer.BirthDate(number));
            var month = int.Parse(number.AsSpan(2, 2), provider: System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(birth.Month + (synthetic ? 80 : 0), month);
        }
    }

    [Fact]
    public void Create_moves_to_the_next_individual_number_when_a_control_digit_would_be_10()
    {
        // 14.03.1985 (synthetic) with individual 123 gives a control digit of 10; 124 is the next that works.
        Assert.Equal("14838512470", Fodselsnummer.Create(new DateOnly(1985, 3, 14), 123, synthetic: true));
    }

    [Theory]
    [InlineData(1985, 600)] // 500–749 is the 1800s when the year is 54–99
    [InlineData(2010, 100)] // 000–499 is always the 1900s
    [InlineData(1853, 600)]
    [InlineData(2040, 600)]
    [InlineData(1985, 1000)]
    public void Create_refuses_an_individual_number_outside_the_birth_years_range(int year, int individual) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Fodselsnummer.Create(new DateOnly(year, 6, 1), individual, synthetic: true));
}
