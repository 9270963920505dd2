namespace Malekort.Units;

public sealed class OfficeRegisterTests
{
    [Fact]
    public void An_office_is_found_by_its_code_and_by_the_units_it_serves()
    {
        var register = new OfficeRegister([new Office("0106", "NAV Fredrikstad", [UnitCode.Parse("3107")])]);

        Assert.Equal("NAV Fredrikstad", register.OfficeOf(UnitCode.Parse("3107"))?.Name);
        Assert.Equal("NAV Fredrikstad", register.Find(UnitCode.Parse("NAV-0106"))?.Name);
        Assert.Null(register.OfficeOf(UnitCode.Parse("3103")));
    }

    [Fact]
    public void Two_offices_serving_the_same_unit_are_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new OfficeRegister([
            new Office("0106", "NAV Fredrikstad", [UnitCode.Parse("3107")]),
            new Office("0107", "NAV Annen", [UnitCode.Parse("3107")]),
        ]));
        Assert.Contains("3107", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_office_serving_a_county_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new OfficeRegister([new Office("0106", "NAV Fredrikstad", [UnitCode.Parse("31")])]));
    }
}
