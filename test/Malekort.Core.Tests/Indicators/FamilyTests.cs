using Malekort.Capture;

namespace Malekort.Indicators;

/// <summary>BL174 (provider, beregningsprosent ≥ 50) and B.104 (provider duty and child in the household).</summary>
public sealed class FamilyTests
{
    // Long-term with social assistance as main livelihood and a recipient in every month of 2023-04 … 2024-03.
    private static TestBatch Parent() => new TestBatch().Person("a", "1980-05-05").Livelihood("a", "2022-06-01", 5)
        .PaidIn("a", "2023-04", "2023-05", "2023-06", "2023-07", "2023-08", "2023-09", "2023-10", "2023-11", "2023-12",
            "2024-01", "2024-02", "2024-03");

    [Theory]
    [InlineData(49, 0)]
    [InlineData(50, 1)]
    [InlineData(100, 1)]
    [InlineData(0, 0)]
    [InlineData(null, 0)]
    public void BL174_needs_a_calculation_percentage_of_50_or_more(int? percent, long expected)
    {
        var r = Parent().Child("a", "2015-03-01", percent: percent).Compute("2024-01", "2024-01");

        Assert.Equal(1, r.Count("BL152", "2024-01"));
        Assert.Equal(expected, r.Count("BL174", "2024-01"));
    }

    [Fact]
    public void Provider_stops_in_the_month_the_child_turns_18()
    {
        var r = Parent().Child("a", "2006-02-10", percent: 100, duty: true, inHousehold: true).Compute("2024-01", "2024-03");

        Assert.Equal(1, r.Count("BL174", "2024-01"));
        Assert.Equal(0, r.Count("BL174", "2024-02"));
        Assert.Equal(1, r.Count("B.104", "2024-01"));
        Assert.Equal(0, r.Count("B.104", "2024-02"));
    }

    [Fact]
    public void A_child_turning_18_on_the_first_day_of_the_next_month_still_counts()
    {
        var r = Parent().Child("a", "2006-03-01", percent: 100, duty: true, inHousehold: true).Compute("2024-02", "2024-03");

        Assert.Equal(1, r.Count("BL174", "2024-02"));
        Assert.Equal(1, r.Count("B.104", "2024-02"));
        Assert.Equal(0, r.Count("BL174", "2024-03"));
        Assert.Equal(0, r.Count("B.104", "2024-03"));
    }

    [Fact]
    public void A_child_born_29_February_turns_18_on_1_March_in_a_non_leap_year()
    {
        var r = new TestBatch(to: "2026-12-31").Person("a", "1980-05-05").Child("a", "2008-02-29", duty: true, inHousehold: true)
            .PaidIn("a", "2026-02", "2026-03").Compute("2026-02", "2026-03");

        Assert.Equal(1, r.Count("B.104", "2026-02"));
        Assert.Equal(0, r.Count("B.104", "2026-03"));
    }

    [Fact]
    public void A_child_counts_from_the_month_it_is_born()
    {
        var r = Parent().Child("a", "2024-02-29", percent: 50, duty: true, inHousehold: true).Compute("2024-01", "2024-03");

        Assert.Equal(0, r.Count("BL174", "2024-01"));
        Assert.Equal(1, r.Count("BL174", "2024-02"));
        Assert.Equal(0, r.Count("B.104", "2024-01"));
        Assert.Equal(1, r.Count("B.104", "2024-02"));
    }

    [Theory]
    [InlineData(true, true, 1)]
    [InlineData(true, false, 0)]
    [InlineData(false, true, 0)]
    [InlineData(null, true, 0)]
    [InlineData(true, null, 0)]
    [InlineData(null, null, 0)]
    public void B104_needs_both_provider_duty_and_the_child_in_the_household(bool? duty, bool? inHousehold, long expected)
    {
        var r = Parent().Child("a", "2015-03-01", percent: 0, duty: duty, inHousehold: inHousehold).Compute("2024-01", "2024-01");

        Assert.Equal(expected, r.Count("B.104", "2024-01"));
    }

