using Malekort.Confidentiality;
using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Units;
using Malekort.Web.State;

namespace Malekort.Web.Scorecard;

/// <summary>
/// The scorecard of one unit and month: the 14 agreed indicators in catalogue order, then the supplementary measures.
/// </summary>
internal static class ScorecardPage
{
    private static readonly TableColumn[] CoreColumns =
    [
        TableColumn.Text("Indikator"), TableColumn.Number("Verdi"), TableColumn.Text("Status"), TableColumn.Text("Grenseverdi"),
        TableColumn.Text("Mål og måloppnåelse"), TableColumn.Text("Utvikling siste 13 måneder"), TableColumn.Text("Merknader"),
    ];

    private static readonly TableColumn[] SupplementaryColumns =
    [
        TableColumn.Text("Mål"), TableColumn.Number("Verdi"), TableColumn.Number("Teller"), TableColumn.Number("Nevner"),
        TableColumn.Text("Merknader"),
    ];

    private static readonly IndicatorDefinition[] Supplementary = [.. IndicatorCatalog.All.Where(d => !d.IsCore)];

    private static readonly Html CoreHeadings = Table.Headings(CoreColumns);
    private static readonly Html SupplementaryHeadings = Table.Headings(SupplementaryColumns);

    public static Html Render(ScorecardSnapshot snapshot, ShownResults results, UnitChoice unit, Month month, Html publication = default)
    {
        using var writer = new HtmlWriter(128 * 1024);
        Write(writer, snapshot, results, unit, month, publication);
        return writer.ToHtml();
    }

    /// <summary>
    /// Writes the page. The picker and the footer are the snapshot's, made once; the indicator tables are made once per unit
    /// and month while the snapshot's response cache keeps them; only the head, the publication banner and the restriction
    /// notice are written for every request.
    /// </summary>
    public static void Write(HtmlWriter writer, ScorecardSnapshot snapshot, ShownResults results, UnitChoice unit, Month month, Html publication)
    {
        var monthName = NorwegianFormat.Month(month);
        Layout.PageStart(writer, $"{unit.Name}, {monthName}", Section.Scorecard);
        writer.Write($"""
            <div>
            <h1 class="aksel-heading aksel-heading--large">Målekort for {unit.Name}</h1>
            <p class="aksel-body-long lead">{monthName} · {KindText(unit)}</p>
            </div>

            """);
        snapshot.Fragments.WritePicker(writer, unit.Code, month);
        var restricted = results.IsRestricted(unit.Code)
            ? Layout.Alert("info", Html.Of($"""<p>Du ser {unit.Name} utenfra: {Texts.SuppressedExplanation}</p>"""))
            : Html.Empty;
        writer.Write($"""

            {publication}
            {restricted}

            """);
        var key = new ResponseKey(ResponsePart.ScorecardIndicators, unit.Code, month);
        if (snapshot.Responses.TryGet(key, out var indicators))
        {
            writer.Markup(indicators);
        }
        else
        {
            var from = writer.Length;
            WriteIndicators(writer, snapshot, results, unit, month, monthName);
            snapshot.Responses.Add(key, writer.Written[from..].ToArray());
        }
        snapshot.Fragments.WritePageEnd(writer);
    }

    /// <summary>The two tables and the suppression legend: everything on the page that is computed from the unit's values.</summary>
    private static void WriteIndicators(HtmlWriter writer, ScorecardSnapshot snapshot, ShownResults results, UnitChoice unit, Month month,
        string monthName)
    {
        var core = ScorecardModel.Rows(snapshot, results, unit.Code, month, IndicatorCatalog.Core);
        var supplementary = ScorecardModel.Rows(snapshot, results, unit.Code, month, Supplementary);
        writer.Markup("""
            <section aria-labelledby="indikatorer">
            <h2 id="indikatorer" class="aksel-heading aksel-heading--medium">Indikatorer</h2>
            <p class="aksel-body-short subtle">Velg en indikator for å se teller, nevner og definisjon.</p>

            """);
        Table.Start(writer, "Indikatorer", null, $"Indikatorer for {unit.Name}, {monthName}", CoreHeadings);
        foreach (var row in core) CoreRow(writer, row);
        Table.End(writer);
        writer.Markup("""

            </section>
            <section aria-labelledby="tilleggsmal">
            <h2 id="tilleggsmal" class="aksel-heading aksel-heading--medium">Tilleggsmål</h2>

            """);
        Table.Start(writer, "Tilleggsmål", null,
            $"Tilgang og avgang av mottakere og kvalifiseringsprogrammet (KVP) for {unit.Name}, {monthName}", SupplementaryHeadings);
        foreach (var row in supplementary) SupplementaryRow(writer, row);
        Table.End(writer);
        writer.Markup("""

            </section>

            """);
        var anySuppressed = core.Concat(supplementary).Any(r => r.IsSuppressed || r.Trend.Any(p => p.Value.Notes.HasFlag(ValueNotes.Suppressed)));
        if (anySuppressed) writer.Append(Layout.SuppressionLegend());
    }

