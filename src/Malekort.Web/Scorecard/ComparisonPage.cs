using System.Globalization;
using Malekort.Confidentiality;
using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Web.State;
using Microsoft.AspNetCore.Http;

namespace Malekort.Web.Scorecard;

/// <summary>One indicator for every unit with data in one month: value, numerator, denominator and status.</summary>
internal static class ComparisonPage
{
    private static readonly TableColumn[] Columns =
    [
        TableColumn.Text("Enhet"), TableColumn.Number("Verdi"), TableColumn.Number("Teller"), TableColumn.Number("Nevner"),
        TableColumn.Text("Status"),
        new(Html.Of($"""<span aria-hidden="true">Stolpe</span><span class="aksel-typo--visually-hidden">Verdien som stolpe (samme tall som i Verdi)</span>"""), "bar-cell"),
    ];

    public static IResult Render(ScorecardSnapshot snapshot, ShownResults results, IndicatorDefinition definition, Month month)
    {
        var rows = snapshot.Units
            .Select(u => (Unit: u, Row: ScorecardModel.Row(snapshot, results, u.Code, month, definition, withTrend: false)))
            .Where(x => x.Row.Value.IsCaptured || x.Row.IsSuppressed)
            .ToList();
        var largest = rows.Select(r => r.Row.Value.Value ?? 0).DefaultIfEmpty(0).Max();
        var monthName = NorwegianFormat.Month(month);
        var table = rows.Count == 0
            ? Layout.Alert("info", Html.Of($"<p>Ingen enheter har data for {definition.Code} i {monthName}.</p>"))
            : Table.Render("Sammenligning", null, $"{definition.Code} {definition.Name}, {monthName}, for alle enheter med data", Columns,
                rows.Select(r => Row(r.Unit, r.Row, largest, month)));
        var content = Html.Of($"""
            <div>
            <h1 class="aksel-heading aksel-heading--large">Sammenligning av enheter</h1>
            <p class="aksel-body-long lead">{definition.Code} {definition.Name} · {monthName}</p>
            </div>
            {Picker(snapshot, definition, month)}
            {table}
            {(rows.Any(r => r.Row.IsSuppressed) ? Layout.SuppressionLegend() : Html.Empty)}
            """);
        return Layout.Page($"Sammenligning: {definition.Code}, {monthName}", Section.Comparison, snapshot, content);
    }

    private static Html Picker(ScorecardSnapshot snapshot, IndicatorDefinition selected, Month selectedMonth)
    {
        using var writer = new HtmlWriter(8 * 1024);
        writer.Markup("<form class=\"picker\" method=\"get\" action=\"/sammenlign\" aria-label=\"Velg indikator og måned\">\n");
        Layout.SelectStart(writer, "indikator", "indikator", "Indikator");
        foreach (var d in IndicatorCatalog.All) Layout.Option(writer, d.Code, $"{d.Code} {d.Name}", d.Code == selected.Code);
        Layout.SelectEnd(writer);
        writer.Markup("\n");
        Layout.SelectStart(writer, "maned", "maned", "Måned");
        foreach (var m in snapshot.Months) Layout.Option(writer, m.ToString(), NorwegianFormat.Month(m), m == selectedMonth);
        Layout.SelectEnd(writer);
        writer.Markup("\n<button type=\"submit\" class=\"aksel-button\" data-variant=\"primary\"><span class=\"aksel-label\">Sammenlign</span></button>\n</form>");
        return writer.ToHtml();
    }

    private static Html Row(UnitChoice unit, IndicatorRow row, double largest, Month month)
    {
        var width = row.Value.Value is { } v && largest > 0 ? Math.Max(0, v / largest * 100) : 0;
        // The width is an invariant number computed here; it is the only markup not encoded.
        var bar = row.Value.Value is null
            ? Html.Empty
            : Html.Trusted($"""<svg width="100%" height="12" aria-hidden="true" focusable="false"><rect class="bar-rect" x="0" y="0" height="12" width="{width.ToString("0.#", CultureInfo.InvariantCulture)}%" fill="currentColor"></rect></svg>""");
        return Html.Of($"""
            <tr class="aksel-table__row">
            <th scope="row" class="aksel-table__header-cell"><a class="aksel-link" href="/malekort?enhet={Uri.EscapeDataString(unit.Code.Value)}&amp;maned={month}">{unit.Name}</a> <span class="subtle">({unit.Code.Value})</span></th>
            <td class="aksel-table__data-cell number-cell">{Texts.Value(row.Definition, row.Value)}</td>
            <td class="aksel-table__data-cell number-cell">{Texts.Numerator(row.Definition, row.Value)}</td>
            <td class="aksel-table__data-cell number-cell">{Texts.Denominator(row.Definition, row.Value)}</td>
            <td class="aksel-table__data-cell">{Layout.StatusTag(row.Status)}</td>
            <td class="aksel-table__data-cell bar-cell trend">{bar}</td>
            </tr>
            """);
    }
}
