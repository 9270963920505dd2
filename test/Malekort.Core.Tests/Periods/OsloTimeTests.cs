namespace Malekort.Periods;

public sealed class OsloTimeTests
{
    [Theory]
    // Winter time (UTC+1): 23:30 UTC on 31 January is 00:30 on 1 February in Oslo.
    [InlineData("2024-01-31T23:30:00Z", "2024-02")]
    [InlineData("2024-01-31T22:59:59Z", "2024-01")]
    [InlineData("2024-01-31T23:00:00Z", "2024-02")]
    // Summer time (UTC+2): 22:30 UTC on 31 May is 00:30 on 1 June.
    [InlineData("2024-05-31T22:30:00Z", "2024-06")]
    [InlineData("2024-05-31T21:59:59Z", "2024-05")]
    // New Year.
    [InlineData("2023-12-31T23:15:00Z", "2024-01")]
    public void MonthOf_is_the_month_in_Oslo_not_in_UTC(string instant, string expected)
    {
        var at = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(Month.Parse(expected), OsloTime.MonthOf(at));
    }

    [Fact]
    public void CurrentMonth_reads_the_injected_clock()
    {
        var clock = new FixedClock(new DateTimeOffset(2024, 2, 29, 23, 30, 0, TimeSpan.Zero));

        Assert.Equal(Month.Parse("2024-03"), OsloTime.CurrentMonth(clock));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
