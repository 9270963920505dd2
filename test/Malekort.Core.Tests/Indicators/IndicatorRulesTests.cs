using Malekort.Capture;
using Malekort.Periods;

namespace Malekort.Indicators;

/// <summary>The person-level rules of <c>indicators.md</c>, each on its own.</summary>
public sealed class IndicatorRulesTests
{
    private static readonly Month February = Month.Parse("2024-02");

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
        var endDate = end is null ? (DateOnly?)null : TestBatch.D(end);

        Assert.Equal(during, IndicatorRules.IsB51Participant(TestBatch.D(start), endDate, February));
        Assert.Equal(atEnd, IndicatorRules.IsB151Participant(TestBatch.D(start), endDate, February));
    }

    [Theory]
    [InlineData("2024-02-29", null, true)]
    [InlineData("2024-03-01", null, false)]
    [InlineData("2023-01-01", "2024-02-28", false)]
    [InlineData("2023-01-01", "2024-02-29", true)]
    public void Registered_on_the_last_day_of_the_month(string from, string? to, bool expected)
    {
        Assert.Equal(expected, IndicatorRules.IsRegisteredAtMonthEnd(TestBatch.D(from), to is null ? null : TestBatch.D(to), February));
    }

    [Theory]
    [InlineData("2007-02-28", true)]
    [InlineData("2006-03-01", true)]
    [InlineData("2006-02-28", false)]
    [InlineData("2024-02-29", true)]
    [InlineData("2024-03-01", false)]
    public void A_child_is_born_by_the_end_of_the_month_and_at_most_17(string birth, bool expected)
    {
        Assert.Equal(expected, IndicatorRules.IsChild(TestBatch.D(birth), February));
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