    /// <summary>The form that picks unit and month, with every option unchosen: <see cref="ScorecardFragments"/> marks the chosen ones.</summary>
    /// <returns>Where, in bytes from the start, each unit's and each month's <see cref="Layout.Selected"/> goes.</returns>
    public static (Dictionary<UnitCode, int> Units, Dictionary<Month, int> Months) Picker(HtmlWriter writer, ScorecardSnapshot snapshot)
    {
        var units = new Dictionary<UnitCode, int>();
        var months = new Dictionary<Month, int>();
        writer.Markup("""
            <form class="picker" method="get" action="/malekort" aria-label="Velg enhet og måned">

            """);
        Layout.SelectStart(writer, "enhet", "enhet", "Enhet");
        foreach (var group in snapshot.Units.GroupBy(u => u.Group))
        {
            writer.Write($"""<optgroup label="{Texts.Group(group.Key)}">""");
            foreach (var u in group)
            {
                var start = writer.Length;
                units[u.Code] = start + Layout.Option(writer, u.Code.Value, $"{u.Name} ({u.Code.Value})");
            }
            writer.Markup("</optgroup>");
        }
        Layout.SelectEnd(writer);
        writer.Markup("\n");
        Layout.SelectStart(writer, "maned", "maned", "Måned");
        foreach (var m in snapshot.Months)
        {
            var start = writer.Length;
            months[m] = start + Layout.Option(writer, m.ToString(), NorwegianFormat.Month(m));
        }
        Layout.SelectEnd(writer);
        writer.Markup("""

            <button type="submit" class="aksel-button" data-variant="primary"><span class="aksel-label">Vis målekort</span></button>
            </form>
            """);
        return (units, months);
    }

    private static string KindText(UnitChoice unit) => unit.Code.Kind switch
    {
        UnitKind.Office => "NAV-kontor (summen av kommunene og bydelene kontoret betjener)",
        UnitKind.Municipality => $"kommune {unit.Code.Value}",
        UnitKind.District => $"bydel {unit.Code.Value}",
        UnitKind.County => $"fylke {unit.Code.Value} (summen av kommunene)",
        _ => "hele landet (summen av kommunene)",
    };

    private static void CoreRow(HtmlWriter writer, IndicatorRow row)
    {
        RowStart(writer, row);
        writer.Write($"""
            </td>
            <td class="aksel-table__data-cell">{Layout.StatusTag(row.Status)}</td>
            <td class="aksel-table__data-cell">{ThresholdCell(row)}</td>
            <td class="aksel-table__data-cell">{TargetCell(row)}</td>
            <td class="aksel-table__data-cell">
            """);
        TrendChart.Write(writer, row.Definition, row.Trend);
        writer.Markup("""
            </td>
            <td class="aksel-table__data-cell">
            """);
        RowEnd(writer, row);
    }

    private static void SupplementaryRow(HtmlWriter writer, IndicatorRow row)
    {
        RowStart(writer, row);
        writer.Write($"""
            </td>
            <td class="aksel-table__data-cell number-cell">{Texts.Numerator(row.Definition, row.Value)}</td>
            <td class="aksel-table__data-cell number-cell">{(row.Definition.Kind == ValueKind.Count ? "–" : Texts.Denominator(row.Definition, row.Value))}</td>
            <td class="aksel-table__data-cell">
            """);
        RowEnd(writer, row);
    }

