using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Population;
using Malekort.Units;

namespace Malekort.Confidentiality;

/// <summary>
/// An own indicator (issue 11 item 6) is suppressed like the rest for a viewer outside the office: a side is hidden when a count it
/// reads is hidden for that viewer, and the value with it; the office's own viewers see it in full.
/// </summary>
public sealed class OwnIndicatorSuppressionTests
{
    private static readonly Month December = new(2024, 12);
    private static readonly UnitCode Halden = UnitCode.Parse("3101");
    private static readonly UnitCode Sarpsborg = UnitCode.Parse("3105");
    private static readonly UnitCode East = UnitCode.Office("0001");
    private static readonly UnitCode West = UnitCode.Office("0002");
    private static readonly OfficeRegister Offices = new([new Office("0001", "NAV Øst", [Halden]), new Office("0002", "NAV Vest", [Sarpsborg])]);

    private static IndicatorResults Compute()
    {
        // Halden: 3 recipients, 1 of them under 25 (a count of 1, hidden outside NAV Øst); Sarpsborg: 5.
        var builder = new WorkingSetBuilder();
        builder.Add(Recipients(new TestBatch(unit: "3101"), ("a", "1980-01-01"), ("b", "1981-01-01"), ("c", "2004-01-01")).Build());
        builder.Add(Recipients(new TestBatch(unit: "3105"), ("d", "1980-01-01"), ("e", "1980-01-01"), ("f", "1980-01-01"), ("g", "1980-01-01"),
            ("h", "1980-01-01")).Build());
        var population = new PopulationTable([new PopulationFigure(Halden, 2024, 10_000, 1_000, 20_000, "test"),
            new PopulationFigure(Sarpsborg, 2024, 10_000, 1_000, 20_000, "test")]);
        var own = OwnIndicators.Compile([Own("EGEN.UNG", "BL153 / BL151 * 100"), Own("EGEN.VOKSNE", "BL151 - BL153"), Own("EGEN.ALLE", "BL151 + 0")]);
        return new IndicatorEngine(UnitRegister.Default, Offices).Compute(builder.Build(), population, new MonthRange(December, December), own: own);
    }

    private static TestBatch Recipients(TestBatch batch, params (string Id, string Birth)[] persons)
    {
        foreach (var (id, birth) in persons) batch.Person(id, birth).PaidIn(id, "2024-12");
        return batch;
    }

    private static OwnIndicator Own(string code, string formula) =>
        new(code, code, "", Direction.LowerIsBetter, "prosent", formula, East, [], "kari", DateTimeOffset.UnixEpoch);

    [Fact]
    public void Outside_the_office_a_share_hides_the_side_that_reads_a_hidden_count_and_its_value()
    {
        var seen = ShownResults.For(Compute(), Viewer.Office(West), UnitRegister.Default, Offices);

        var share = seen.Get(Halden, December, "EGEN.UNG");
        Assert.Equal((null, 3L, null), (share.Numerator, share.Denominator, share.Value));
        Assert.True(share.Notes.HasFlag(ValueNotes.Suppressed));
        var difference = seen.Get(Halden, December, "EGEN.VOKSNE");
        Assert.Equal((null, null), (difference.Numerator, difference.Value));
        Assert.True(difference.Notes.HasFlag(ValueNotes.Suppressed));
        Assert.Equal(3, seen.Get(Halden, December, "EGEN.ALLE").Numerator);
    }

    [Fact]
    public void The_offices_own_viewer_sees_every_own_value_in_full()
    {
        var seen = ShownResults.For(Compute(), Viewer.Office(East), UnitRegister.Default, Offices);

        var share = seen.Get(Halden, December, "EGEN.UNG");
        Assert.Equal((1L, 3L), (share.Numerator, share.Denominator));
        Assert.Equal(100.0 / 3, share.Value!.Value, 9);
        Assert.Equal(2, seen.Get(Halden, December, "EGEN.VOKSNE").Numerator);
        Assert.Equal(2, seen.Get(East, December, "EGEN.VOKSNE").Numerator);
    }
}
