using System.Globalization;
using Malekort.Periods;

namespace Malekort.Cli.Synthetic;

public sealed class BatchPlanTests
{
    [Theory]
    // Two years: last year's extract runs into March and is superseded there by this year's.
    [InlineData("2023-01", "2024-12",
        "2023-01-01..2024-03-31@2024-04-02T05:00:00Z|2024-01-01..2024-12-31@2025-01-06T05:00:00Z")]
    [InlineData("2022-01", "2024-12",
        "2022-01-01..2023-03-31@2023-04-03T05:00:00Z|2023-01-01..2024-03-31@2024-04-02T05:00:00Z|2024-01-01..2024-12-31@2025-01-06T05:00:00Z")]
    // A range that stops in March: no overlap, so no two extracts share a day and an extraction time.
    [InlineData("2023-07", "2024-03", "2023-07-01..2023-12-31@2024-01-08T05:00:00Z|2024-01-01..2024-03-31@2024-04-02T05:00:00Z")]
    [InlineData("2024-05", "2024-08", "2024-05-01..2024-08-31@2024-09-02T05:00:00Z")]
    public void Months_split_into_overlapping_yearly_extracts(string first, string last, string expected)
    {
        var plan = BatchPlan.Yearly(new MonthRange(Month.Parse(first), Month.Parse(last)));

        Assert.Equal(expected, string.Join('|', plan.Select(b => string.Create(CultureInfo.InvariantCulture,
            $"{b.From:yyyy-MM-dd}..{b.To:yyyy-MM-dd}@{b.ExtractedAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}"))));
    }

    [Fact]
    public void Every_extract_is_made_on_a_weekday_after_its_period_and_newer_ones_come_later()
    {
        var plan = BatchPlan.Yearly(new MonthRange(new Month(2015, 1), new Month(2030, 12)));

        Assert.All(plan, b =>
        {
            Assert.True(b.KnownBefore > b.To);
            Assert.DoesNotContain(b.KnownBefore.DayOfWeek, new[] { DayOfWeek.Saturday, DayOfWeek.Sunday });
        });
        Assert.True(plan.Zip(plan.Skip(1)).All(p => p.First.ExtractedAt < p.Second.ExtractedAt));
    }

    [Fact]
    public void A_monthly_tail_ends_the_yearly_extracts_before_it_and_delivers_each_month_after_it_ends()
    {
        var plan = BatchPlan.WithMonthlyTail(new MonthRange(new Month(2023, 1), new Month(2024, 12)), 2);

        Assert.Equal("2023-01-01..2024-03-31@2024-04-02T05:00:00Z|2024-01-01..2024-10-31@2024-11-04T05:00:00Z|"
            + "2024-11-01..2024-11-30@2024-12-02T05:00:00Z|2024-12-01..2024-12-31@2025-01-06T05:00:00Z",
            string.Join('|', plan.Select(b => string.Create(CultureInfo.InvariantCulture,
                $"{b.From:yyyy-MM-dd}..{b.To:yyyy-MM-dd}@{b.ExtractedAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}"))));
    }

    [Fact]
    public void No_monthly_tail_is_the_yearly_plan()
    {
        var months = new MonthRange(new Month(2022, 1), new Month(2024, 12));

        Assert.Equal(BatchPlan.Yearly(months), BatchPlan.WithMonthlyTail(months, 0));
    }
}
