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

    [Theory]
    [InlineData("3004", "3107")]
    [InlineData("0106", "3107")]
    [InlineData("0124", "3118")]
    public void Older_numbers_map_to_their_single_2024_successor(string old, string current) =>
        Assert.Equal(current, UnitRegister.Default.Renumbered[old]);

    [Theory]
    [InlineData("1507")]
    [InlineData("1504")]
    [InlineData("1523")]
    public void Municipalities_split_later_have_no_single_successor(string old) =>
        Assert.False(UnitRegister.Default.Renumbered.ContainsKey(old));

    [Fact]
    public void Every_successor_is_a_municipality_in_the_2024_register()
    {
        foreach (var (old, current) in UnitRegister.Default.Renumbered)
            Assert.True(UnitRegister.Default.IsKnownCaptureUnit(UnitCode.Parse(current)), $"{old} → {current}");
    }
}
