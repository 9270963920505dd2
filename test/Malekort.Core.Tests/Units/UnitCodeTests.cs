namespace Malekort.Units;

public sealed class UnitCodeTests
{
    [Theory]
    [InlineData("0", UnitKind.Country)]
    [InlineData("31", UnitKind.County)]
    [InlineData("03", UnitKind.County)]
    [InlineData("3107", UnitKind.Municipality)]
    [InlineData("0301", UnitKind.Municipality)]
    [InlineData("030101", UnitKind.District)]
    [InlineData("NAV-0106", UnitKind.Office)]
    [InlineData("NAV-1", UnitKind.Office)]
    public void Parse_recognises_each_kind_by_its_form(string text, UnitKind kind)
    {
        var code = UnitCode.Parse(text);

        Assert.Equal(kind, code.Kind);
        Assert.Equal(text, code.Value);
        Assert.Equal(text, code.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("310")]
    [InlineData("31070")]
    [InlineData("0301011")]
    [InlineData("31a7")]
    [InlineData(" 3107")]
    [InlineData("NAV-")]
    [InlineData("NAV-01a6")]
    [InlineData("NAV-123456789")]
    [InlineData("nav-0106")]
    public void Parse_rejects_anything_else(string text)
    {
        Assert.False(UnitCode.TryParse(text, out _));
        Assert.Throws<FormatException>(() => UnitCode.Parse(text));
    }

    [Fact]
    public void A_district_lies_in_its_municipality_and_county()
    {
        var district = UnitCode.Parse("030112");

        Assert.Equal(UnitCode.Parse("0301"), district.Municipality);
        Assert.Equal(UnitCode.Parse("03"), district.County);
        Assert.Equal(UnitCode.Parse("31"), UnitCode.Parse("3107").County);
        Assert.Equal(UnitCode.Parse("3107"), UnitCode.Parse("3107").Municipality);
    }

    [Fact]
    public void Only_municipalities_and_districts_are_capture_units()
    {
        Assert.True(UnitCode.Parse("3107").IsCaptureUnit);
        Assert.True(UnitCode.Parse("030101").IsCaptureUnit);
        Assert.False(UnitCode.Parse("31").IsCaptureUnit);
        Assert.False(UnitCode.Country.IsCaptureUnit);
        Assert.False(UnitCode.Parse("NAV-0106").IsCaptureUnit);
        Assert.Throws<InvalidOperationException>(() => UnitCode.Parse("31").County);
    }

    [Fact]
    public void An_office_code_carries_its_office_number()
    {
        var office = UnitCode.Office("0106");

        Assert.Equal("NAV-0106", office.Value);
        Assert.Equal("0106", office.OfficeNumber);
        Assert.Throws<InvalidOperationException>(() => UnitCode.Parse("3107").OfficeNumber);
    }

    [Fact]
    public void Codes_order_country_counties_municipalities_districts_offices()
    {
        var codes = new[] { "NAV-0106", "030101", "3107", "0301", "31", "0" }.Select(UnitCode.Parse).Order();

        Assert.Equal(["0", "31", "0301", "3107", "030101", "NAV-0106"], codes.Select(c => c.Value));
    }
}
