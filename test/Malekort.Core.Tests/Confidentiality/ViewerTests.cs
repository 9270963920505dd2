using Malekort.Units;

namespace Malekort.Confidentiality;

public sealed class ViewerTests
{
    // NAV Øst serves Halden and Moss; NAV Vest serves Sarpsborg; NAV Grünerløkka serves two Oslo districts; NAV Oslo sør
    // the rest of Oslo's districts.
    private static readonly string[] GrunerlokkaDistricts = ["030102", "030103"];
    private static readonly OfficeRegister Offices = new(
    [
        new Office("0001", "NAV Øst", [UnitCode.Parse("3101"), UnitCode.Parse("3103")]),
        new Office("0002", "NAV Vest", [UnitCode.Parse("3105")]),
        new Office("0003", "NAV Grünerløkka", [.. GrunerlokkaDistricts.Select(UnitCode.Parse)]),
        new Office("0004", "NAV Oslo sør", [.. UnitRegister.Default.DistrictsOf(UnitCode.Parse("0301")).Select(d => d.Code)
            .Where(d => !GrunerlokkaDistricts.Contains(d.Value))]),
    ]);

    private static Viewer Parse(string viewer)
    {
        var parts = viewer.Split(' ');
        return Viewer.For(Enum.Parse<ViewerRole>(parts[0]), parts.Length > 1 ? UnitCode.Parse(parts[1]) : null);
    }

    [Theory]
    [InlineData("Kontor NAV-0001", "NAV-0001 3101 3103", "NAV-0002 3105 31 0 0301 030102")]
    [InlineData("Kontor NAV-0003", "NAV-0003 030102 030103", "0301 03 030101 NAV-0004 3101")]
    [InlineData("Kommune 3103", "3103", "NAV-0001 3101 31 0 NAV-0002")]
    [InlineData("Kommune 3105", "3105 NAV-0002", "NAV-0001 31 0")]
    [InlineData("Kommune 0301", "0301 030101 030102 03 NAV-0003 NAV-0004", "3101 0 NAV-0001")]
    [InlineData("Fylke 31", "", "3101 3105 31 NAV-0001 0")]
    [InlineData("Fylke", "", "3101 31 0")]
    [InlineData("Direktorat", "", "3101 NAV-0001 31 0 030102")]
    [InlineData("Admin", "", "3101 NAV-0001 31 0")]
    [InlineData("Operator", "3101 NAV-0001 31 0 030102 0301 03", "")]
    public void A_viewer_sees_its_own_units_and_the_aggregates_made_only_of_them_in_full(string viewer, string inFull, string restricted)
    {
        var scope = Parse(viewer).Scope(UnitRegister.Default, Offices);
        foreach (var unit in inFull.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            Assert.True(scope.SeesInFull(UnitCode.Parse(unit)), $"{viewer} skal se {unit} i sin helhet.");
        foreach (var unit in restricted.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            Assert.False(scope.SeesInFull(UnitCode.Parse(unit)), $"{viewer} skal ikke se {unit} i sin helhet.");
    }

    [Fact]
    public void An_office_the_register_does_not_know_sees_nothing_in_full()
    {
        var scope = Viewer.Office(UnitCode.Office("9999")).Scope(UnitRegister.Default, Offices);
        Assert.False(scope.SeesInFull(UnitCode.Office("9999")));
        Assert.Empty(scope.CaptureUnits);
    }

    [Theory]
    [InlineData(ViewerRole.Kontor, "3103")]
    [InlineData(ViewerRole.Kontor, null)]
    [InlineData(ViewerRole.Kommune, "NAV-0001")]
    [InlineData(ViewerRole.Kommune, "31")]
    [InlineData(ViewerRole.Fylke, "3103")]
    [InlineData(ViewerRole.Direktorat, "31")]
    [InlineData(ViewerRole.Operator, "NAV-0001")]
    public void A_unit_that_does_not_fit_the_role_is_refused(ViewerRole role, string? unit) =>
        Assert.Throws<ArgumentException>(() => Viewer.For(role, unit is null ? null : UnitCode.Parse(unit)));

    [Fact]
    public void Viewers_that_see_nothing_in_full_share_one_scope_key_and_offices_have_their_own()
    {
        string Key(Viewer v) => v.Scope(UnitRegister.Default, Offices).Key;
        Assert.Equal(Key(Viewer.Directorate), Key(Viewer.County(UnitCode.Parse("31"))));
        Assert.Equal(Key(Viewer.Directorate), Key(Viewer.Admin));
        Assert.NotEqual(Key(Viewer.Directorate), Key(Viewer.Office(UnitCode.Office("0001"))));
        Assert.NotEqual(Key(Viewer.Office(UnitCode.Office("0002"))), Key(Viewer.Office(UnitCode.Office("0001"))));
        Assert.Equal(Key(Viewer.Municipality(UnitCode.Parse("3105"))), Key(Viewer.Office(UnitCode.Office("0002"))));
    }

    [Fact]
    public void Equal_viewers_are_equal() =>
        Assert.Equal(Viewer.Office(UnitCode.Office("0001")), Viewer.For(ViewerRole.Kontor, UnitCode.Parse("NAV-0001")));
}
