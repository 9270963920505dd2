using Malekort.DataQuality;
using Malekort.Import.Population;
using Malekort.Units;

namespace Malekort.Import.Offices;

public sealed class OfficeRegisterReaderTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "offices", name);

    private static ReadResult<IReadOnlyList<Office>> Read(string path) => new OfficeRegisterReader().Read(path);

    [Fact]
    public void Valid_register_gives_each_office_with_its_units()
    {
        var result = Read(Fixture("gyldig.csv"));

        Assert.True(result.Accepted, string.Join("\n", result.Findings));
        Assert.Empty(result.Findings);
        var offices = result.Value!;
        Assert.Equal(["0106", "0104", "0101", "0326"], offices.Select(o => o.Number));
        var halden = offices[2];
        Assert.Equal("NAV Halden-Aremark", halden.Name);
        Assert.Equal([UnitCode.Parse("3101"), UnitCode.Parse("3124")], halden.Units);
        Assert.Equal(UnitCode.Parse("030112"), Assert.Single(offices[3].Units));
    }

    [Fact]
    public void Demo_register_serves_Fredrikstad_Moss_Rade_and_Alna()
    {
        var result = Read(Path.Combine(PopulationFiles.RepositoryRoot, "data", "offices", "demo-offices.csv"));

        Assert.True(result.Accepted, string.Join("\n", result.Findings));
        var register = new OfficeRegister(result.Value!);
        Assert.Equal("0106", register.OfficeOf(UnitCode.Parse("3107"))!.Number);
        Assert.Equal("0104", register.OfficeOf(UnitCode.Parse("3103"))!.Number);
        Assert.Equal("0135", register.OfficeOf(UnitCode.Parse("3112"))!.Number);
        Assert.Equal("NAV Alna", register.OfficeOf(UnitCode.Parse("030112"))!.Name);
    }

    [Fact]
    public void Unit_not_in_the_2024_register_is_an_error_with_line_and_column()
    {
        var result = Read(Fixture("ukjent-enhet.csv"));

        Assert.False(result.Accepted);
        Assert.Null(result.Value);
        var errors = result.Findings.Where(f => f.Rejects).ToList();
        Assert.Equal([(2, "units"), (3, "units"), (4, "units")], errors.Select(e => (e.Line, e.Column)));
        Assert.Contains("3004 finnes ikke i SSBs kommune- og bydelsregister for 2024", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("et kommunenummer fra før 2024, nå 3107 Fredrikstad", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("9999 finnes ikke", errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("31 er et fylke", errors[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unit_served_by_two_offices_is_rejected()
    {
        var result = Read(Fixture("enhet-to-ganger.csv"));

        Assert.False(result.Accepted);
        var error = Assert.Single(result.Findings);
        Assert.Equal((Severity.Error, 4, "units"), (error.Severity, error.Line, error.Column));
        Assert.Contains("3107 Fredrikstad betjenes også av 0106 NAV Fredrikstad (linje 2)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Office_number_twice_is_rejected()
    {
        var result = Read(Fixture("kontornummer-to-ganger.csv"));

        Assert.False(result.Accepted);
        var error = Assert.Single(result.Findings);
        Assert.Equal((Severity.Error, 4, "office_number"), (error.Severity, error.Line, error.Column));
        Assert.Contains("0106 står også på linje 2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("106,NAV Fredrikstad,3107", "office_number")]
    [InlineData("01O6,NAV Fredrikstad,3107", "office_number")]
    [InlineData("0106,,3107", "office_name")]
    [InlineData("0106,NAV Fredrikstad,", "units")]
    [InlineData("0106,NAV Fredrikstad,3107|", "units")]
    [InlineData("0106,NAV Fredrikstad,NAV-0106", "units")]
    [InlineData("0106,NAV Fredrikstad,3107|3107", "units")]
    [InlineData("0106,NAV Fredrikstad", "")]
    public void Broken_row_is_an_error_naming_the_column(string row, string column)
    {
        using var file = new TemporaryFile("kontorer.csv", "office_number,office_name,units\n" + row + "\n");

        var result = Read(file.Path);

        Assert.False(result.Accepted);
        var error = Assert.Single(result.Findings);
        Assert.Equal((Severity.Error, 2, column), (error.Severity, error.Line, error.Column));
    }

    [Fact]
    public void Oslo_as_a_whole_beside_its_districts_is_rejected()
    {
        using var file = new TemporaryFile("kontorer.csv", "office_number,office_name,units\n0326,NAV Alna,030112\n0300,NAV Oslo,0301\n");

        var result = Read(file.Path);

        var error = Assert.Single(result.Findings);
        Assert.Equal((Severity.Error, 3), (error.Severity, error.Line));
    }

    [Fact]
    public void File_that_is_not_UTF8_is_fatal()
    {
        var latin1 = System.Text.Encoding.Latin1.GetBytes("office_number,office_name,units\n0135,NAV Råde,3112\n");
        using var file = new TemporaryFile("kontorer.csv", latin1);

        var fatal = Assert.Single(Read(file.Path).Findings);
        Assert.Equal(Severity.Fatal, fatal.Severity);
    }

    [Fact]
    public void Recognise_takes_the_register_header_and_nothing_else()
    {
        Assert.True(OfficeRegisterReader.Recognise(Fixture("gyldig.csv")));
        Assert.True(OfficeRegisterReader.Recognise(Path.Combine(PopulationFiles.RepositoryRoot, "data", "offices", "demo-offices.csv")));
        Assert.False(OfficeRegisterReader.Recognise(PopulationFiles.Ssb("ssb_07459_nevnere_2024.csv")));
        Assert.False(OfficeRegisterReader.Recognise(PopulationFiles.Ssb("kommuner_2024.csv")));
    }
}
