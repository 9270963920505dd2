using Malekort.Units;

namespace Malekort.Web.Capture;

public sealed class UploadTokenTests
{
    [Fact]
    public void A_token_file_names_the_service_or_a_unit_per_line_and_skips_comments()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path, ["# nøkler", "", "*  tjenestens-hemmelige-nokkel-1", "3107 fredrikstads-hemmelige-nokkel", "NAV-0106\tkontorets-hemmelige-nokkel"]);

            var tokens = UploadToken.Load(path);

            Assert.Equal([null, UnitCode.Parse("3107"), UnitCode.Office("0106")], tokens.Select(t => t.Unit));
            Assert.Equal(["tjenestenøkkel", "nøkkel for 3107", "nøkkel for NAV-0106"], tokens.Select(t => t.ToString()));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("3107", "forventet «ENHET HEMMELIGHET»")]
    [InlineData("3107 hemmelig-kort", "kortere enn 16 tegn")]
    [InlineData("31 fylkets-hemmelige-nokkel-123", "verken * (tjenesten), en kommune")]
    public void A_bad_line_is_refused_with_its_line_number_and_never_the_secret(string line, string why)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path, ["# nøkler", line]);

            var error = Assert.Throws<InvalidDataException>(() => UploadToken.Load(path));

            Assert.Contains($"{path}:2:", error.Message, StringComparison.Ordinal);
            Assert.Contains(why, error.Message, StringComparison.Ordinal);
            if (line.Split(' ') is [_, var secret]) Assert.DoesNotContain(secret, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_units_token_delivers_its_own_unit_an_offices_token_its_units_and_only_the_service_reference_data()
    {
        var offices = new OfficeRegister([new Office("0106", "NAV Fredrikstad", [UnitCode.Parse("3107"), UnitCode.Parse("3110")])]);
        var unit = UploadToken.ForUnit(UnitCode.Parse("3107"), "fredrikstads-hemmelige-nokkel");
        var office = UploadToken.ForUnit(UnitCode.Office("0106"), "kontorets-hemmelige-nokkel-1");
        var service = UploadToken.ForService("tjenestens-hemmelige-nokkel-1");

        Assert.True(TokenCheck.MayDeliver(unit, UnitCode.Parse("3107"), offices));
        Assert.False(TokenCheck.MayDeliver(unit, UnitCode.Parse("3110"), offices));
        Assert.False(TokenCheck.MayDeliver(unit, null, offices));
        Assert.True(TokenCheck.MayDeliver(office, UnitCode.Parse("3110"), offices));
        Assert.False(TokenCheck.MayDeliver(office, UnitCode.Parse("3105"), offices));
        Assert.True(TokenCheck.MayDeliver(service, null, offices));
        Assert.True(TokenCheck.MayPublish(office, UnitCode.Office("0106")));
        Assert.False(TokenCheck.MayPublish(unit, UnitCode.Office("0106")));
    }
}
