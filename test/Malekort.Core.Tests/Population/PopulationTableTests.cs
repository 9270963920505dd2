using Malekort.Units;

namespace Malekort.Population;

public sealed class PopulationTableTests
{
    private static readonly UnitCode Fredrikstad = UnitCode.Parse("3107");

    [Fact]
    public void The_month_s_own_year_is_used_when_present()
    {
        var table = new PopulationTable([
            new PopulationFigure(Fredrikstad, 2023, 53000, 6900, 84000, "test"),
            new PopulationFigure(Fredrikstad, 2024, 53398, 7000, 85230, "test"),
        ]);

        Assert.Equal(53398, table.For(Fredrikstad, 2024, AgeGroup.Aged18To66, out var older));
        Assert.False(older);
        Assert.Equal(7000, table.For(Fredrikstad, 2024, AgeGroup.Aged18To24, out _));
    }

    [Fact]
    public void A_missing_year_uses_the_latest_earlier_year_and_says_so()
    {
        var table = new PopulationTable([
            new PopulationFigure(Fredrikstad, 2022, 52000, 6800, 83000, "test"),
            new PopulationFigure(Fredrikstad, 2023, 53000, 6900, 84000, "test"),
        ]);

        Assert.Equal(53000, table.For(Fredrikstad, 2025, AgeGroup.Aged18To66, out var older));
        Assert.True(older);
    }

    [Fact]
    public void Only_later_years_or_none_give_no_population()
    {
        var table = new PopulationTable([new PopulationFigure(Fredrikstad, 2024, 53398, 7000, 85230, "test")]);

        Assert.Null(table.For(Fredrikstad, 2023, AgeGroup.Aged18To66, out _));
        Assert.Null(table.For(UnitCode.Parse("3103"), 2024, AgeGroup.Aged18To66, out _));
    }
}
