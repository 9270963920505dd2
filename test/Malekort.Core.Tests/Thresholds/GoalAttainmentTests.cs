using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Units;

namespace Malekort.Thresholds;

/// <summary>Goal attainment has a direction (issue 9, item 5): the indicator's definition decides it.</summary>
public sealed class GoalAttainmentTests
{
    private static Target TargetOf(string indicator, decimal value) => new(UnitCode.Parse("NAV-0106"), indicator, new Month(2024, 6), value);

    private static IndicatorValue Value(double value, ValueNotes notes = ValueNotes.None) => new(1, 1, value, notes, 1, 1);

    [Theory]
    // B.151 (KVP participants) higher is better: actual ÷ target × 100.
    [InlineData("B.151", 40, 30.0, 75.0, false)]
    [InlineData("B.151", 40, 50.0, 125.0, true)]
    [InlineData("B.151", 40, 40.0, 100.0, true)]
    // PL151 (processing days) lower is better: target ÷ actual × 100.
    [InlineData("PL151", 14, 28.0, 50.0, false)]
    [InlineData("PL151", 14, 7.0, 200.0, true)]
    [InlineData("PL151", 14, 14.0, 100.0, true)]
    public void Attainment_follows_the_indicator_s_direction(string indicator, int target, double actual, double percent, bool reached)
    {
        var attainment = TargetOf(indicator, target).AttainmentOf(IndicatorCatalog.Get(indicator), Value(actual));

        Assert.Equal(percent, attainment!.Value.Percent!.Value, 9);
        Assert.Equal(reached, attainment.Value.Reached);
        Assert.Equal(reached ? "nådd" : "ikke nådd", attainment.Value.Words);
    }

    [Fact]
    public void Zero_where_lower_is_better_reaches_the_target_with_no_percentage()
    {
        var attainment = TargetOf("PL151", 14).AttainmentOf(IndicatorCatalog.Get("PL151"), Value(0));

        Assert.Equal(new GoalAttainment(null, true), attainment);
    }

    [Fact]
    public void A_hidden_value_has_no_attainment() =>
        Assert.Null(TargetOf("B.151", 40).AttainmentOf(IndicatorCatalog.Get("B.151"), Value(50, ValueNotes.Suppressed)));

    [Fact]
    public void A_sum_lacking_units_gets_its_percentage_but_no_verdict()
    {
        var attainment = TargetOf("B.151", 40).AttainmentOf(IndicatorCatalog.Get("B.151"), Value(50, ValueNotes.PartialCoverage));

        Assert.Equal(new GoalAttainment(125.0, null), attainment);
        Assert.Equal("ikke vurdert: ufullstendig", attainment!.Value.Words);
    }

    [Fact]
    public void A_value_not_computed_is_not_judged() =>
        Assert.Null(TargetOf("BL152", 40).AttainmentOf(IndicatorCatalog.Get("BL152"),
            IndicatorValue.NotCaptured(IndicatorCatalog.Get("BL152"), notes: ValueNotes.ShortHistory)));
}
