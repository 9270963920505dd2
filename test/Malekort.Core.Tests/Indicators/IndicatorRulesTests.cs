using Malekort.Capture;
using Malekort.Periods;

namespace Malekort.Indicators;

/// <summary>The person-level rules of <c>indicators.md</c>, each on its own, in the form the engine calls them.</summary>
public sealed class IndicatorRulesTests
{
    private static readonly Month February = Month.Parse("2024-02");

    private static bool InFebruary((int First, int Last) months) => months.First <= February.Index && February.Index <= months.Last;

    private static int Day(string date) => TestBatch.D(date).DayNumber;

    private static int EndDay(string? date) => date is null ? BatchRows.OpenEnd : Day(date);

    [Theory]
    [InlineData(BenefitCategory.OkonomiskSosialhjelp, PaymentStatus.Utbetalt, true)]
    [InlineData(BenefitCategory.OkonomiskSosialhjelp, PaymentStatus.Planlagt, false)]
    [InlineData(BenefitCategory.OkonomiskSosialhjelp, PaymentStatus.Stoppet, false)]
    [InlineData(BenefitCategory.OkonomiskSosialhjelp, PaymentStatus.Annullert, false)]
    [InlineData(BenefitCategory.Kvalifiseringsstonad, PaymentStatus.Utbetalt, false)]
    [InlineData(BenefitCategory.Annet, PaymentStatus.Utbetalt, false)]
    public void Only_paid_social_assistance_counts(BenefitCategory category, PaymentStatus status, bool expected)
    {
        Assert.Equal(expected, IndicatorRules.CountsAsSocialAssistance(category, status));
    }

    [Theory]
    [InlineData("2024-01-15", null, true, true)]
    [InlineData("2024-02-29", null, true, true)]
    [InlineData("2024-03-01", null, false, false)]
    [InlineData("2023-01-01", "2024-01-31", false, false)]
    [InlineData("2023-01-01", "2024-02-01", true, false)]
    [InlineData("2023-01-01", "2024-02-29", true, false)]
    [InlineData("2023-01-01", "2024-03-01", true, true)]
    public void KVP_participants_during_and_at_the_end_of_the_month(string start, string? end, bool during, bool atEnd)
    {
        Assert.Equal(during, InFebruary(IndicatorRules.B51Months(Day(start), EndDay(end))));
        Assert.Equal(atEnd, InFebruary(IndicatorRules.B151Months(Day(start), EndDay(end))));
    }

    [Theory]
    [InlineData("2024-02-29", null, true)]
    [InlineData("2024-03-01", null, false)]
    [InlineData("2023-01-01", "2024-02-28", false)]
    [InlineData("2023-01-01", "2024-02-29", true)]
    public void Registered_on_the_last_day_of_the_month(string from, string? to, bool expected)
    {
        Assert.Equal(expected, InFebruary(IndicatorRules.RegisteredAtEndMonths(Day(from), EndDay(to))));
    }

    [Theory]
    [InlineData("2007-02-28", true)]
    [InlineData("2006-03-01", true)]
    [InlineData("2006-02-28", false)]
    [InlineData("2024-02-29", true)]
    [InlineData("2024-03-01", false)]
    public void A_child_is_born_by_the_end_of_the_month_and_at_most_17(string birth, bool expected)
    {
        Assert.Equal(expected, InFebruary(IndicatorRules.ChildMonths(Day(birth))));
    }

    [Theory]
    [InlineData("1999-03-01", true)]
    [InlineData("1999-02-28", false)]
    [InlineData("2024-02-29", true)]
    public void Young_is_at_most_24_at_the_end_of_the_month(string birth, bool expected)
    {
        Assert.Equal(expected, February.Index <= IndicatorRules.LastYoungMonth(Day(birth)));
    }

    [Theory]
    // Bits are months; the window of month m is m-11 … m.
    [InlineData(new[] { 0, 1, 2, 3, 4, 5 }, 5, true)]
    [InlineData(new[] { 0, 1, 2, 3, 4, 5 }, 4, false)]
    [InlineData(new[] { 0, 1, 2, 3, 4, 5 }, 11, true)]
    [InlineData(new[] { 0, 1, 2, 3, 4, 5 }, 12, false)]
    [InlineData(new[] { 0, 2, 4, 6, 8, 11 }, 11, true)]
    [InlineData(new[] { 2, 4, 6, 8, 11 }, 11, false)]
    // Across a word boundary: months 60 … 67 are in two words.
    [InlineData(new[] { 60, 61, 62, 64, 66, 67 }, 67, true)]
    [InlineData(new[] { 60, 61, 62, 64, 66, 67 }, 71, true)]
    [InlineData(new[] { 60, 61, 62, 64, 66, 67 }, 72, false)]
    public void Long_term_is_six_of_the_twelve_months_up_to_the_month(int[] paid, int month, bool expected)
    {
        var recipient = new ulong[2];
        foreach (var m in paid) MonthBits.Set(recipient, m);
        var longTerm = new ulong[2];

        IndicatorRules.LongTerm(recipient, longTerm);

        Assert.Equal(expected, (longTerm[month >> 6] & (1UL << (month & 63))) != 0);
    }

    [Fact]
    public void Long_term_agrees_with_counting_the_window_month_by_month_for_a_seeded_sample()
    {
        var random = new Random(20240229);
        for (var sample = 0; sample < 200; sample++)
        {
            var recipient = new ulong[3];
            for (var w = 0; w < recipient.Length; w++) recipient[w] = (ulong)random.NextInt64() & (ulong)random.NextInt64();
            var longTerm = new ulong[3];

            IndicatorRules.LongTerm(recipient, longTerm);

            for (var m = 0; m < recipient.Length * 64; m++)
            {
                var inWindow = 0;
                for (var back = 0; back < IndicatorRules.WindowMonths && back <= m; back++)
                    if ((recipient[(m - back) >> 6] & (1UL << ((m - back) & 63))) != 0) inWindow++;
                Assert.Equal(inWindow >= IndicatorRules.LongTermMonths, (longTerm[m >> 6] & (1UL << (m & 63))) != 0);
            }
        }
    }

    [Fact]
    public void Processing_days_are_whole_days_between_received_and_approved()
    {
        Assert.Equal(0, IndicatorRules.ProcessingDays(TestBatch.D("2024-01-31"), TestBatch.D("2024-01-31")));
        Assert.Equal(30, IndicatorRules.ProcessingDays(TestBatch.D("2024-01-31"), TestBatch.D("2024-03-01")));
    }

    [Fact]
    public void A_payment_without_a_period_covers_its_payment_day()
    {
        var (from, to) = IndicatorRules.PaymentDays(TestBatch.D("2024-02-10"), null, null);

        Assert.Equal(TestBatch.D("2024-02-10").DayNumber, from);
        Assert.Equal(from, to);
    }
}
