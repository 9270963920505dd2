using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Units;

namespace Malekort.Targets;

/// <summary>Goal attainment month by month and for the year so far, in the indicator's direction (issue 11 item 3).</summary>
public sealed class YearAttainmentTests
{
    private static readonly UnitCode Oppland = UnitCode.Office("0501");
    private static readonly IndicatorDefinition Participants = IndicatorCatalog.Get("B.151");

    private static IndicatorValue Count(long n, ValueNotes notes = ValueNotes.None) => new(n, 1, n, notes, 1, 1);

    [Fact]
    public void Seed_003_380_participants_against_a_target_of_337_is_113_percent()
    {
        // «I 2009 var det nasjonale måltallet 8860 deltakere som utgjør 337 i Oppland. Ved utløpet av desember 2009 var det 380
        // deltakere i program … Oppland hadde for 2009 en måloppnåelse på 113 %.»
        var year = TargetYear.Periodised(Participants, Oppland, 2009, 337m);

        var (months, _) = YearAttainment.Of(Participants, year, new Month(2009, 12), m => m.Number == 12 ? Count(380) : null);

        Assert.Equal(113, Math.Round(months[11].Attainment!.Value.Percent!.Value));
        Assert.True(months[11].Attainment!.Value.Reached);
    }

    [Fact]
    public void The_year_so_far_of_a_level_is_the_mean_of_the_months_with_a_value_against_the_mean_of_their_targets()
    {
        var year = TargetYear.Periodised(Participants, Oppland, 2010, 349m);
        long[] actual = [300, 330, 360, 400];

        var (months, toDate) = YearAttainment.Of(Participants, year, new Month(2010, 4), m => Count(actual[m.Number - 1]));

        Assert.Equal(12, months.Count);
        Assert.Null(months[4].Value);
        Assert.Equal(4, toDate.MonthsCounted);
        Assert.Equal(347.5, toDate.Actual);
        Assert.Equal(349.0, toDate.Target);
        Assert.Equal(347.5 / 349 * 100, toDate.Attainment!.Value.Percent!.Value, 9);
        Assert.False(toDate.Attainment.Value.Reached);
    }

    [Fact]
    public void The_year_so_far_of_a_flow_is_the_sum_and_where_lower_is_better_the_target_is_divided_by_the_actual()
    {
        var sanctions = IndicatorCatalog.Get("V.104");
        var year = TargetYear.Periodised(sanctions, Oppland, 2025, 120m);

        var (_, toDate) = YearAttainment.Of(sanctions, year, new Month(2025, 3), m => Count(5));

        Assert.Equal(15.0, toDate.Actual);
        Assert.Equal(30.0, toDate.Target);
        Assert.Equal(200.0, toDate.Attainment!.Value.Percent!.Value, 9);
        Assert.True(toDate.Attainment.Value.Reached);
    }

    [Fact]
    public void A_hidden_month_hides_the_year_so_far_which_would_give_it_back()
    {
        var year = TargetYear.Periodised(Participants, Oppland, 2010, 3m);

        var (_, toDate) = YearAttainment.Of(Participants, year, new Month(2010, 2),
            m => m.Number == 1 ? Count(4) : new IndicatorValue(null, 1, null, ValueNotes.Suppressed, 1, 1));

        Assert.True(toDate.Hidden);
        Assert.Null(toDate.Attainment);
    }
}
