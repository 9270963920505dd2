using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Units;

namespace Malekort.Targets;

/// <summary>
/// A yearly target spread over the months (issue 11 item 3): a level's year is the mean of its months (seed 003's «gjennomsnittlig
/// måltall 349»), a flow's the sum; rounding never moves the year.
/// </summary>
public sealed class TargetYearTests
{
    private static readonly UnitCode Office = UnitCode.Office("0501");
    private static readonly IndicatorDefinition Participants = IndicatorCatalog.Get("B.151");
    private static readonly IndicatorDefinition Sanctions = IndicatorCatalog.Get("V.104");

    [Fact]
    public void An_even_target_for_a_level_is_the_same_every_month_and_their_mean_is_the_year()
    {
        var year = TargetYear.Periodised(Participants, Office, 2010, 349m);

        Assert.Equal(Enumerable.Repeat((decimal?)349m, 12), year.Months);
        Assert.Equal(349m, year.YearFigure(Participants));
        Assert.Equal(Periodisation.Even, year.How);
    }

    [Fact]
    public void An_even_target_for_a_flow_is_split_over_the_months_and_their_sum_is_the_year()
    {
        var year = TargetYear.Periodised(Sanctions, Office, 2025, 100m);

        Assert.Equal([.. Enumerable.Repeat((decimal?)8.33m, 11), 8.37m], year.Months);
        Assert.Equal(100m, year.YearFigure(Sanctions));
    }

    [Fact]
    public void Weights_shape_the_months_and_the_year_stays_exactly_what_was_typed()
    {
        // Seed 003: participants grew through the year; a profile that doubles in the second half.
        decimal[] weights = [1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2];

        var year = TargetYear.Periodised(Participants, Office, 2010, 349m, weights);

        Assert.Equal(232.67m, year.Months[0]);
        Assert.Equal(465.33m, year.Months[6]);
        Assert.Equal(349m * 12, year.Months.Sum());
        Assert.Equal(349m, year.YearFigure(Participants));
        Assert.Equal(Periodisation.Weights, year.How);
    }

    [Fact]
    public void A_month_with_weight_zero_gets_a_target_of_zero_and_the_rounding_lands_on_the_last_weighted_month()
    {
        decimal[] weights = [0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0];

        var year = TargetYear.Periodised(Sanctions, Office, 2025, 100m, weights);

        Assert.Equal(0m, year.Months[0]);
        Assert.Equal(0m, year.Months[11]);
        Assert.Equal(10.0m, year.Months[10]);
        Assert.Equal(100m, year.Months.Sum());
    }

    [Fact]
    public void Month_by_month_targets_give_the_scorecard_only_the_months_that_have_one()
    {
        var months = new decimal?[12];
        months[0] = 300m;
        months[11] = 349m;

        var targets = TargetYear.MonthByMonth(Office, "B.151", 2010, months).Targets().ToList();

        Assert.Equal([new Month(2010, 1), new Month(2010, 12)], targets.Select(t => t.Month));
        Assert.Equal([300m, 349m], targets.Select(t => t.Value));
    }
}
