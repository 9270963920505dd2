using Malekort.Confidentiality;
using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Population;
using Malekort.Units;

namespace Malekort.ManualValues;

/// <summary>
/// Manual values fill a unit's cells without captured data before the sums, marked; captured data for the same cell replaces them
/// with a note; and outside the office they are suppressed like any other small count (issue 11 item 4).
/// </summary>
public sealed class ManualEntriesTests
{
    private static readonly Month December = new(2024, 12);
    private static readonly UnitCode Fredrikstad = UnitCode.Parse("3107");
    private static readonly UnitCode Hvaler = UnitCode.Parse("3110");
    private static readonly UnitCode Sarpsborg = UnitCode.Parse("3105");
    private static readonly UnitCode NavFredrikstad = UnitCode.Office("0106");
    private static readonly OfficeRegister Offices = new([
        new Office("0106", "NAV Fredrikstad", [Fredrikstad, Hvaler]), new Office("0105", "NAV Sarpsborg", [Sarpsborg])]);

    private static ManualValue Typed(UnitCode unit, string indicator, long numerator, long? denominator = null) =>
        new(unit, December, indicator, numerator, denominator, "kari", new DateTimeOffset(2025, 1, 10, 9, 0, 0, TimeSpan.Zero));

    // Fredrikstad captured December with three recipients; Hvaler captured nothing.
    private static IndicatorResults Compute(params ManualValue[] manual)
    {
        var batch = new TestBatch("3107", "2024-12-01", "2024-12-31");
        foreach (var person in new[] { "a", "b", "c" }) batch.Person(person, "1980-05-01").PaidIn(person, "2024-12");
        var builder = new WorkingSetBuilder();
        builder.Add(batch.Build());
        return new IndicatorEngine(UnitRegister.Default, Offices).Compute(builder.Build(), PopulationTable.Empty, new MonthRange(December, December), manual);
    }

    [Fact]
    public void A_manual_count_fills_a_unit_without_data_is_marked_and_is_summed_into_its_office()
    {
        var results = Compute(Typed(Hvaler, "BL151", 12));

        var hvaler = results.Get(Hvaler, December, "BL151");
        Assert.Equal((12L, 12.0, ValueNotes.Manual), (hvaler.Numerator!.Value, hvaler.Value!.Value, hvaler.Notes));
        Assert.Contains(Hvaler, results.Units);
        Assert.False(results.Get(Hvaler, December, "BL152").IsCaptured);
        var office = results.Get(NavFredrikstad, December, "BL151");
        Assert.Equal((15L, 2), (office.Numerator!.Value, office.UnitsIncluded));
        Assert.True(office.Notes.HasFlag(ValueNotes.Manual));
    }

    [Fact]
    public void A_manual_share_takes_its_numerator_and_denominator()
    {
        var value = Compute(Typed(Hvaler, "B.104", 3, 12)).Get(Hvaler, December, "B.104");

        Assert.Equal((3L, 12L, 25.0), (value.Numerator!.Value, value.Denominator!.Value, value.Value!.Value));
        Assert.Equal(ValueNotes.Manual, value.Notes);
    }

    [Fact]
    public void Captured_data_for_the_same_unit_and_month_replaces_the_manual_value_and_says_so()
    {
        var value = Compute(Typed(Fredrikstad, "BL151", 99)).Get(Fredrikstad, December, "BL151");

        Assert.Equal(3, value.Numerator);
        Assert.True(value.Notes.HasFlag(ValueNotes.ManualReplaced));
        Assert.False(value.Notes.HasFlag(ValueNotes.Manual));
    }

    [Fact]
    public void A_small_manual_count_is_suppressed_outside_the_office_and_shown_inside_it()
    {
        var results = Compute(Typed(Hvaler, "BL151", 2));

        var outside = ShownResults.For(results, Viewer.Office(UnitCode.Office("0105")), UnitRegister.Default, Offices).Get(Hvaler, December, "BL151");
        var inside = ShownResults.For(results, Viewer.Office(NavFredrikstad), UnitRegister.Default, Offices).Get(Hvaler, December, "BL151");

        Assert.Null(outside.Numerator);
        Assert.True(outside.Notes.HasFlag(ValueNotes.Suppressed));
        Assert.Equal(2, inside.Numerator);
    }

    [Fact]
    public void A_manual_value_for_an_office_or_a_month_not_computed_is_left_out()
    {
        var results = Compute(Typed(NavFredrikstad, "BL151", 40), Typed(Hvaler, "BL151", 5) with { Month = new Month(2025, 3) });

        Assert.Equal(3, results.Get(NavFredrikstad, December, "BL151").Numerator);
        Assert.False(results.Has(Hvaler));
    }
}
