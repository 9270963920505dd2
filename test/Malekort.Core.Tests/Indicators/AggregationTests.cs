using Malekort.Capture;
using Malekort.Population;
using Malekort.Units;

namespace Malekort.Indicators;

/// <summary>Offices, Oslo, counties and the country: numerators and denominators summed first, the ratio taken after.</summary>
public sealed class AggregationTests
{
    private static readonly OfficeRegister TwoUnitOffice = new([
        new Office("0106", "NAV Fredrikstad og Moss", [UnitCode.Parse("3107"), UnitCode.Parse("3103")]),
    ]);

    private static TestBatch Recipients(string unit, int count, int withProviderDuty)
    {
        var batch = new TestBatch(unit: unit);
        for (var i = 0; i < count; i++)
        {
            batch.Person($"p{i}", "1980-05-05").PaidIn($"p{i}", "2024-01");
            if (i < withProviderDuty) batch.Child($"p{i}", "2015-01-01", duty: true, inHousehold: true);
        }
        return batch;
    }

    [Fact]
    public void An_office_share_is_the_ratio_of_sums_never_the_mean_of_ratios()
    {
        // 3107: 1 of 1 = 100 %; 3103: 0 of 3 = 0 %. The office: 1 of 4 = 25 % (a mean of ratios would say 50 %).
        var r = TestBatch.Compute([Recipients("3107", 1, 1), Recipients("3103", 3, 0)], "2024-01", "2024-01", offices: TwoUnitOffice);

        Assert.Equal(100.0, r["B.104", "2024-01", "3107"].Value);
        Assert.Equal(0.0, r["B.104", "2024-01", "3103"].Value);
        Assert.Equal(new IndicatorValue(1, 4, 25.0, ValueNotes.None, 2, 2), r["B.104", "2024-01", "NAV-0106"]);
    }

    [Fact]
    public void Counts_sum_and_keep_denominator_one()
    {
        var r = TestBatch.Compute([Recipients("3107", 2, 0), Recipients("3103", 3, 0)], "2024-01", "2024-01", offices: TwoUnitOffice);

        Assert.Equal(new IndicatorValue(5, 1, 5.0, ValueNotes.None, 2, 2), r["BL151", "2024-01", "NAV-0106"]);
    }

    [Fact]
    public void Population_shares_sum_populations_of_the_units_included()
    {
        var population = new PopulationTable([
            new PopulationFigure(UnitCode.Parse("3107"), 2024, 53398, 7000, 85230, "test"),
            new PopulationFigure(UnitCode.Parse("3103"), 2024, 32411, 3966, 52051, "test"),
        ]);

        var r = TestBatch.Compute([Recipients("3107", 2, 0), Recipients("3103", 3, 0)], "2024-01", "2024-01", population, TwoUnitOffice);

        var value = r["B.101", "2024-01", "NAV-0106"];
        Assert.Equal(5, value.Numerator);
        Assert.Equal(53398 + 32411, value.Denominator);
        Assert.Equal(5.0 / (53398 + 32411) * 100, value.Value);
    }

    [Fact]
    public void A_mean_above_a_unit_is_all_days_over_all_cases()
    {
        // 3107: one case of 10 days; 3103: three cases of 2 days. Mean 16 / 4 = 4 (a mean of means would say 6).
        var fredrikstad = new TestBatch(unit: "3107").Person("a", "1980-05-05").Case("a", "2024-01-02", "2024-01-12");
        var moss = new TestBatch(unit: "3103").Person("a", "1980-05-05")
            .Case("a", "2024-01-02", "2024-01-04").Case("a", "2024-01-10", "2024-01-12").Case("a", "2024-01-20", "2024-01-22");

        var r = TestBatch.Compute([fredrikstad, moss], "2024-01", "2024-01", offices: TwoUnitOffice);

        Assert.Equal(new IndicatorValue(16, 4, 4.0, ValueNotes.None, 2, 2), r["PL151", "2024-01", "NAV-0106"]);
    }

    [Fact]
    public void Units_whose_numerator_is_not_captured_are_left_out_and_the_coverage_says_so()
    {
        var fredrikstad = Recipients("3107", 2, 0).Person("k", "1980-05-05").Kvp("k", "2023-06-01");
        var moss = new TestBatch(unit: "3103", parts: CaptureDomains.Persons | CaptureDomains.Payments).Person("a", "1980-05-05")
            .PaidIn("a", "2024-01");

        var r = TestBatch.Compute([fredrikstad, moss], "2024-01", "2024-01", offices: TwoUnitOffice);

        var b51 = r["B51", "2024-01", "NAV-0106"];
        Assert.Equal(1, b51.Numerator);
        Assert.Equal(1, b51.UnitsIncluded);
        Assert.Equal(2, b51.UnitsTotal);
        Assert.True(b51.Notes.HasFlag(ValueNotes.PartialCoverage));
        Assert.Equal(new IndicatorValue(3, 1, 3.0, ValueNotes.None, 2, 2), r["BL151", "2024-01", "NAV-0106"]);
    }

