using Malekort.Periods;

namespace Malekort.Web.Capture;

public sealed class MonthlyScheduleTests
{
    private static List<DateTimeOffset> Occurrences(MonthlySchedule schedule, DateTimeOffset from, DateTimeOffset to)
    {
        var found = new List<DateTimeOffset>();
        for (var next = schedule.NextAfter(from); next is { } due && due < to; next = schedule.NextAfter(due)) found.Add(due);
        return found;
    }

    [Fact]
    public void The_fifth_at_six_fires_once_a_month_at_six_Oslo_time_in_winter_and_summer()
    {
        var schedule = MonthlySchedule.Parse("0 6 5 * *");

        var runs = Occurrences(schedule, new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(12, runs.Count);
        Assert.All(runs, r => Assert.Equal(new TimeOnly(6, 0), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(r, OsloTime.Zone).DateTime)));
        Assert.All(runs, r => Assert.Equal(5, TimeZoneInfo.ConvertTime(r, OsloTime.Zone).Day));
        // 06:00 in Oslo is 05:00 UTC in winter (CET) and 04:00 UTC in summer (CEST).
        Assert.Equal(5, runs[2].UtcDateTime.Hour);
        Assert.Equal(4, runs[3].UtcDateTime.Hour);
        Assert.Equal(4, runs[9].UtcDateTime.Hour);
        Assert.Equal(5, runs[10].UtcDateTime.Hour);
    }

    [Fact]
    public void A_time_in_the_spring_gap_fires_once_just_after_it()
    {
        // 31 March 2024: Oslo's clocks go from 02:00 to 03:00, so 02:30 does not exist that night.
        var schedule = MonthlySchedule.Parse("30 2 31 * *");

        var runs = Occurrences(schedule, new DateTimeOffset(2024, 3, 30, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 4, 2, 0, 0, 0, TimeSpan.Zero));

        var run = Assert.Single(runs);
        Assert.Equal(new DateTimeOffset(2024, 3, 31, 1, 0, 0, TimeSpan.Zero), run);
    }

    [Fact]
    public void A_time_that_happens_twice_in_autumn_fires_once()
    {
        // 27 October 2024: Oslo's clocks go from 03:00 back to 02:00, so 02:30 happens twice that night.
        var schedule = MonthlySchedule.Parse("30 2 27 * *");

        var runs = Occurrences(schedule, new DateTimeOffset(2024, 10, 26, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 10, 28, 0, 0, 0, TimeSpan.Zero));

        var run = Assert.Single(runs);
        Assert.Equal(new DateTimeOffset(2024, 10, 27, 0, 30, 0, TimeSpan.Zero), run);
    }

    [Theory]
    [InlineData("2025-01-05T05:00:00Z", "2024-12")]
    [InlineData("2024-12-31T23:30:00Z", "2024-12")]
    [InlineData("2024-03-01T00:00:00Z", "2024-02")]
    public void A_run_publishes_the_month_before_it_in_Oslo(string occurrence, string month) =>
        // 23:30 UTC on 31 December is already 1 January in Oslo.
        Assert.Equal(Month.Parse(month),
            MonthlySchedule.MonthPublishedAt(DateTimeOffset.Parse(occurrence, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("hver måned")]
    [InlineData("0 6 5 *")]
    [InlineData("0 25 5 * *")]
    public void An_expression_that_is_not_cron_is_refused_in_Norwegian(string expression)
    {
        var error = Assert.Throws<FormatException>(() => MonthlySchedule.Parse(expression));
        Assert.Contains("er ikke et cron-uttrykk", error.Message, StringComparison.Ordinal);
    }
}
