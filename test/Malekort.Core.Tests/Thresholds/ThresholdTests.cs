using Malekort.Indicators;
using Malekort.Units;

namespace Malekort.Thresholds;

public sealed class ThresholdTests
{
    [Theory]
    // Higher is better: value ≥ green → green; value < red → red; otherwise yellow.
    [InlineData(80.0, Colour.Green)]
    [InlineData(80.000001, Colour.Green)]
    [InlineData(79.999999, Colour.Yellow)]
    [InlineData(60.0, Colour.Yellow)]
    [InlineData(59.999999, Colour.Red)]
    [InlineData(0.0, Colour.Red)]
    public void Higher_is_better_is_green_at_the_green_limit_and_red_only_below_the_red_limit(double value, Colour expected)
    {
        var threshold = new Threshold(UnitCode.Parse("3107"), "B10", Direction.HigherIsBetter, 80m, 60m, "test").Validated();

        Assert.Equal(expected, threshold.Classify(value));
    }

    [Theory]
    // Lower is better: value ≤ green → green; value > red → red; otherwise yellow.
    [InlineData(2.5, Colour.Green)]
    [InlineData(2.499999, Colour.Green)]
    [InlineData(2.500001, Colour.Yellow)]
    [InlineData(4.0, Colour.Yellow)]
    [InlineData(4.000001, Colour.Red)]
    public void Lower_is_better_is_green_at_the_green_limit_and_red_only_above_the_red_limit(double value, Colour expected)
    {
        var threshold = new Threshold(UnitCode.Parse("3107"), "B.101", Direction.LowerIsBetter, 2.5m, 4m, "test").Validated();

        Assert.Equal(expected, threshold.Classify(value));
    }

    [Fact]
    public void Limits_that_contradict_the_direction_are_rejected()
    {
        var unit = UnitCode.Parse("3107");

        Assert.Throws<ArgumentException>(() => new Threshold(unit, "B10", Direction.HigherIsBetter, 60m, 80m, "test").Validated());
        Assert.Throws<ArgumentException>(() => new Threshold(unit, "B.101", Direction.LowerIsBetter, 4m, 2.5m, "test").Validated());
    }
}
