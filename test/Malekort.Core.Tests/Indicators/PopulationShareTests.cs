using Malekort.Population;
using Malekort.Units;

namespace Malekort.Indicators;

/// <summary>B.101, B.102, B.103: counts over SSB population at 1 January of M's year.</summary>
public sealed class PopulationShareTests
{
    private static readonly UnitCode Fredrikstad = UnitCode.Parse("3107");

    // Recipients in 2024-01: a (44, long-term, livelihood 5), b (24), c (16).
    private static TestBatch ThreeRecipients() => new TestBatch()
        .Person("a", "1980-05-05").Livelihood("a", "2022-01-01", 5)
        .PaidIn("a", "2023-08", "2023-09", "2023-10", "2023-11", "2023-12", "2024-01")
        .Person("b", "1999-06-30").PaidIn("b", "2024-01")
        .Person("c", "2007-06-30").PaidIn("c", "2024-01");

    [Fact]
    public void Shares_are_counts_over_the_population_in_per_cent()
    {
        var population = new PopulationTable([new PopulationFigure(Fredrikstad, 2024, 53398, 7000, 85230, "test")]);

        var r = ThreeRecipients().Compute("2024-01", "2024-01", population);

        Assert.Equal(new IndicatorValue(3, 53398, 3.0 / 53398 * 100, ValueNotes.None, 1, 1), r["B.101", "2024-01"]);
        Assert.Equal(new IndicatorValue(1, 53398, 1.0 / 53398 * 100, ValueNotes.None, 1, 1), r["B.102", "2024-01"]);
        // The letter's own definition: all recipients under 25 over the population 18–24.
        Assert.Equal(new IndicatorValue(2, 7000, 2.0 / 7000 * 100, ValueNotes.None, 1, 1), r["B.103", "2024-01"]);
    }

    [Fact]
    public void A_missing_year_uses_the_latest_earlier_year_and_marks_the_value()
    {
        var population = new PopulationTable([
            new PopulationFigure(Fredrikstad, 2022, 52000, 6800, 83000, "test"),
            new PopulationFigure(Fredrikstad, 2023, 53000, 6900, 84000, "test"),
        ]);

        var r = ThreeRecipients().Compute("2024-01", "2024-01", population);

        Assert.Equal(53000, r["B.101", "2024-01"].Denominator);
        Assert.Equal(ValueNotes.OlderPopulation, r["B.101", "2024-01"].Notes);
        Assert.Equal(6900, r["B.103", "2024-01"].Denominator);
        Assert.Equal(ValueNotes.OlderPopulation, r["B.103", "2024-01"].Notes);
    }

    [Fact]
    public void Missing_population_gives_no_denominator_and_no_value_but_keeps_the_numerator()
    {
        var r = ThreeRecipients().Compute("2024-01", "2024-01", PopulationTable.Empty);

        foreach (var code in new[] { "B.101", "B.102", "B.103" })
        {
            var value = r[code, "2024-01"];
            Assert.NotNull(value.Numerator);
            Assert.Null(value.Denominator);
            Assert.Null(value.Value);
        }
    }
}
