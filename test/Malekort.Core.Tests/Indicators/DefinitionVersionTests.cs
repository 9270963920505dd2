using Malekort.Periods;
using Malekort.Population;
using Malekort.Units;

namespace Malekort.Indicators;

/// <summary>
/// Definition versions (issue 11 item 7): B.102's version 2 counts long-term as six consecutive months, from January 2025,
/// beside version 1 ("minst seks av de siste tolv"), which keeps its code and its numbers.
/// </summary>
public sealed class DefinitionVersionTests
{
    private static readonly UnitCode Fredrikstad = UnitCode.Parse("3107");

    private static readonly PopulationTable Population = new(
    [
        new PopulationFigure(Fredrikstad, 2024, 53398, 7000, 85230, "test"),
        new PopulationFigure(Fredrikstad, 2025, 53500, 7010, 85400, "test"),
    ]);

    // "a": six months of twelve, not consecutive; "b": six consecutive; both with social assistance as main livelihood.
    private static Computed Compute(string first, string last) =>
        new TestBatch(from: "2024-01-01", to: "2025-06-30")
            .Person("a", "1980-05-05").Livelihood("a", "2024-01-01", 5)
            .Person("b", "1981-06-06").Livelihood("b", "2024-01-01", 5)
            .PaidIn("a", "2024-07", "2024-09", "2024-11", "2025-01", "2025-03", "2025-05")
            .PaidIn("b", "2024-12", "2025-01", "2025-02", "2025-03", "2025-04", "2025-05")
            .Compute(first, last, Population);

    [Fact]
    public void In_a_month_both_versions_apply_each_counts_by_its_own_rule()
    {
        var r = Compute("2025-05", "2025-05");

        Assert.Equal(2, r.Count("B.102", "2025-05"));
        Assert.Equal(1, r.Count("B.102.v2", "2025-05"));
        Assert.Equal(53500, r["B.102.v2", "2025-05"].Denominator);
    }

    [Fact]
    public void The_first_versions_numbers_are_those_of_its_rule_whether_or_not_a_later_version_applies()
    {
        var r = Compute("2024-12", "2025-06");

        foreach (var month in new MonthRange(Month.Parse("2024-12"), Month.Parse("2025-06")).Months())
        {
            var m = month.ToString();
            Assert.Equal(r["BL152", m].Numerator, r["B.102", m].Numerator);
        }
    }

    [Fact]
    public void Before_a_version_starts_it_has_no_value_and_says_why()
    {
        var r = Compute("2024-12", "2025-01");

        Assert.Equal(NoValueReason.NotInForce, r["B.102.v2", "2024-12"].Reason);
        Assert.Null(r["B.102.v2", "2024-12"].Numerator);
        Assert.Equal(NoValueReason.None, r["B.102.v2", "2025-01"].Reason);
    }

    [Theory]
    // A run of six must lie inside window(M) = M-11 … M: 2025-01 … 2025-06 is inside window(2025-12), not window(2026-01).
    [InlineData("2025-12", 1)]
    [InlineData("2026-01", 0)]
    public void Six_consecutive_months_count_while_the_whole_run_is_inside_the_window(string month, long expected)
    {
        var r = new TestBatch(from: "2024-01-01", to: "2026-01-31", extractedAt: "2026-02-02T05:00:00Z")
            .Person("c", "1980-05-05").Livelihood("c", "2024-01-01", 5)
            .PaidIn("c", "2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06")
            .Compute(month, month, Population);

        Assert.Equal(expected, r.Count("B.102.v2", month));
    }

    [Fact]
    public void A_later_version_is_declared_inside_its_indicator_and_listed_right_after_it()
    {
        var declared = IndicatorCatalog.Declared.Single(d => d.Code == "B.102");
        var version = Assert.Single(declared.LaterVersions);
        var all = IndicatorCatalog.All;
        var index = IndicatorCatalog.IndexOf("B.102");

        Assert.Equal("B.102.v2", all[index + 1].Code);
        Assert.Equal("B.102", all[index + 1].VersionOf);
        Assert.Equal(version.From, all[index + 1].ValidFrom);
        Assert.Equal(Counter.BL152Consecutive, all[index + 1].Rule.Counts);
        Assert.Equal(IndicatorCatalog.Declared.Count + IndicatorCatalog.Declared.Sum(d => d.LaterVersions.Count), all.Count);
    }
}
