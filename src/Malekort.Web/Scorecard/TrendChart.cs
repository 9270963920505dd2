using System.Globalization;
using System.Text;
using Malekort.Indicators;

namespace Malekort.Web.Scorecard;

/// <summary>
/// The last 13 months as a small line chart, with the same numbers as a visually hidden list for screen readers
/// (the chart itself is hidden from them): the text alternative WCAG 1.1.1 asks for.
/// </summary>
internal static class TrendChart
{
    private const double Width = 130;
    private const double Height = 32;
    private const double Pad = 3;

    public static Html Render(IndicatorDefinition definition, IReadOnlyList<TrendPoint> points)
    {
        var values = points.Select(p => p.Value.Value).ToList();
        var known = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        var (min, max) = known.Count == 0 ? (0d, 0d) : (known.Min(), known.Max());
        var step = points.Count > 1 ? (Width - 2 * Pad) / (points.Count - 1) : 0;

        double X(int i) => Pad + i * step;
        double Y(double v) => max > min ? Height - Pad - (v - min) / (max - min) * (Height - 2 * Pad) : Height / 2;

        var lines = new StringBuilder();
        var dots = new StringBuilder();
        var run = new List<string>();
        void EndRun()
        {
            if (run.Count > 1) lines.Append(CultureInfo.InvariantCulture, $"""<polyline points="{string.Join(' ', run)}" fill="none" stroke="currentColor" stroke-width="1.5"></polyline>""");
            run.Clear();
        }
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is not { } v)
            {
                EndRun();
                continue;
            }
            run.Add($"{N(X(i))},{N(Y(v))}");
            var radius = i == values.Count - 1 ? "3" : "1.75";
            dots.Append(CultureInfo.InvariantCulture, $"""<circle cx="{N(X(i))}" cy="{N(Y(v))}" r="{radius}" fill="currentColor"></circle>""");
        }
        EndRun();
        // Coordinates are invariant numbers built above from doubles only, so the markup holds no outside text.
        var svg = Html.Trusted(
            $"""<svg class="trend" width="{N(Width)}" height="{N(Height)}" viewBox="0 0 {N(Width)} {N(Height)}" aria-hidden="true" focusable="false">""" +
            $"""<line x1="0" y1="{N(Height - 0.5)}" x2="{N(Width)}" y2="{N(Height - 0.5)}" class="missing" stroke="currentColor" stroke-width="1"></line>""" +
            lines + dots + "</svg>");
        // Read aloud, «:» says nothing: the list says «skjermet».
        var items = points.Select(p => Html.Of($"<li>{NorwegianFormat.Month(p.Month)}: {(p.Value.Notes.HasFlag(ValueNotes.Suppressed) ? "skjermet" : Texts.Value(definition, p.Value))}</li>"));
        return Html.Of($"""
            {svg}<div class="aksel-typo--visually-hidden"><p>Utvikling de siste {points.Count} månedene:</p><ul>{items}</ul></div>
            """);
    }

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
