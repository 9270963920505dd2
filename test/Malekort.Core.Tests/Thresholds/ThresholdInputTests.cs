using Malekort.Indicators;

namespace Malekort.Thresholds;

/// <summary>Limits as typed on the form or the command line: Norwegian numbers, checked against the indicator's kind and direction.</summary>
public sealed class ThresholdInputTests
{
    [Theory]
    [InlineData("B.101", "2,5", "4", "2.5", "4")]
    [InlineData("B.101", "2.5", " 4 ", "2.5", "4")]
    [InlineData("BL151", "1 200", "1\u00A0500,25", "1200", "1500.25")]
    [InlineData("B10", "80", "60", "80", "60")]
    [InlineData("PL151", "14", "14", "14", "14")]
    [InlineData("B.101", "0", "0", "0", "0")]
    public void Norwegian_numbers_in_the_indicator_s_direction_are_limits(string code, string green, string red, string g, string r)
    {
        var check = ThresholdInput.Check(IndicatorCatalog.Get(code), green, red);

        Assert.True(check.IsValid);
        Assert.Equal(new Limits(IndicatorCatalog.Get(code).Direction, decimal.Parse(g, System.Globalization.CultureInfo.InvariantCulture),
            decimal.Parse(r, System.Globalization.CultureInfo.InvariantCulture)), check.Limits);
    }

    [Fact]
    public void Both_fields_empty_means_no_own_limits() =>
        Assert.Equal(new LimitsCheck(null, null, null), ThresholdInput.Check(IndicatorCatalog.Get("B.101"), " ", ""));

    [Theory]
    [InlineData("B.101", "mye", "3", "Grønn grense må være et tall, for eksempel 2,5 (ikke «mye»).", null)]
    [InlineData("B.101", "2", "", null, "Skriv rød grense også, eller la begge grensene stå tomme for å bruke standardgrensene.")]
    [InlineData("B.101", "", "2", "Skriv grønn grense også, eller la begge grensene stå tomme for å bruke standardgrensene.", null)]
    [InlineData("B.101", "-1", "2", "Grønn grense kan ikke være negativ.", null)]
    [InlineData("B.101", "1,255", "2", "Grønn grense kan ha høyst to desimaler.", null)]
    [InlineData("B.101", "2", "101", null, "Rød grense er en andel og kan ikke være over 100 %.")]
    [InlineData("B.101", "3", "2,5", "Når lavere er bedre, må grønn grense (3) være høyst like høy som rød grense (2,5).", null)]
    [InlineData("B10", "60", "80", "Når høyere er bedre, må grønn grense (60) være minst like høy som rød grense (80).", null)]
    public void Limits_that_cannot_be_used_say_why_on_the_field_they_are_about(string code, string green, string red, string? greenError,
        string? redError)
    {
        var check = ThresholdInput.Check(IndicatorCatalog.Get(code), green, red);

        Assert.False(check.IsValid);
        Assert.Null(check.Limits);
        Assert.Equal(greenError, check.GreenError);
        Assert.Equal(redError, check.RedError);
    }
}
