namespace Malekort.Periods;

public sealed class MonthRangeTests
{
    [Fact]
    public void Window_is_the_twelve_months_ending_in_the_month()
    {
        var window = MonthRange.Window(Month.Parse("2024-03"));

        Assert.Equal(Month.Parse("2023-04"), window.First);
        Assert.Equal(Month.Parse("2024-03"), window.Last);
        Assert.Equal(12, window.Count);
        Assert.False(window.Contains(Month.Parse("2023-03")));
    }

    [Fact]
    public void Months_lists_every_month_in_order_across_new_year()
    {
        var range = new MonthRange(Month.Parse("2023-11"), Month.Parse("2024-02"));

        Assert.Equal(["2023-11", "2023-12", "2024-01", "2024-02"], range.Months().Select(m => m.ToString()));
    }

    [Fact]
    public void A_range_ending_before_it_starts_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new MonthRange(Month.Parse("2024-02"), Month.Parse("2024-01")));
    }
}