    [Fact]
    public void Provider_and_provider_duty_are_independent_facts()
    {
        var r = Parent().Child("a", "2015-03-01", percent: 100, duty: false, inHousehold: false).Compute("2024-01", "2024-01");

        Assert.Equal(1, r.Count("BL174", "2024-01"));
        Assert.Equal(0, r.Count("B.104", "2024-01"));
    }

    [Fact]
    public void A_family_record_counts_only_in_the_months_its_validity_overlaps()
    {
        var r = Parent()
            .Child("a", "2015-03-01", percent: 100, duty: true, inHousehold: true, validTo: "2024-01-31")
            .Compute("2024-01", "2024-02");
        var later = Parent()
            .Child("a", "2015-03-01", percent: 100, duty: true, inHousehold: true, validFrom: "2024-02-29")
            .Compute("2024-01", "2024-02");

        Assert.Equal(1, r.Count("BL174", "2024-01"));
        Assert.Equal(0, r.Count("BL174", "2024-02"));
        Assert.Equal(1, r.Count("B.104", "2024-01"));
        Assert.Equal(0, r.Count("B.104", "2024-02"));
        Assert.Equal(0, later.Count("BL174", "2024-01"));
        Assert.Equal(1, later.Count("BL174", "2024-02"));
        Assert.Equal(0, later.Count("B.104", "2024-01"));
        Assert.Equal(1, later.Count("B.104", "2024-02"));
    }

    [Theory]
    [InlineData(FamilyRelation.Ektefelle)]
    [InlineData(FamilyRelation.Samboer)]
    [InlineData(FamilyRelation.Annet)]
    public void Only_children_make_a_provider(FamilyRelation relation)
    {
        var r = Parent().Child("a", "2015-03-01", percent: 100, duty: true, inHousehold: true, relation: relation)
            .Compute("2024-01", "2024-01");

        Assert.Equal(0, r.Count("BL174", "2024-01"));
        Assert.Equal(0, r.Count("B.104", "2024-01"));
    }

    [Fact]
    public void B104_is_recipients_with_provider_duty_over_all_recipients()
    {
        var r = Parent()
            .Person("b", "1990-01-01").PaidIn("b", "2024-01")
            .Person("c", "1991-01-01").PaidIn("c", "2024-01").Child("c", "2020-01-01", duty: true, inHousehold: true)
            .Child("c", "2021-01-01", duty: true, inHousehold: true)
            .Person("d", "1992-01-01").PaidIn("d", "2024-01")
            // Provider duty but no payment in the month: not a recipient, so in neither part.
            .Person("e", "1993-01-01").PaidIn("e", "2023-12").Child("e", "2019-01-01", duty: true, inHousehold: true)
            .Child("a", "2016-01-01", duty: true, inHousehold: true)
            .Compute("2024-01", "2024-01");

        var value = r["B.104", "2024-01"];
        Assert.Equal(2, value.Numerator);
        Assert.Equal(4, value.Denominator);
        Assert.Equal(50.0, value.Value);
        Assert.Equal(r.Count("BL151", "2024-01"), value.Denominator);
    }

    [Fact]
    public void B104_has_no_value_when_there_are_no_recipients()
    {
        var value = new TestBatch().Compute("2024-01", "2024-01")["B.104", "2024-01"];

        Assert.Equal(0, value.Numerator);
        Assert.Equal(0, value.Denominator);
        Assert.Null(value.Value);
    }

    [Fact]
    public void A_family_record_from_a_coarser_source_is_marked_approximate()
    {
        var r = Parent().Child("a", "2015-03-01", duty: true, inHousehold: true, approximate: true).Compute("2024-01", "2024-01");

        Assert.Equal(1, r.Count("B.104", "2024-01"));
        Assert.Equal(ValueNotes.ApproximateFamily, r["B.104", "2024-01"].Notes);
    }
}
