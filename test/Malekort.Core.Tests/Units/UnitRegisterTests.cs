namespace Malekort.Units;

public sealed class UnitRegisterTests
{
    [Fact]
    public void The_2024_register_has_357_municipalities_15_counties_and_15_Oslo_districts()
    {
        var register = UnitRegister.Default;

        Assert.Equal(357, register.Municipalities.Count);
        Assert.Equal(15, register.Counties.Count);
        Assert.Equal(15, register.Districts.Count);
        Assert.All(register.DistrictsOf(UnitCode.Parse("0301")), d => Assert.StartsWith("0301", d.Code.Value, StringComparison.Ordinal));
        Assert.Equal("Fredrikstad", register.NameOf(UnitCode.Parse("3107")));
        Assert.True(register.IsKnownCaptureUnit(UnitCode.Parse("3107")));
        Assert.False(register.IsKnownCaptureUnit(UnitCode.Parse("9999")));
    }
}
