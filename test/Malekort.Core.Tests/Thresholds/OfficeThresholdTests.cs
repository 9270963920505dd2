using Malekort.Indicators;
using Malekort.Units;

namespace Malekort.Thresholds;

/// <summary>An office and its municipality agree (issue 9, item 6): the same number never gets two colours without saying why.</summary>
public sealed class OfficeThresholdTests
{
    private static readonly UnitCode Fredrikstad = UnitCode.Parse("3107");
    private static readonly UnitCode Moss = UnitCode.Parse("3103");
    private static readonly UnitCode OneUnitOffice = UnitCode.Parse("NAV-0106");
    private static readonly UnitCode TwoUnitOffice = UnitCode.Parse("NAV-0104");

    private static readonly OfficeRegister Offices = new([
        new Office("0106", "NAV Fredrikstad", [Fredrikstad]),
        new Office("0104", "NAV Moss og Rygge", [Moss, UnitCode.Parse("3112")]),
    ]);

    private static Threshold Own(UnitCode unit, decimal green, decimal red) =>
        new(unit, "B.101", Direction.LowerIsBetter, green, red, unit.Value);

    private static IndicatorValue Value(double share) => new(30, 1000, share, ValueNotes.None, 1, 1);

    [Fact]
    public void An_office_serving_one_municipality_colours_with_the_municipality_s_own_thresholds()
    {
        var table = new ThresholdTable([Own(Fredrikstad, 2.2m, 3.0m)]);

        var choice = table.Choose(OneUnitOffice, "B.101", Offices);

        Assert.Equal(Own(Fredrikstad, 2.2m, 3.0m), choice.Threshold);
        Assert.Contains("Fredrikstad", choice.Explanation, StringComparison.Ordinal);
        // 2,5 % is yellow by Fredrikstad's limits on both pages (green by the default 2,0/3,5 would be wrong only on one).
        Assert.Equal(Colour.Yellow, table.Classify(OneUnitOffice, "B.101", Value(2.5), Offices));
        Assert.Equal(Colour.Yellow, table.Classify(Fredrikstad, "B.101", Value(2.5), Offices));
    }

    [Fact]
    public void An_office_with_its_own_thresholds_uses_them_and_says_the_municipality_s_differ()
    {
        var table = new ThresholdTable([Own(Fredrikstad, 2.2m, 3.0m), Own(OneUnitOffice, 2.6m, 3.0m)]);

        var choice = table.Choose(OneUnitOffice, "B.101", Offices);

        Assert.Equal(Own(OneUnitOffice, 2.6m, 3.0m), choice.Threshold);
        Assert.Contains("annen farge", choice.Explanation, StringComparison.Ordinal);
        Assert.Equal(Colour.Green, table.Classify(OneUnitOffice, "B.101", Value(2.5), Offices));
        Assert.Equal(Colour.Yellow, table.Classify(Fredrikstad, "B.101", Value(2.5), Offices));
    }

    [Fact]
    public void An_office_serving_several_says_whose_thresholds_apply()
    {
        var table = new ThresholdTable([Own(Moss, 2.2m, 3.0m)]);

        var choice = table.Choose(TwoUnitOffice, "B.101", Offices);

        Assert.Equal(ThresholdTable.Defaults.Single(d => d.Indicator == "B.101"), choice.Threshold);
        Assert.Equal("Kontoret betjener 2 kommuner/bydeler, og Moss har egne grenser for sine tall; standardgrensene gjelder for kontoret.",
            choice.Explanation);
    }

    [Fact]
    public void Without_anyone_s_own_thresholds_nothing_needs_explaining()
    {
        var choice = new ThresholdTable([]).Choose(OneUnitOffice, "B.101", Offices);

        Assert.Equal(ThresholdTable.Defaults.Single(d => d.Indicator == "B.101"), choice.Threshold);
        Assert.Null(choice.Explanation);
    }

    [Fact]
    public void A_sum_that_lacks_units_is_never_coloured()
    {
        var incomplete = new IndicatorValue(30, 1000, 3.0, ValueNotes.PartialCoverage, 4, 357);

        Assert.Equal(Colour.Incomplete, new ThresholdTable([]).Classify(UnitCode.Country, "B.101", incomplete, Offices));
    }

    [Theory]
    // B.101 lower is better, green ≤ 0,1: 0,104 shows as "0,1 %" but is coloured on the exact value.
    [InlineData(0.1, Colour.Green)]
    [InlineData(0.104, Colour.Yellow)]
    [InlineData(0.04, Colour.Green)]
    public void A_small_share_is_coloured_on_its_exact_value_not_the_rounded_one(double share, Colour expected)
    {
        var table = new ThresholdTable([Own(Fredrikstad, 0.1m, 0.2m)]);

        Assert.Equal(expected, table.Classify(Fredrikstad, "B.101", Value(share), Offices));
    }
}
