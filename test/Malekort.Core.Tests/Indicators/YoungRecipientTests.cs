namespace Malekort.Indicators;

/// <summary>BL153: recipients aged ≤ 24 on the last day of the month.</summary>
public sealed class YoungRecipientTests
{
    [Theory]
    // Turns 25 on 15 January 2024: under 25 in December, not in January.
    [InlineData("1999-01-15", "2023-12", 1)]
    [InlineData("1999-01-15", "2024-01", 0)]
    // Born on the last day of the month: 25 on M.end itself.
    [InlineData("1999-01-31", "2024-01", 0)]
    [InlineData("1999-01-31", "2023-12", 1)]
    // Turns 25 on the first day of the next month: still 24 at the end of this one.
    [InlineData("1999-02-01", "2024-01", 1)]
    [InlineData("1999-02-01", "2024-02", 0)]
    // Born 29 February 2000: 24 on 28 February 2025, 25 at the end of March 2025.
    [InlineData("2000-02-29", "2025-02", 1)]
    [InlineData("2000-02-29", "2025-03", 0)]
    // Children receiving count too: "under 25" has no lower limit.
    [InlineData("2008-06-01", "2024-01", 1)]
    public void Age_is_taken_on_the_last_day_of_the_month(string birth, string month, long expected)
    {
        var r = new TestBatch(to: "2025-12-31").Person("a", birth).PaidIn("a", month).Compute(month, month);

        Assert.Equal(1, r.Count("BL151", month));
        Assert.Equal(expected, r.Count("BL153", month));
    }
}
