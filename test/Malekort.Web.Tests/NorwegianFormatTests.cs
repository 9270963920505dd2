using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Web.Scorecard;

namespace Malekort.Web;

public sealed class NorwegianFormatTests
{
    private const string Nbsp = "\u00A0";

    [Theory]
    [InlineData(0L, "0")]
    [InlineData(7L, "7")]
    [InlineData(1234L, "1" + Nbsp + "234")]
    [InlineData(1234567L, "1" + Nbsp + "234" + Nbsp + "567")]
    public void Counts_group_thousands_with_a_non_breaking_space(long value, string expected) =>
        Assert.Equal(expected, NorwegianFormat.Count(value));

    [Theory]
    [InlineData(2.3, "2,3" + Nbsp + "%")]
    [InlineData(2.25, "2,3" + Nbsp + "%")]
    [InlineData(0.0, "0,0" + Nbsp + "%")]
    [InlineData(100.0, "100,0" + Nbsp + "%")]
    public void Percentages_have_a_decimal_comma_and_one_decimal(double value, string expected) =>
        Assert.Equal(expected, NorwegianFormat.Percent(value));

    [Fact]
    public void Mean_days_say_dager() => Assert.Equal("12,4" + Nbsp + "dager", NorwegianFormat.Days(12.4));

    [Theory]
    [InlineData(2024, 12, "desember 2024")]
    [InlineData(2025, 1, "januar 2025")]
    [InlineData(2024, 8, "august 2024")]
    public void Months_are_written_in_words(int year, int month, string expected) =>
        Assert.Equal(expected, NorwegianFormat.Month(new Month(year, month)));

    [Fact]
    public void Dates_are_day_month_year() => Assert.Equal("1. mars 2024", NorwegianFormat.Date(new DateOnly(2024, 3, 1)));

    [Fact]
    public void Instants_are_shown_in_oslo_time()
    {
        // 23:30 UTC on 31 December is 00:30 on New Year's Day in Oslo.
        Assert.Equal("1. januar 2025 kl. 00.30", NorwegianFormat.Instant(new DateTimeOffset(2024, 12, 31, 23, 30, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData(ValueKind.Count, 1234.0, "1" + Nbsp + "234")]
    [InlineData(ValueKind.Percent, 2.5, "2,5" + Nbsp + "%")]
    [InlineData(ValueKind.Mean, 14.0, "14,0" + Nbsp + "dager")]
    public void Values_are_formatted_by_their_kind(ValueKind kind, double value, string expected) =>
        Assert.Equal(expected, NorwegianFormat.Value(kind, value));

    [Fact]
    public void A_value_not_captured_is_never_shown_as_zero()
    {
        var definition = IndicatorCatalog.Get("BL151");
        Assert.Equal("Ikke fanget", Texts.Value(definition, IndicatorValue.NotCaptured(definition)));
        Assert.Equal("0", Texts.Value(definition, IndicatorValue.Of(definition, 0, 1, ValueNotes.None)));
    }

    [Fact]
    public void A_suppressed_value_is_a_colon()
    {
        var definition = IndicatorCatalog.Get("B.101");
        var suppressed = new IndicatorValue(null, 400, null, ValueNotes.Suppressed, 1, 1);
        Assert.Equal(":", Texts.Value(definition, suppressed));
        Assert.Equal(":", Texts.Numerator(definition, suppressed));
        // The population is public and stays.
        Assert.Equal("400", Texts.Denominator(definition, suppressed));
    }

    [Fact]
    public void A_share_with_a_zero_denominator_has_no_value()
    {
        var definition = IndicatorCatalog.Get("B.104");
        Assert.Equal("Ingen verdi", Texts.Value(definition, IndicatorValue.Of(definition, 0, 0, ValueNotes.None)));
    }
}
