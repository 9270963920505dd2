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

    public static Html Render(ScorecardSnapshot snapshot, ShownResults results, UnitChoice unit, Month month, Html publication = default)
    {
        var core = ScorecardModel.Rows(snapshot, results, unit.Code, month, IndicatorCatalog.Core);
        var supplementary = ScorecardModel.Rows(snapshot, results, unit.Code, month, IndicatorCatalog.All.Where(d => !d.IsCore));
        var anySuppressed = core.Concat(supplementary).Any(r => r.IsSuppressed || r.Trend.Any(p => p.Value.Notes.HasFlag(ValueNotes.Suppressed)));
        var restricted = results.IsRestricted(unit.Code)
            ? Layout.Alert("info", Html.Of($"""<p>Du ser {unit.Name} utenfra: {Texts.SuppressedExplanation}</p>"""))
            : Html.Empty;
        var monthName = NorwegianFormat.Month(month);
        var content = Html.Of($"""
            <div>
            <h1 class="aksel-heading aksel-heading--large">Målekort for {unit.Name}</h1>
            <p class="aksel-body-long lead">{monthName} · {KindText(unit)}</p>
            </div>
            {Picker(snapshot, unit.Code, month)}
            {publication}
            {restricted}
            <section aria-labelledby="indikatorer">
            <h2 id="indikatorer" class="aksel-heading aksel-heading--medium">Indikatorer</h2>
            <p class="aksel-body-short subtle">Velg en indikator for å se teller, nevner og definisjon.</p>
            {Table.Render("Indikatorer", null, $"Indikatorer for {unit.Name}, {monthName}", CoreColumns, core.Select(CoreRow))}
            </section>
            <section aria-labelledby="tilleggsmal">
            <h2 id="tilleggsmal" class="aksel-heading aksel-heading--medium">Tilleggsmål</h2>
            {Table.Render("Tilleggsmål", null,
                $"Tilgang og avgang av mottakere og kvalifiseringsprogrammet (KVP) for {unit.Name}, {monthName}", SupplementaryColumns,
                supplementary.Select(SupplementaryRow))}
            </section>
            {(anySuppressed ? Layout.SuppressionLegend() : Html.Empty)}
            """);
        return Layout.Page($"{unit.Name}, {monthName}", Section.Scorecard, snapshot, content);
    }

    /// <summary>The form that picks unit and month: a plain GET, so every scorecard has its own address.</summary>
    public static Html Picker(ScorecardSnapshot snapshot, UnitCode selectedUnit, Month selectedMonth)
    {
        var groups = snapshot.Units.GroupBy(u => u.Group).Select(g => Html.Of($"""
            <optgroup label="{Texts.Group(g.Key)}">{g.Select(u => Layout.Option(u.Code.Value, $"{u.Name} ({u.Code.Value})", u.Code == selectedUnit))}</optgroup>
            """));
        var months = snapshot.Months.Select(m => Layout.Option(m.ToString(), NorwegianFormat.Month(m), m == selectedMonth));
        return Html.Of($"""
            <form class="picker" method="get" action="/malekort" aria-label="Velg enhet og måned">
            {Layout.Select("enhet", "enhet", "Enhet", Html.Join(groups))}
            {Layout.Select("maned", "maned", "Måned", Html.Join(months))}
            <button type="submit" class="aksel-button" data-variant="primary"><span class="aksel-label">Vis målekort</span></button>
            </form>
            """);
    }

    private static string KindText(UnitChoice unit) => unit.Code.Kind switch
    {
        UnitKind.Office => "NAV-kontor (summen av kommunene og bydelene kontoret betjener)",
        UnitKind.Municipality => $"kommune {unit.Code.Value}",
        UnitKind.District => $"bydel {unit.Code.Value}",
        UnitKind.County => $"fylke {unit.Code.Value} (summen av kommunene)",
        _ => "hele landet (summen av kommunene)",
    };

    private static Html CoreRow(IndicatorRow row) => Html.Of($"""
        <tr class="aksel-table__row">
        <th scope="row" class="aksel-table__header-cell indicator-name">{Details(row)}</th>
        <td class="aksel-table__data-cell number-cell">{ValueCell(row)}</td>
        <td class="aksel-table__data-cell">{Layout.StatusTag(row.Status)}</td>
        <td class="aksel-table__data-cell">{ThresholdCell(row)}</td>
        <td class="aksel-table__data-cell">{TargetCell(row)}</td>
        <td class="aksel-table__data-cell">{TrendChart.Render(row.Definition, row.Trend)}</td>
        <td class="aksel-table__data-cell">{NotesCell(row)}</td>
        </tr>
        """);

    private static Html SupplementaryRow(IndicatorRow row) => Html.Of($"""
        <tr class="aksel-table__row">
        <th scope="row" class="aksel-table__header-cell indicator-name">{Details(row)}</th>
        <td class="aksel-table__data-cell number-cell">{ValueCell(row)}</td>
        <td class="aksel-table__data-cell number-cell">{Texts.Numerator(row.Definition, row.Value)}</td>
        <td class="aksel-table__data-cell number-cell">{(row.Definition.Kind == ValueKind.Count ? "–" : Texts.Denominator(row.Definition, row.Value))}</td>
        <td class="aksel-table__data-cell">{NotesCell(row)}</td>
        </tr>
        """);

    /// <summary>The indicator's name; opening it shows numerator and denominator, each with definition and number.</summary>
    private static Html Details(IndicatorRow row)
    {
        var d = row.Definition;
        return Html.Of($"""
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

    private static Html ValueCell(IndicatorRow row) => row.IsSuppressed
        ? Html.Of($"""<span aria-describedby="skjerming-forklaring"><span aria-hidden="true">{SmallCounts.Symbol}</span><span class="aksel-typo--visually-hidden">{Texts.Suppressed}</span></span>""")
        : Html.Text(Texts.Value(row.Definition, row.Value));

    private static Html ThresholdCell(IndicatorRow row) => row.Threshold is { } t
        ? Html.Of($"""{Texts.Threshold(t)}<br><span class="subtle">satt av {t.SetBy}</span>""")
        : Html.Of($"""<span class="subtle">Ingen grenseverdi</span>""");

    private static Html TargetCell(IndicatorRow row)
    {
        if (row.Target is not { } target) return Html.Of($"""<span class="subtle">Ingen mål</span>""");
        var attainment = row.Attainment is { } a ? NorwegianFormat.Percent(a) : row.IsSuppressed ? SmallCounts.Symbol : Texts.NoValue;
        return Html.Of($"""Mål {NorwegianFormat.Target(row.Definition.Kind, target.Value)}<br><span class="subtle">måloppnåelse {attainment}</span>""");
    }

    private static Html NotesCell(IndicatorRow row)
    {
        var notes = Texts.Notes(row.Value);
        return notes.Count == 0
            ? Html.Of($"""<span class="subtle">Ingen</span>""")
            : Html.Of($"""<ul class="notes aksel-body-short aksel-body-short--small">{notes.Select(n => Html.Of($"<li>{n}</li>"))}</ul>""");
    }

    /// <summary>An indicator code as an HTML id: <c>B.101</c> → <c>B-101</c>.</summary>
    public static string Id(string code) => code.Replace('.', '-');
}
