namespace Malekort.Indicators;

/// <summary>BL152, BL154, BL166: at least 6 months with assistance in window(M), and main livelihood.</summary>
public sealed class LongTermTests
{
    private static TestBatch LongTermWithLivelihood5(string birth = "1980-05-05") =>
        new TestBatch().Person("a", birth).Livelihood("a", "2022-06-01", 5);

    [Fact]
    public void Six_of_twelve_months_not_consecutive_is_long_term()
    {
        var r = LongTermWithLivelihood5().PaidIn("a", "2023-04", "2023-06", "2023-08", "2023-10", "2023-12", "2024-03")
            .Compute("2024-03", "2024-03");

        Assert.Equal(1, r.Count("BL166", "2024-03"));
        Assert.Equal(1, r.Count("BL152", "2024-03"));
    }

    [Fact]
    public void Five_of_twelve_months_is_not_long_term()
    {
        var r = LongTermWithLivelihood5().PaidIn("a", "2023-06", "2023-08", "2023-10", "2023-12", "2024-03")
            .Compute("2024-03", "2024-03");

        Assert.Equal(1, r.Count("BL151", "2024-03"));
        Assert.Equal(0, r.Count("BL166", "2024-03"));
        Assert.Equal(0, r.Count("BL152", "2024-03"));
    }

    [Theory]
    // window(2024-03) is 2023-04 … 2024-03: a month twelve back (2023-03) is outside it.
    [InlineData("2023-03", 0)]
    [InlineData("2023-04", 1)]
    public void The_month_twelve_back_is_outside_the_window(string earliest, long expected)
    {
        var r = LongTermWithLivelihood5().PaidIn("a", earliest, "2023-06", "2023-08", "2023-10", "2023-12", "2024-03")
            .Compute("2024-03", "2024-03");

        Assert.Equal(expected, r.Count("BL166", "2024-03"));
        Assert.Equal(expected, r.Count("BL152", "2024-03"));
    }

    [Fact]
    public void A_payment_spanning_two_months_gives_two_months_with_assistance()
    {
        var r = LongTermWithLivelihood5()
            .Paid("a", "2023-10-15", "2023-11-14")
            .Paid("a", "2023-12-15", "2024-01-14")
            .PaidIn("a", "2024-03", "2024-02")
            .Compute("2024-03", "2024-03");

        Assert.Equal(1, r.Count("BL166", "2024-03"));
    }

    [Fact]
    public void BL152_counts_without_a_payment_in_the_month_but_BL166_needs_one()
    {
        var r = LongTermWithLivelihood5().PaidIn("a", "2023-07", "2023-08", "2023-09", "2023-10", "2023-11", "2023-12")
            .Compute("2024-01", "2024-01");

        Assert.Equal(0, r.Count("BL151", "2024-01"));
        Assert.Equal(1, r.Count("BL152", "2024-01"));
        Assert.Equal(0, r.Count("BL166", "2024-01"));
    }

    [Fact]
    public void BL152_needs_social_assistance_as_main_livelihood()
    {
        var r = new TestBatch().Person("a", "1980-05-05").Livelihood("a", "2022-06-01", 1)
            .PaidIn("a", "2023-10", "2023-11", "2023-12", "2024-01", "2024-02", "2024-03")
            .Compute("2024-03", "2024-03");

        Assert.Equal(1, r.Count("BL166", "2024-03"));
        Assert.Equal(0, r.Count("BL152", "2024-03"));
    }

    [Theory]
    // 24 on 31 March 2024: counted in BL154. Turning 25 on 31 March 2024: not.
    [InlineData("1999-04-01", 1)]
    [InlineData("1999-03-31", 0)]
    public void BL154_is_BL152_aged_24_or_under(string birth, long expected)
    {
        var r = LongTermWithLivelihood5(birth).PaidIn("a", "2023-10", "2023-11", "2023-12", "2024-01", "2024-02", "2024-03")
            .Compute("2024-03", "2024-03");

        Assert.Equal(1, r.Count("BL152", "2024-03"));
        Assert.Equal(expected, r.Count("BL154", "2024-03"));
    }

    [Fact]
    public void A_window_reaching_back_past_the_first_captured_month_is_not_computed_and_says_why()
    {
        var r = new TestBatch(from: "2023-10-01").Person("a", "1980-05-05").Livelihood("a", "2022-06-01", 5)
            .PaidIn("a", "2023-10", "2023-11", "2023-12", "2024-01", "2024-02", "2024-03")
            .Compute("2024-03", "2024-03");

        foreach (var code in new[] { "BL152", "BL154", "BL166", "BL174", "B.102" })
        {
            Assert.Null(r[code, "2024-03"].Numerator);
            Assert.Null(r[code, "2024-03"].Value);
            Assert.Equal(NoValueReason.ShortHistory, r[code, "2024-03"].Reason);
        }
        Assert.Equal(1, r.Count("BL151", "2024-03"));
        Assert.Equal(NoValueReason.None, r["BL151", "2024-03"].Reason);
    }

    [Theory]
    // The batch starts 2023-04-01: window(M) is all captured from March 2024 on.
    [InlineData("2024-02", null)]
    [InlineData("2024-03", 1L)]
    public void The_first_month_whose_whole_window_is_captured_is_the_first_computed(string month, long? expected)
    {
        var r = new TestBatch(from: "2023-04-01", to: "2024-03-31").Person("a", "1980-05-05").Livelihood("a", "2022-06-01", 5)
            .PaidIn("a", "2023-10", "2023-11", "2023-12", "2024-01", "2024-02", "2024-03")
            .Compute(month, month);

        Assert.Equal(expected, r.Count("BL152", month));
        Assert.Equal(expected, r.Count("BL166", month));
    }

    [Fact]
    public void A_gap_in_the_captured_months_inside_the_window_leaves_the_value_not_computed()
    {
        var first = new TestBatch(from: "2023-01-01", to: "2023-06-30", extractedAt: "2023-07-03T05:00:00Z").Person("a", "1980-05-05")
            .Livelihood("a", "2022-06-01", 5).PaidIn("a", "2023-03", "2023-04", "2023-05", "2023-06");
        var second = new TestBatch(from: "2023-08-01", to: "2024-08-31", extractedAt: "2024-09-02T05:00:00Z").Person("a", "1980-05-05")
            .Livelihood("a", "2022-06-01", 5).PaidIn("a", "2023-08", "2023-09");

        var r = TestBatch.Compute([first, second], "2023-07", "2024-07");

        // July 2023 is in no batch; every window that holds it is not computed; the first window past it is, and is 0.
        Assert.Equal(NoValueReason.NotCaptured, r["BL166", "2023-07"].Reason);
        Assert.Equal(NoValueReason.ShortHistory, r["BL166", "2023-12"].Reason);
        Assert.Equal(NoValueReason.ShortHistory, r["BL166", "2024-06"].Reason);
        Assert.Equal(0, r.Count("BL166", "2024-07"));
    }

    [Fact]
    public void A_fully_captured_window_has_no_note()
    {
        var r = LongTermWithLivelihood5().PaidIn("a", "2023-10", "2023-11", "2023-12", "2024-01", "2024-02", "2024-03")
            .Compute("2024-03", "2024-03");

        Assert.Equal(ValueNotes.None, r["BL166", "2024-03"].Notes);
    }
}
