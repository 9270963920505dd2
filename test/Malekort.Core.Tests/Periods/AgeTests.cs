namespace Malekort.Periods;

public sealed class AgeTests
{
    [Theory]
    // Turning 25 during the month: 25 on M.end, so no longer "under 25" in that month.
    [InlineData("1999-01-15", "2024-01", 25)]
    [InlineData("1999-01-15", "2023-12", 24)]
    // Born on the last day of the month: the birthday is M.end itself.
    [InlineData("1999-01-31", "2024-01", 25)]
    [InlineData("1999-04-30", "2024-04", 25)]
    [InlineData("1999-04-30", "2024-03", 24)]
    // Born on the first day of the next month: still 24 at the end of the month before.
    [InlineData("1999-02-01", "2024-01", 24)]
    // 29 February: in a leap year the birthday is 29 February.
    [InlineData("2000-02-29", "2024-02", 24)]
    [InlineData("2000-02-29", "2024-01", 23)]
    // In other years the year is completed on 1 March: still 24 on 28 February 2025.
    [InlineData("2000-02-29", "2025-02", 24)]
    [InlineData("2000-02-29", "2025-03", 25)]
    public void Age_in_a_month_is_completed_years_on_its_last_day(string birth, string month, int expected)
    {
        Assert.Equal(expected, Age.InMonth(TestBatch.D(birth), Month.Parse(month)));
    }

    [Theory]
    [InlineData("2000-02-29", "2001-02-28", 0)]
    [InlineData("2000-02-29", "2001-03-01", 1)]
    [InlineData("2000-02-29", "2004-02-29", 4)]
    [InlineData("2000-03-01", "2001-02-28", 0)]
    [InlineData("2000-01-01", "2000-01-01", 0)]
    public void Someone_born_29_February_completes_the_year_on_1_March_in_other_years(string birth, string on, int expected)
    {
        Assert.Equal(expected, Age.CompletedYears(TestBatch.D(birth), TestBatch.D(on)));
    }

    [Theory]
    [InlineData("1999-01-15", 25, "2024-01")]
    [InlineData("1999-12-31", 25, "2024-12")]
    [InlineData("2000-02-29", 25, "2025-03")]
    [InlineData("2000-02-29", 24, "2024-02")]
    [InlineData("2008-02-29", 18, "2026-03")]
    [InlineData("2008-02-29", 16, "2024-02")]
    public void FirstMonthAged_is_the_month_the_birthday_is_reached_by_its_last_day(string birth, int years, string expected)
    {
        Assert.Equal(Month.Parse(expected), Age.FirstMonthAged(TestBatch.D(birth), years));
    }

    [Fact]
    public void FirstMonthAged_agrees_with_month_by_month_age_for_a_seeded_sample_of_birth_dates()
    {
        var random = new Random(20240131);
        var first = new DateOnly(1940, 1, 1).DayNumber;
        var last = new DateOnly(2024, 12, 31).DayNumber;
        var births = Enumerable.Range(0, 400).Select(_ => DateOnly.FromDayNumber(random.Next(first, last + 1)))
            // Leap days and month ends are where a shortcut goes wrong: always include some.
            .Concat([new DateOnly(2000, 2, 29), new DateOnly(1996, 2, 29), new DateOnly(2004, 2, 29), new DateOnly(1999, 1, 31),
                new DateOnly(2001, 12, 31), new DateOnly(2002, 3, 1), new DateOnly(2003, 2, 28)]);
        foreach (var birth in births)
        {
            foreach (var years in new[] { 0, 1, 17, 18, 24, 25, 66, 67 })
            {
                var expected = Month.Of(birth);
                while (Age.InMonth(birth, expected) < years) expected = expected.Plus(1);

                Assert.True(expected == Age.FirstMonthAged(birth, years), $"born {birth:O}, {years} years: expected {expected}");
            }
        }
    }
}
