using System.Globalization;
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

    // The frame and the baseline never change: written once.
    private static readonly string Frame =
        $"""<svg class="trend" width="{N(Width)}" height="{N(Height)}" viewBox="0 0 {N(Width)} {N(Height)}" aria-hidden="true" focusable="false">""" +
        $"""<line x1="0" y1="{N(Height - 0.5)}" x2="{N(Width)}" y2="{N(Height - 0.5)}" class="missing" stroke="currentColor" stroke-width="1"></line>""";

    public static Html Render(IndicatorDefinition definition, IReadOnlyList<TrendPoint> points)
    {
        using var writer = new HtmlWriter(4096);
        Write(writer, definition, points);
        return writer.ToHtml();
    }

    /// <summary>Writes the chart and its list. Lines come before dots, so every dot is drawn over the lines.</summary>
    public static void Write(HtmlWriter writer, IndicatorDefinition definition, IReadOnlyList<TrendPoint> points)
    {
        double min = 0, max = 0;
        var any = false;
        foreach (var point in points)
        {
            if (point.Value.Value is not { } v) continue;
            (min, max) = any ? (Math.Min(min, v), Math.Max(max, v)) : (v, v);
            any = true;
        }
        var step = points.Count > 1 ? (Width - 2 * Pad) / (points.Count - 1) : 0;
        double X(int i) => Pad + i * step;
        double Y(double v) => max > min ? Height - Pad - (v - min) / (max - min) * (Height - 2 * Pad) : Height / 2;

        // Coordinates are invariant numbers computed from doubles only, so the markup holds no outside text.
        writer.Markup(Frame);
        for (var start = 0; start < points.Count;)
        {
            if (points[start].Value.Value is null)
            {
                start++;
                continue;
            }
            var end = start;
            while (end + 1 < points.Count && points[end + 1].Value.Value is not null) end++;
            if (end > start)
            {
                writer.Markup("<polyline points=\"");
                for (var i = start; i <= end; i++)
                {
                    if (i > start) writer.Markup(" ");
                    Coordinate(writer, X(i));
                    writer.Markup(",");
                    Coordinate(writer, Y(points[i].Value.Value!.Value));
                }
                writer.Markup("\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\"></polyline>");
            }
            start = end + 1;
        }
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i].Value.Value is not { } v) continue;
            writer.Markup("<circle cx=\"");
            Coordinate(writer, X(i));
            writer.Markup("\" cy=\"");
            Coordinate(writer, Y(v));
            writer.Markup(i == points.Count - 1 ? "\" r=\"3\" fill=\"currentColor\"></circle>" : "\" r=\"1.75\" fill=\"currentColor\"></circle>");
        }
        writer.Write($"""</svg><div class="aksel-typo--visually-hidden"><p>Utvikling de siste {points.Count} månedene:</p><ul>""");
        foreach (var p in points)
        {
            // Read aloud, «:» says nothing: the list says «skjermet».
            writer.Write($"<li>{NorwegianFormat.Month(p.Month)}: {(p.Value.Notes.HasFlag(ValueNotes.Suppressed) ? "skjermet" : Texts.Value(definition, p.Value))}</li>");
        }
        writer.Markup("</ul></div>");
    }

    private static void Coordinate(HtmlWriter writer, double value) => writer.Invariant(value, "0.##");

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
