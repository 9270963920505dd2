using Malekort.Capture;
using Malekort.Units;

namespace Malekort.Indicators;

/// <summary>V.101–V.104 (docs/indicators.md, "Conditions and the activity duty"), each edge of the rules once.</summary>
public sealed class ConditionTests
{
    private const CaptureDomains Kostra = TestBatch.AllParts | CaptureDomains.YearlySanctions;

    [Theory]
    // Turns 30 on 31 March 2024 = M.end: 29 in February, 30 in March.
    [InlineData("1994-03-31", "2024-02", 1)]
    [InlineData("1994-03-31", "2024-03", 0)]
    // Turns 30 on 1 April: still 29 on 31 March.
    [InlineData("1994-04-01", "2024-03", 1)]
    [InlineData("1994-04-01", "2024-04", 0)]
    // Turns 18 on 31 January 2024: 18 on M.end, so counted; 17 at the end of December.
    [InlineData("2006-01-31", "2024-01", 1)]
    [InlineData("2006-01-31", "2023-12", 0)]
    public void V101_counts_recipients_aged_18_to_29_on_the_last_day_of_the_month(string birth, string month, long expected)
    {
        var r = new TestBatch().Person("a", birth).PaidIn("a", month).Condition("a", "2023-12-01", "2024-04-30", "16")
            .Compute(month, month);

        // Numerator and denominator alike: outside 18–29 the recipient is in neither.
        Assert.Equal((expected, expected), (r.Count("V.101", month), r["V.101", month].Denominator));
    }

    [Theory]
    // Valid in M when [valid_from, valid_to] overlaps M: one ending on the first day of March is valid in March.
    [InlineData("2024-01-15", "2024-03-01", "2024-03", 1)]
    [InlineData("2024-01-15", "2024-03-01", "2024-04", 0)]
    [InlineData("2024-03-31", "2024-05-31", "2024-03", 1)]
    [InlineData("2024-04-01", "2024-05-31", "2024-03", 0)]
    public void A_condition_counts_in_every_month_its_period_overlaps(string from, string to, string month, long expected)
    {
        var r = new TestBatch().Person("a", "2000-01-01").PaidIn("a", "2024-03", "2024-04").Condition("a", from, to, "17")
            .Compute(month, month);

        Assert.Equal(expected, r.Count("V.101", month));
        Assert.Equal(expected, r.Count("V.102", month));
    }

    [Theory]
    [InlineData("16", 1)]
    [InlineData("17", 1)]
    [InlineData("04", 1)]
    [InlineData("06", 1)]
    [InlineData("07", 1)]
    [InlineData("08", 1)]
    [InlineData("19", 1)]
    [InlineData("20", 1)]
    [InlineData("10", 0)]
    [InlineData("18", 0)]
    [InlineData("14", 0)]
    [InlineData("15", 0)]
    [InlineData("10|14|18|15", 0)]
    [InlineData("10|08", 1)]
    public void Only_the_spec_s_activity_codes_make_an_activity_condition_but_every_code_is_a_condition(string codes, long activity)
    {
        var r = new TestBatch().Person("a", "2000-01-01").PaidIn("a", "2024-03").Condition("a", "2024-03-01", "2024-03-31", codes)
            .Compute("2024-03", "2024-03");

        Assert.Equal(activity, r.Count("V.101", "2024-03"));
        Assert.Equal(1, r["V.101", "2024-03"].Denominator);
        Assert.Equal(1, r.Count("V.102", "2024-03"));
    }

    [Fact]
    public void An_exemption_followed_by_a_condition_counts_as_exempt_except_in_the_months_of_the_activity_condition()
    {
        var r = new TestBatch().Person("a", "2000-01-01").PaidIn("a", "2024-01", "2024-02", "2024-03", "2024-04")
            .Exemption("a", "2024-01-31").Condition("a", "2024-03-01", "2024-03-31", "16")
            .Compute("2024-01", "2024-04");

        Assert.Equal([1L, 1, 0, 1], Months("V.103", r));
        Assert.Equal([0L, 0, 1, 0], Months("V.101", r));
    }

    [Fact]
    public void An_exemption_counts_from_the_month_it_is_decided_and_only_for_recipients_aged_18_to_29_without_activity()
    {
        var r = new TestBatch()
            .Person("late", "2000-01-01").PaidIn("late", "2024-01", "2024-02").Exemption("late", "2024-02-01")
            .Person("old", "1990-01-01").PaidIn("old", "2024-01", "2024-02").Exemption("old", "2024-01-10")
            .Person("other", "2001-01-01").PaidIn("other", "2024-01", "2024-02").Exemption("other", "2024-01-10", "01|04")
            .Condition("other", "2024-01-01", "2024-02-29", "10")
            .Person("unpaid", "2002-01-01").PaidIn("unpaid", "2024-01").Exemption("unpaid", "2024-01-10")
            .Compute("2024-01", "2024-02");

        // January: "other" (a condition that is not activity) and "unpaid"; February: "late" (decided 1 Feb) and "other".
        Assert.Equal([2L, 2], Months("V.103", r));
    }

    [Fact]
    public void A_sanction_counts_the_person_once_in_the_month_it_is_dated_recipient_or_not()
    {
        var r = new TestBatch()
            .Person("a", "2000-01-01").PaidIn("a", "2024-02").Sanction("a", "2024-02-03").Sanction("a", "2024-02-20", "02")
            .Person("b", "1970-01-01").Sanction("b", "2024-02-29")
            .Person("c", "1970-01-01").Sanction("c", "2024-03-01")
            .Compute("2024-01", "2024-03");

        Assert.Equal([0L, 2, 1], Months("V.104", r));
    }