    /// <summary>A row up to its value, which both tables start with: the indicator's name (with its details) and the value.</summary>
    private static void RowStart(HtmlWriter writer, IndicatorRow row)
    {
        writer.Markup("""
            <tr class="aksel-table__row">
            <th scope="row" class="aksel-table__header-cell indicator-name">
            """);
        Details(writer, row);
        writer.Markup("""
            </th>
            <td class="aksel-table__data-cell number-cell">
            """);
        ValueCell(writer, row);
    }

    /// <summary>The notes, which both tables end with, and the row's end.</summary>
    private static void RowEnd(HtmlWriter writer, IndicatorRow row)
    {
        NotesCell(writer, row);
        writer.Markup("""
            </td>
            </tr>
            """);
    }

    /// <summary>The indicator's name; opening it shows numerator and denominator, each with definition and number.</summary>
    private static void Details(HtmlWriter writer, IndicatorRow row)
    {
        var d = row.Definition;
        writer.Write($"""
            <details class="aksel-read-more aksel-read-more--small indicator-details" data-variant="ghost" id="indikator-{Id(d.Code)}">
            <summary class="aksel-read-more__button aksel-body-short"><svg class="chevron" aria-hidden="true" focusable="false" width="1.25em" height="1.25em" viewBox="0 0 24 24" fill="none"><path fill-rule="evenodd" clip-rule="evenodd" d="M5.97 9.47a.75.75 0 0 1 1.06 0L12 14.44l4.97-4.97a.75.75 0 1 1 1.06 1.06l-5.5 5.5a.75.75 0 0 1-1.06 0l-5.5-5.5a.75.75 0 0 1 0-1.06" fill="currentColor"></path></svg><span><span class="indicator-code">{d.Code}</span> {d.Name}</span></summary>
            <div class="aksel-read-more__content aksel-body-short">
            <dl class="fraction">
            <dt>Teller</dt>
            <dd><span class="number">{Texts.Numerator(d, row.Value)}</span><br>{d.Numerator}</dd>
            <dt>Nevner</dt>
            <dd><span class="number">{Texts.Denominator(d, row.Value)}</span><br>{d.Denominator}</dd>
            <dt>Definisjon</dt>
            <dd>{IndicatorDefinition.DefinitionVersion}</dd>
            </dl>
            </div>
            </details>
            """);
    }

    private static void ValueCell(HtmlWriter writer, IndicatorRow row)
    {
        if (row.IsSuppressed)
            writer.Write($"""<span aria-describedby="skjerming-forklaring"><span aria-hidden="true">{SmallCounts.Symbol}</span><span class="aksel-typo--visually-hidden">{Texts.Suppressed}</span></span>""");
        else
            writer.Text(Texts.Value(row.Definition, row.Value));
    }

    private static Html ThresholdCell(IndicatorRow row) => row.Threshold.Threshold is { } t
        ? Html.Of($"""{Texts.Threshold(t)}<br><span class="subtle">satt av {t.SetBy}</span>""")
        : Html.Of($"""<span class="subtle">Ingen grenseverdi</span>""");

    private static Html TargetCell(IndicatorRow row)
    {
        if (row.Target is not { } target) return Html.Of($"""<span class="subtle">Ingen mål</span>""");
        var attainment = row.Attainment is { Percent: { } a } ? NorwegianFormat.Percent(a) : row.IsSuppressed ? SmallCounts.Symbol : Texts.NoValue;
        return Html.Of($"""Mål {NorwegianFormat.Target(row.Definition.Kind, target.Value)}<br><span class="subtle">måloppnåelse {attainment}</span>""");
    }

    private static void NotesCell(HtmlWriter writer, IndicatorRow row)
    {
        var notes = Texts.Notes(row.Value);
        if (notes.Count == 0)
        {
            writer.Markup("""<span class="subtle">Ingen</span>""");
            return;
        }
        writer.Markup("""<ul class="notes aksel-body-short aksel-body-short--small">""");
        foreach (var note in notes) writer.Write($"<li>{note}</li>");
        writer.Markup("</ul>");
    }

    /// <summary>An indicator code as an HTML id: <c>B.101</c> → <c>B-101</c>.</summary>
    public static string Id(string code) => code.Replace('.', '-');
}
