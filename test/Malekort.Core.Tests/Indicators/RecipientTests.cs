using Malekort.Capture;

namespace Malekort.Indicators;

/// <summary>BL151 and the spec's "social assistance payment" and "payment in month M".</summary>
public sealed class RecipientTests
{
    [Fact]
    public void Payment_spanning_two_months_counts_in_both()
    {
        var r = new TestBatch().Person("a", "1980-05-05").Paid("a", "2024-01-20", "2024-02-10").Compute("2023-12", "2024-03");

        Assert.Equal(0, r.Count("BL151", "2023-12"));
        Assert.Equal(1, r.Count("BL151", "2024-01"));
        Assert.Equal(1, r.Count("BL151", "2024-02"));
        Assert.Equal(0, r.Count("BL151", "2024-03"));
    }

    [Fact]
    public void Payment_period_decides_the_month_not_the_payment_date()
    {
        var r = new TestBatch().Person("a", "1980-05-05")
            .Payment("a", paymentDate: "2024-01-28", periodFrom: "2024-02-01", periodTo: "2024-02-29")
            .Compute("2024-01", "2024-02");

        Assert.Equal(0, r.Count("BL151", "2024-01"));
        Assert.Equal(1, r.Count("BL151", "2024-02"));
    }

    [Fact]
    public void Payment_with_no_period_belongs_to_the_month_of_its_payment_date()
    {
        var r = new TestBatch().Person("a", "1980-05-05").Payment("a", paymentDate: "2024-02-29").Compute("2024-01", "2024-03");

        Assert.Equal(0, r.Count("BL151", "2024-01"));
        Assert.Equal(1, r.Count("BL151", "2024-02"));
        Assert.Equal(0, r.Count("BL151", "2024-03"));
    }

    [Theory]
    [InlineData(PaymentStatus.Planlagt)]
    [InlineData(PaymentStatus.Stoppet)]
    [InlineData(PaymentStatus.Annullert)]
    public void Payments_that_are_not_paid_never_count(PaymentStatus status)
    {
        var r = new TestBatch().Person("a", "1980-05-05")
            .Payment("a", paymentDate: "2024-01-05", periodFrom: "2024-01-01", periodTo: "2024-01-31", status: status)
            .Compute("2024-01", "2024-01");

        Assert.Equal(0, r.Count("BL151", "2024-01"));
    }

    [Theory]
    [InlineData(BenefitCategory.Kvalifiseringsstonad)]
    [InlineData(BenefitCategory.Annet)]
    public void Kvalifiseringsstonad_and_other_benefits_are_not_social_assistance(BenefitCategory category)
    {
        var r = new TestBatch().Person("a", "1980-05-05")
            .Payment("a", paymentDate: "2024-01-05", periodFrom: "2024-01-01", periodTo: "2024-01-31", category: category)
            .Compute("2024-01", "2024-01");

        Assert.Equal(0, r.Count("BL151", "2024-01"));
    }

    [Fact]
    public void A_loan_counts_when_its_benefit_type_is_classified_as_social_assistance()
    {
        var r = new TestBatch().Person("a", "1980-05-05")
            .Payment("a", paymentDate: "2024-01-05", benefitType: "LAN", category: BenefitCategory.OkonomiskSosialhjelp)
            .Compute("2024-01", "2024-01");

        Assert.Equal(1, r.Count("BL151", "2024-01"));
    }

    [Fact]
    public void Two_payments_to_one_person_count_one_recipient()
    {
        var r = new TestBatch().Person("a", "1980-05-05").Person("b", "1990-01-01")
            .Paid("a", "2024-01-01", "2024-01-31")
            .Paid("a", "2024-01-15", "2024-01-15")
            .Payment("a", paymentDate: "2024-01-20")
            .Paid("b", "2024-01-10", "2024-01-20")
            .Compute("2024-01", "2024-01");

        Assert.Equal(2, r.Count("BL151", "2024-01"));
    }

    [Fact]
    public void A_paid_payment_counts_even_when_another_for_the_same_month_was_cancelled()
    {
        var r = new TestBatch().Person("a", "1980-05-05")
            .Payment("a", paymentDate: "2024-01-05", status: PaymentStatus.Annullert)
            .Payment("a", paymentDate: "2024-01-06")
            .Compute("2024-01", "2024-01");

        Assert.Equal(1, r.Count("BL151", "2024-01"));
    }

    [Fact]
    public void A_count_has_denominator_one_and_value_equal_to_the_count()
    {
        var r = new TestBatch().Person("a", "1980-05-05").Paid("a", "2024-01-01", "2024-01-31").Compute("2024-01", "2024-01");
        var value = r["BL151", "2024-01"];

        Assert.Equal(new IndicatorValue(1, 1, 1.0, ValueNotes.None, 1, 1), value);
    }
}
