using System.Globalization;

namespace Malekort.Indicators;

/// <summary>How many decimals a value is shown with: the one rule the page, the API's texts and the CLI table share.</summary>
public static class ValueFormat
{
    // Past this a share is shown as 0: 0,000001 % of any municipality's population is no one.
    private const int MostDecimals = 6;

    /// <summary>
    /// A per cent with one decimal; a share that one decimal would round to 0 gets as many more as it takes to be non-zero
    /// (0,04 %), so a small share never reads as none. Colours are decided on the exact value, never on this text.
    /// </summary>
    public static int PercentDecimals(double value)
    {
        var decimals = 1;
        while (decimals < MostDecimals && value != 0 && Math.Round(value, decimals, MidpointRounding.AwayFromZero) == 0) decimals++;
        return decimals;
    }

    /// <summary>The number of a per cent, rounded half away from zero as SSB and a reader round (9 of 400 is 2,3): <c>2,3</c>, <c>0,04</c>.</summary>
    public static string PercentNumber(double value, IFormatProvider culture)
    {
        var decimals = PercentDecimals(value);
        return Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), culture);
    }

    /// <summary>A per cent for a plain-text table: <c>2,3 %</c>.</summary>
    public static string Percent(double value, IFormatProvider culture) => PercentNumber(value, culture) + " %";
}
