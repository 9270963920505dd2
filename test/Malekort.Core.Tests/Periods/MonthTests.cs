namespace Malekort.Periods;

public sealed class MonthTests
{
    [Theory]
    [InlineData("2024-01", 2024, 1)]
    [InlineData("2023-12", 2023, 12)]
    [InlineData("0001-01", 1, 1)]
    [InlineData("9999-12", 9999, 12)]
    public void Parse_reads_year_and_month(string text, int year, int number)
    {
        var month = Month.Parse(text);

        Assert.Equal(new Month(year, number), month);
        Assert.Equal(text, month.ToString());
    }

    [Theory]
    [InlineData("2024-13")]
    [InlineData("2024-00")]
    [InlineData("2024-1")]
    [InlineData("2024/01")]
    [InlineData("24-01")]
    [InlineData("+024-01")]
    [InlineData(" 2024-01")]
    [InlineData("0000-01")]
    [InlineData("")]
    public void Parse_rejects_what_is_not_YYYY_MM(string text)
    {
        Assert.False(Month.TryParse(text, out _));
        var error = Assert.Throws<FormatException>(() => Month.Parse(text));
        Assert.Contains("ÅÅÅÅ-MM", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Consecutive_months_have_consecutive_indexes_across_new_year()
    {
        Assert.Equal(new Month(2024, 1).Index, new Month(2023, 12).Index + 1);
        Assert.Equal(new Month(2024, 1), Month.FromIndex(new Month(2023, 12).Index + 1));
    }

    [Theory]
    [InlineData("2024-03", -11, "2023-04")]
    [InlineData("2024-03", -12, "2023-03")]
    [InlineData("2024-01", -1, "2023-12")]
    [InlineData("2023-12", 1, "2024-01")]
    [InlineData("2024-05", 0, "2024-05")]
    [InlineData("2024-01", 25, "2026-02")]
    public void Plus_moves_by_whole_months(string from, int by, string expected)
    {
        Assert.Equal(Month.Parse(expected), Month.Parse(from).Plus(by));
        Assert.Equal(by, Month.Parse(expected) - Month.Parse(from));
    }

    [Theory]
    [InlineData("2024-02", "2024-02-01", "2024-02-29")]
    [InlineData("2023-02", "2023-02-01", "2023-02-28")]
    [InlineData("2000-02", "2000-02-01", "2000-02-29")]
    [InlineData("1900-02", "1900-02-01", "1900-02-28")]
    [InlineData("2024-04", "2024-04-01", "2024-04-30")]
    [InlineData("2024-12", "2024-12-01", "2024-12-31")]
    public void Start_and_end_are_the_first_and_last_day_including_leap_februaries(string month, string start, string end)
    {
        var m = Month.Parse(month);

        Assert.Equal(TestBatch.D(start), m.Start);
        Assert.Equal(TestBatch.D(end), m.End);
        Assert.True(m.Contains(m.Start));
        Assert.True(m.Contains(m.End));
        Assert.False(m.Contains(m.End.AddDays(1)));
        Assert.False(m.Contains(m.Start.AddDays(-1)));
        Assert.Equal(m, Month.Of(m.End));
    }

    [Fact]
    public void Months_order_by_time()
    {
        var months = new[] { Month.Parse("2024-01"), Month.Parse("2023-12"), Month.Parse("2024-02") };

        Assert.Equal(["2023-12", "2024-01", "2024-02"], months.Order().Select(m => m.ToString()));
        Assert.True(Month.Parse("2023-12") < Month.Parse("2024-01"));
        Assert.True(Month.Parse("2024-01") >= Month.Parse("2024-01"));
    }

    [Fact]
    public void Constructor_rejects_month_thirteen()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Month(2024, 13));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Month(2024, 0));
    }
}
