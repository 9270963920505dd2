using Malekort.Capture;

namespace Malekort.Indicators;

/// <summary>PL151: mean processing days of social assistance cases approved in the month.</summary>
public sealed class ProcessingTimeTests
{
    [Fact]
    public void The_mean_is_the_sum_of_days_over_the_number_of_cases()
    {
        var r = new TestBatch().Person("a", "1980-05-05").Person("b", "1981-05-05")
            .Case("a", "2024-01-02", "2024-01-12")
            .Case("b", "2023-12-20", "2024-01-25")
            .Case("a", "2024-01-31", "2024-01-31")
            .Compute("2024-01", "2024-01");

        var value = r["PL151", "2024-01"];
        Assert.Equal(10 + 36 + 0, value.Numerator);
        Assert.Equal(3, value.Denominator);
        Assert.Equal(46.0 / 3, value.Value);
    }

    [Fact]
    public void PL151_counts_cases_not_persons()
    {
        var r = new TestBatch().Person("a", "1980-05-05")
            .Case("a", "2024-01-02", "2024-01-04").Case("a", "2024-01-10", "2024-01-20")
            .Compute("2024-01", "2024-01");

        Assert.Equal(2, r["PL151", "2024-01"].Denominator);
        Assert.Equal(6.0, r["PL151", "2024-01"].Value);
    }

    [Fact]
    public void Cases_without_a_received_date_are_left_out_and_reported()
    {
        var r = new TestBatch().Person("a", "1980-05-05")
            .Case("a", "2024-01-02", "2024-01-12")
            .Case("a", null, "2024-01-15")
            .Case("a", null, "2024-01-16")
            .Compute("2024-01", "2024-01");

        Assert.Equal(10, r.Count("PL151", "2024-01"));
        Assert.Equal(1, r["PL151", "2024-01"].Denominator);
        var note = Assert.Single(r.Results.Notes);
        Assert.Equal("PL151", note.Indicator);
        Assert.Equal(2, note.Count);
        Assert.Equal(TestBatch.M("2024-01"), note.Month);
        Assert.Equal("3107", note.Unit.Value);
    }

    [Fact]
    public void Cases_of_another_type_are_ignored()
    {
        var r = new TestBatch().Person("a", "1980-05-05")
            .Case("a", "2024-01-02", "2024-01-12")
            .Case("a", "2024-01-01", "2024-01-30", BenefitCategory.Annet)
            .Compute("2024-01", "2024-01");

        Assert.Equal(10, r.Count("PL151", "2024-01"));
        Assert.Equal(1, r["PL151", "2024-01"].Denominator);
    }

    [Fact]
    public void Only_cases_approved_in_the_month_count()
    {
        var r = new TestBatch().Person("a", "1980-05-05")
            .Case("a", "2024-01-02", "2024-02-01")
            .Case("a", "2024-01-20", null)
            .Case("a", "2023-12-01", "2023-12-31")
            .Compute("2024-01", "2024-02");

        Assert.Equal(0, r["PL151", "2024-01"].Denominator);
        Assert.Equal(1, r["PL151", "2024-02"].Denominator);
        Assert.Equal(30, r.Count("PL151", "2024-02"));
    }

    [Fact]
    public void A_month_without_approved_cases_has_zero_parts_and_no_value()
    {
        var value = new TestBatch().Compute("2024-01", "2024-01")["PL151", "2024-01"];

        Assert.Equal(0, value.Numerator);
        Assert.Equal(0, value.Denominator);
        Assert.Null(value.Value);
    }
}
