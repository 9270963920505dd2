using Malekort.Capture;
using Malekort.Periods;
using Malekort.Population;
using Malekort.Units;

namespace Malekort.Indicators.Splitting;

/// <summary>
/// Splitting never changes a number (capture format, "The batch"): the same random histories delivered as one two-year
/// extract, as two yearly extracts, as yearly extracts that overlap by a quarter, or as monthly extracts, each listing only the
/// persons active in its period with their histories as known when it was made, give the same value for every unit, month
/// and indicator.
/// </summary>
/// <remarks>
/// The test command runs a few seeds; <see cref="SplitSeeds"/> says how to run many (docs/robustness.md).
/// </remarks>
public sealed class SplittingTests
{
    private static readonly MonthRange TwoYears = new(new Month(2023, 1), new Month(2024, 12));

    private static readonly OfficeRegister Offices = new(
    [
        new Office("0106", "NAV Fredrikstad", [UnitCode.Parse("3107")]),
        new Office("0104", "NAV Moss og Fredrikstad", [UnitCode.Parse("3103")]),
        new Office("1201", "NAV Alna", [UnitCode.Parse("030112")]),
    ]);

    private static readonly PopulationTable Population = new(RandomHistory.Units.SelectMany(u => new[]
    {
        new PopulationFigure(u, 2023, 30_000, 4_000, 50_000, "test"), new PopulationFigure(u, 2024, 30_500, 4_100, 51_000, "test"),
    }));

    public static TheoryData<int> Seeds() => SplitSeeds.Get(everyday: 4);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Yearly_monthly_and_overlapping_extracts_give_the_numbers_of_one_two_year_extract(int seed)
    {
        var history = new RandomHistory(seed);
        var lag = new Random(seed);
        var whole = Compute(history.Deliver(RandomHistory.Whole(lag)));

        foreach (var (name, plan) in new[]
        {
            ("årlige", RandomHistory.Yearly(lag)),
            ("årlige med overlapp", RandomHistory.YearlyOverlapping(lag)),
            ("månedlige", RandomHistory.Monthly(lag)),
        })
        {
            var split = Compute(history.Deliver(plan));
            AssertSame(whole, split, $"seed {seed}, {name} uttrekk");
        }
    }

    [Fact]
    public void The_random_histories_have_what_the_rule_is_about()
    {
        // Persons who count in a month but are absent from that month's own extract: without them the property says little.
        var history = new RandomHistory(1);
        var monthly = history.Deliver(RandomHistory.Monthly(new Random(1))).ToList();
        var whole = Compute(history.Deliver(RandomHistory.Whole(new Random(1))));
        var fredrikstad = UnitCode.Parse("3107");

        Assert.True(TwoYears.Months().Where(m => m >= new Month(2023, 12)).Sum(m => whole.Get(fredrikstad, m, "BL152").Numerator) > 0);
        Assert.True(TwoYears.Months().Sum(m => whole.Get(fredrikstad, m, "B.151").Numerator) > 0);
        Assert.True(TwoYears.Months().Sum(m => whole.Get(fredrikstad, m, "B10").Denominator) > 0);
        var listedPerMonth = monthly.Where(b => b.Header.Unit == fredrikstad).Average(b => b.Persons.Count);
        Assert.InRange(listedPerMonth, 1, 30);
    }

    private static IndicatorResults Compute(IEnumerable<CaptureBatch> batches)
    {
        var builder = new WorkingSetBuilder();
        foreach (var batch in batches) builder.Add(batch);
        return new IndicatorEngine(UnitRegister.Default, Offices).Compute(builder.Build(), Population, TwoYears);
    }

    private static void AssertSame(IndicatorResults expected, IndicatorResults actual, string what)
    {
        Assert.Equal(expected.Units, actual.Units);
        var differences = new List<string>();
        foreach (var unit in expected.Units)
        {
            foreach (var month in TwoYears.Months())
            {
                foreach (var definition in IndicatorCatalog.All)
                {
                    var (e, a) = (expected.Get(unit, month, definition.Code), actual.Get(unit, month, definition.Code));
                    if (e != a) differences.Add($"{unit} {month} {definition.Code}: ett uttrekk {e}, {what} {a}");
                }
            }
        }
        Assert.True(differences.Count == 0, $"{what}: {differences.Count} verdier skiller seg, f.eks.\n{string.Join('\n', differences.Take(20))}");
    }
}
