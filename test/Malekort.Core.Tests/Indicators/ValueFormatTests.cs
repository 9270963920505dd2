using System.Globalization;

namespace Malekort.Indicators;

/// <summary>Small shares are readable (issue 9): enough decimals to be non-zero, one otherwise.</summary>
public sealed class ValueFormatTests
{
    private static readonly CultureInfo Norwegian = CultureInfo.GetCultureInfo("nb-NO");

    [Theory]
    [InlineData(2.3, "2,3")]
    [InlineData(2.25, "2,3")]
    [InlineData(0.0, "0,0")]
    [InlineData(0.05, "0,1")]
    [InlineData(0.04, "0,04")]
    [InlineData(0.0375, "0,04")]
    [InlineData(0.011236, "0,01")]
    [InlineData(0.004, "0,004")]
    [InlineData(100.0, "100,0")]
    public void A_share_shows_one_decimal_or_as_many_as_it_takes_to_be_non_zero(double value, string expected) =>
        Assert.Equal(expected, ValueFormat.PercentNumber(value, Norwegian));
}