    [Fact]
    public void Counties_and_the_country_sum_their_municipalities_with_partial_coverage()
    {
        var r = TestBatch.Compute([Recipients("3107", 2, 0), Recipients("3103", 3, 0), Recipients("4601", 4, 0)], "2024-01", "2024-01");

        var ostfold = r["BL151", "2024-01", "31"];
        Assert.Equal(5, ostfold.Numerator);
        Assert.Equal(1, ostfold.Denominator);
        Assert.Equal(2, ostfold.UnitsIncluded);
        Assert.Equal(12, ostfold.UnitsTotal);
        Assert.Equal(ValueNotes.PartialCoverage, ostfold.Notes);
        var country = r["BL151", "2024-01", "0"];
        Assert.Equal(9, country.Numerator);
        Assert.Equal(3, country.UnitsIncluded);
        Assert.Equal(357, country.UnitsTotal);
        Assert.Equal(4, r.Count("BL151", "2024-01", "46"));
    }

    [Fact]
    public void Oslo_is_built_from_its_districts_and_counted_once_in_its_county_and_the_country()
    {
        var r = TestBatch.Compute([Recipients("030101", 2, 1), Recipients("030102", 3, 0), Recipients("3107", 1, 0)], "2024-01", "2024-01");

        var oslo = r["BL151", "2024-01", "0301"];
        Assert.Equal(5, oslo.Numerator);
        Assert.Equal(2, oslo.UnitsIncluded);
        Assert.Equal(15, oslo.UnitsTotal);
        Assert.Equal(new IndicatorValue(1, 5, 20.0, ValueNotes.PartialCoverage, 2, 15), r["B.104", "2024-01", "0301"]);
        var county = r["BL151", "2024-01", "03"];
        Assert.Equal(5, county.Numerator);
        Assert.Equal(1, county.UnitsIncluded);
        Assert.Equal(1, county.UnitsTotal);
        Assert.Equal(6, r.Count("BL151", "2024-01", "0"));
        Assert.Equal(2, r["BL151", "2024-01", "0"].UnitsIncluded);
    }

    [Fact]
    public void An_office_of_districts_sums_its_districts()
    {
        var offices = new OfficeRegister([
            new Office("0314", "NAV Gamle Oslo og Grünerløkka", [UnitCode.Parse("030101"), UnitCode.Parse("030102")]),
        ]);

        var r = TestBatch.Compute([Recipients("030101", 2, 0), Recipients("030102", 3, 0)], "2024-01", "2024-01", offices: offices);

        Assert.Equal(5, r.Count("BL151", "2024-01", "NAV-0314"));
        Assert.Equal(2, r["BL151", "2024-01", "NAV-0314"].UnitsTotal);
    }

    [Fact]
    public void Results_list_units_then_offices_then_counties_then_the_country()
    {
        var r = TestBatch.Compute([Recipients("3107", 1, 0), Recipients("3103", 1, 0)], "2024-01", "2024-01", offices: TwoUnitOffice);

        Assert.Equal(["3103", "3107", "NAV-0106", "31", "0"], r.Results.Units.Select(u => u.Value));
    }

    [Fact]
    public void A_unit_whose_value_is_not_computed_is_not_summed_and_the_office_says_it_lacks_it()
    {
        // 3107 has 2023 and 2024 captured; 3103 only from 2024-01, so its long-term window is not all captured.
        var whole = new TestBatch(unit: "3107", from: "2023-01-01").Person("a", "1980-05-05").Livelihood("a", "2020-01-01", 5)
            .PaidIn("a", "2023-08", "2023-09", "2023-10", "2023-11", "2023-12", "2024-01");
        var short3103 = new TestBatch(unit: "3103", from: "2024-01-01").Person("b", "1980-05-05").Livelihood("b", "2020-01-01", 5)
            .PaidIn("b", "2024-01");

        var r = TestBatch.Compute([whole, short3103], "2024-01", "2024-01", offices: TwoUnitOffice);

        Assert.Equal(NoValueReason.ShortHistory, r["BL152", "2024-01", "3103"].Reason);
        var office = r["BL152", "2024-01", "NAV-0106"];
        Assert.Equal((1L, 1, 2), (office.Numerator!.Value, office.UnitsIncluded, office.UnitsTotal));
        Assert.True(office.IsIncomplete);
        // BL151 needs no history: both units are summed.
        Assert.Equal(2, r.Count("BL151", "2024-01", "NAV-0106"));
        Assert.False(r["BL151", "2024-01", "NAV-0106"].IsIncomplete);
    }

    [Fact]
    public void An_aggregate_none_of_whose_units_has_the_value_computed_is_not_computed_either()
    {
        var r = TestBatch.Compute([new TestBatch(unit: "3107", from: "2024-01-01").Person("a", "1980-05-05").PaidIn("a", "2024-01")],
            "2024-01", "2024-01", offices: TwoUnitOffice);

        Assert.Equal(NoValueReason.ShortHistory, r["BL166", "2024-01", "NAV-0106"].Reason);
        Assert.Equal(NoValueReason.ShortHistory, r["BL166", "2024-01", "0"].Reason);
        Assert.Equal(NoValueReason.None, r["BL151", "2024-01", "0"].Reason);
    }
}
