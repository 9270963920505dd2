namespace Malekort.Indicators;

/// <summary>Main livelihood in M: the latest recorded value with valid_from ≤ M.end (seen through BL152).</summary>
public sealed class LivelihoodTests
{
    private static TestBatch LongTerm() => new TestBatch().Person("a", "1980-05-05")
        .PaidIn("a", "2023-08", "2023-09", "2023-10", "2023-11", "2023-12", "2024-01", "2024-02", "2024-03");

    [Fact]
    public void A_change_away_from_social_assistance_mid_month_applies_to_that_whole_month()
    {
        var r = LongTerm().Livelihood("a", "2023-01-01", 5).Livelihood("a", "2024-02-15", 1).Compute("2024-01", "2024-03");

        Assert.Equal(1, r.Count("BL152", "2024-01"));
        Assert.Equal(0, r.Count("BL152", "2024-02"));
        Assert.Equal(0, r.Count("BL152", "2024-03"));
    }

    [Fact]
    public void A_change_to_social_assistance_on_the_last_day_counts_in_that_month()
    {
        var r = LongTerm().Livelihood("a", "2023-01-01", 1).Livelihood("a", "2024-02-29", 5).Compute("2024-01", "2024-03");

        Assert.Equal(0, r.Count("BL152", "2024-01"));
        Assert.Equal(1, r.Count("BL152", "2024-02"));
        Assert.Equal(1, r.Count("BL152", "2024-03"));
    }

    [Fact]
    public void Of_two_rows_in_the_same_month_the_later_valid_from_wins()
    {
        var r = LongTerm()
            .Livelihood("a", "2024-02-20", 1)
            .Livelihood("a", "2023-01-01", 5)
            .Livelihood("a", "2024-02-03", 5)
            .Livelihood("a", "2024-03-02", 5)
            .Livelihood("a", "2024-03-25", 3)
            .Compute("2024-01", "2024-03");

        Assert.Equal(1, r.Count("BL152", "2024-01"));
        Assert.Equal(0, r.Count("BL152", "2024-02"));
        Assert.Equal(0, r.Count("BL152", "2024-03"));
    }

    [Fact]
    public void A_value_valid_from_after_the_month_does_not_count_in_it()
    {
        var r = LongTerm().Livelihood("a", "2024-03-01", 5).Compute("2024-02", "2024-03");

        Assert.Equal(0, r.Count("BL152", "2024-02"));
        Assert.Equal(1, r.Count("BL152", "2024-03"));
    }

    [Fact]
    public void Without_any_livelihood_record_a_person_is_not_in_BL152()
    {
        var r = LongTerm().Compute("2024-03", "2024-03");

        Assert.Equal(1, r.Count("BL166", "2024-03"));
        Assert.Equal(0, r.Count("BL152", "2024-03"));
    }
}