    [Fact]
    public void A_sanction_known_only_by_year_is_counted_on_December_marked_yearly_and_other_months_say_why_they_are_empty()
    {
        var r = new TestBatch(from: "2024-01-01", to: "2024-12-31", parts: Kostra)
            .Person("a", "2000-01-01").PaidIn("a", "2024-05").Sanction("a", null, "01", year: 2024).Sanction("a", null, "02", year: 2024)
            .Person("b", "1980-01-01").PaidIn("b", "2024-06").Sanction("b", null, "01", year: 2024)
            .Compute("2024-01", "2024-12");

        var december = r["V.104", "2024-12"];
        Assert.Equal(new IndicatorValue(2, 1, 2.0, ValueNotes.YearlyCount, 1, 1), december);
        Assert.All(Enumerable.Range(1, 11), m =>
        {
            var value = r["V.104", $"2024-{m:D2}"];
            Assert.Null(value.Numerator);
            Assert.Equal(NoValueReason.YearlyOnly, value.Reason);
        });
    }

    [Fact]
    public void A_KOSTRA_year_with_no_sanction_is_zero_on_December_not_missing()
    {
        var r = new TestBatch(from: "2024-01-01", to: "2024-12-31", parts: Kostra).Person("a", "2000-01-01").PaidIn("a", "2024-05")
            .Compute("2024-12", "2024-12");

        Assert.Equal(0, r.Count("V.104", "2024-12"));
    }

    [Fact]
    public void A_batch_without_the_condition_parts_says_nothing_about_conditions()
    {
        var parts = TestBatch.AllParts & ~(CaptureDomains.Conditions | CaptureDomains.Exemptions | CaptureDomains.Sanctions);
        var r = new TestBatch(parts: parts).Person("a", "2000-01-01").PaidIn("a", "2024-03").Compute("2024-03", "2024-03");

        foreach (var code in new[] { "V.101", "V.102", "V.103", "V.104" })
        {
            Assert.Null(r.Count(code, "2024-03"));
            Assert.Equal(NoValueReason.NotCaptured, r[code, "2024-03"].Reason);
        }
        // The denominators are recipients, which the batch does say.
        Assert.Equal(1, r["V.101", "2024-03"].Denominator);
        Assert.Equal(1, r["V.102", "2024-03"].Denominator);
    }

    [Fact]
    public void Conditions_are_events_a_newer_extract_supersedes_by_the_day_they_were_decided()
    {
        // The older extract decided a condition in December 2023 (for 2024) and one in February 2024; the newer extract
        // covers 2024 only and knows nothing of the February one. The December decision stays; the February one is replaced.
        var older = new TestBatch(from: "2023-01-01", to: "2024-03-31", extractedAt: "2024-04-02T05:00:00Z")
            .Person("a", "2000-01-01").Person("b", "2001-01-01").PaidIn("a", "2024-03").PaidIn("b", "2024-03")
            .Condition("a", "2024-01-01", "2024-06-30", "16", decided: "2023-12-20")
            .Condition("b", "2024-03-01", "2024-03-31", "16", decided: "2024-02-10");
        var newer = new TestBatch(from: "2024-01-01", to: "2024-12-31", extractedAt: "2025-01-06T05:00:00Z")
            .Person("a", "2000-01-01").Person("b", "2001-01-01").PaidIn("a", "2024-03").PaidIn("b", "2024-03");

        var r = TestBatch.Compute([older, newer], "2024-03", "2024-03");

        Assert.Equal(new IndicatorValue(1, 2, 50.0, ValueNotes.None, 1, 1), r["V.101", "2024-03"]);
    }

    [Fact]
    public void Two_conditions_of_one_person_in_a_month_count_once()
    {
        var r = new TestBatch().Person("a", "2000-01-01").PaidIn("a", "2024-02")
            .Condition("a", "2024-01-01", "2024-02-29", "08").Condition("a", "2024-02-01", "2024-04-30", "19|10")
            .Compute("2024-02", "2024-02");

        Assert.Equal(new IndicatorValue(1, 1, 100.0, ValueNotes.None, 1, 1), r["V.101", "2024-02"]);
        Assert.Equal(new IndicatorValue(1, 1, 100.0, ValueNotes.None, 1, 1), r["V.102", "2024-02"]);
    }

    [Fact]
    public void An_office_share_of_recipients_with_activity_conditions_is_the_ratio_of_sums()
    {
        var offices = new OfficeRegister([new Office("0106", "NAV Fredrikstad og Moss", [UnitCode.Parse("3107"), UnitCode.Parse("3103")])]);
        // 3107: 1 of 1 with an activity condition; 3103: 0 of 3. The office: 1 of 4 = 25 %, not the mean 50 %.
        var fredrikstad = new TestBatch(unit: "3107").Person("a", "2000-01-01").PaidIn("a", "2024-01")
            .Condition("a", "2024-01-01", "2024-01-31", "06");
        var moss = new TestBatch(unit: "3103");
        foreach (var p in new[] { "x", "y", "z" }) moss.Person(p, "1999-05-05").PaidIn(p, "2024-01");

        var r = TestBatch.Compute([fredrikstad, moss], "2024-01", "2024-01", offices: offices);

        Assert.Equal(new IndicatorValue(1, 4, 25.0, ValueNotes.None, 2, 2), r["V.101", "2024-01", "NAV-0106"]);
    }

    private static long?[] Months(string indicator, Computed r) =>
        [.. r.Results.Months.Months().Select(m => r.Count(indicator, m.ToString()))];
}
