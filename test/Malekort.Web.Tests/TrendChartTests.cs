using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Web.Scorecard;

namespace Malekort.Web;

public sealed class TrendChartTests
{
    private static readonly IndicatorDefinition Share = IndicatorCatalog.Get("B.101");

    private static List<TrendPoint> Points(params IndicatorValue[] values) =>
        values.Select((v, i) => new TrendPoint(new Month(2024, 1).Plus(i), v)).ToList();

    private static Task<string> Render(IReadOnlyList<TrendPoint> points) =>
        Rendering.Html<TrendChart>(new() { ["Definition"] = Share, ["Points"] = points });

    [Fact]
    public async Task The_chart_is_hidden_from_screen_readers_and_its_values_are_listed_as_text()
    {
        var html = await Render(Points(
            IndicatorValue.Of(Share, 5, 400, ValueNotes.None),
            IndicatorValue.NotCaptured(Share),
            new IndicatorValue(null, 400, null, ValueNotes.Suppressed, 1, 1)));
        Assert.Contains("<svg class=\"trend\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-hidden=\"true\"", html, StringComparison.Ordinal);
        // The non-breaking space is encoded, as every character outside plain text is.
        Assert.Contains("<li>januar 2024: 1,3&#xA0;%</li>", html, StringComparison.Ordinal);
        Assert.Contains("<li>februar 2024: Ikke fanget</li>", html, StringComparison.Ordinal);
        Assert.Contains("<li>mars 2024: skjermet</li>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Coordinates_are_invariant_numbers_whatever_the_page_culture()
    {
        var html = await Render(Points(
            IndicatorValue.Of(Share, 1, 3, ValueNotes.None), IndicatorValue.Of(Share, 2, 3, ValueNotes.None)));
        Assert.Matches("<polyline points=\"[0-9.]+,[0-9.]+ [0-9.]+,[0-9.]+\"", html);
    }

    [Fact]
    public async Task A_month_without_a_value_breaks_the_line()
    {
        var html = await Render(Points(
            IndicatorValue.Of(Share, 1, 100, ValueNotes.None), IndicatorValue.Of(Share, 2, 100, ValueNotes.None),
            IndicatorValue.NotCaptured(Share),
            IndicatorValue.Of(Share, 3, 100, ValueNotes.None), IndicatorValue.Of(Share, 4, 100, ValueNotes.None)));
        Assert.Equal(2, html.Split("<polyline", StringSplitOptions.None).Length - 1);
        // Four dots: the first three in one path, the last month's larger on its own.
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(html, "M[0-9.]+,[0-9.]+a"));
        Assert.Equal(1, html.Split("<circle", StringSplitOptions.None).Length - 1);
    }
}
