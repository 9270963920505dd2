using Malekort.Storage;
using Malekort.Web.State;
using Microsoft.AspNetCore.Http;

namespace Malekort.Web.Scorecard;

/// <summary>The import log with every finding (file, line, column), and what the engine left out, per unit and month.</summary>
internal static class DataQualityPage
{
    private static readonly TableColumn[] ImportColumns =
    [
        TableColumn.Text("Kilde"), TableColumn.Text("Format"), TableColumn.Text("Tidspunkt"), TableColumn.Text("Enhet"),
        TableColumn.Text("Periode"), TableColumn.Text("Utfall"), TableColumn.Text("Antall"), TableColumn.Text("Funn"),
    ];

    private static readonly TableColumn[] NoteColumns =
    [
        TableColumn.Text("Enhet"), TableColumn.Text("Måned"), TableColumn.Text("Indikator"), TableColumn.Number("Antall"),
        TableColumn.Text("Merknad"),
    ];

    public static IResult Render(ScorecardSnapshot snapshot)
    {
        var log = snapshot.ImportLog;
        var notes = snapshot.Results?.Notes ?? [];
        var importTable = log.Count == 0
            ? Layout.Alert("info", Html.Of($"<p>Ingen importer er logget ennå.</p>"))
            : Table.Render("Importlogg", null, "Importlogg, nyeste først", ImportColumns, log.Select(e => ImportRow(snapshot, e)));
        var notesTable = notes.Count == 0
            ? Layout.Alert("info", Html.Of($"<p>Beregningen har ingen merknader.</p>"))
            : Table.Render("Beregningsmerknader", null, "Beregningsmerknader per enhet og måned", NoteColumns, notes.Select(n => Html.Of($"""
                <tr class="aksel-table__row">
                <th scope="row" class="aksel-table__header-cell">{snapshot.NameOf(n.Unit)} <span class="subtle">({n.Unit.Value})</span></th>
                <td class="aksel-table__data-cell">{NorwegianFormat.Month(n.Month)}</td>
                <td class="aksel-table__data-cell">{n.Indicator}</td>
                <td class="aksel-table__data-cell number-cell">{NorwegianFormat.Count(n.Count)}</td>
                <td class="aksel-table__data-cell">{n.Message}</td>
                </tr>
                """)));
        var restricted = snapshot.Results is { Viewer.HasFullRights: false }
            ? Layout.Alert("info", Html.Of($"<p>Bare importer og merknader for enheter ditt eget NAV-kontor betjener vises.</p>"))
            : Html.Empty;
        var content = Html.Of($"""
            <h1 class="aksel-heading aksel-heading--large">Datakvalitet</h1>
            {restricted}
            <section aria-labelledby="importlogg">
            <h2 id="importlogg" class="aksel-heading aksel-heading--medium">Importlogg</h2>
            {importTable}
            </section>
            <section aria-labelledby="merknader">
            <h2 id="merknader" class="aksel-heading aksel-heading--medium">Beregningsmerknader</h2>
            <p class="aksel-body-short subtle">Poster beregningen har utelatt, og hvorfor.</p>
            {notesTable}
            </section>
            """);
        return Layout.Page("Datakvalitet", Section.DataQuality, snapshot, content);
    }

    private static Html ImportRow(ScorecardSnapshot snapshot, ImportLogEntry entry)
    {
        var unit = entry.Unit is { } u ? Html.Of($"{snapshot.NameOf(u)} ({u.Value})") : Html.Text("–");
        var period = entry.PeriodFrom is { } from && entry.PeriodTo is { } to
            ? $"{NorwegianFormat.Date(from)} – {NorwegianFormat.Date(to)}"
            : "–";
        var counts = entry.Counts.Count == 0
            ? "–"
            : string.Join(", ", entry.Counts.Select(c => $"{NorwegianFormat.Count(c.Value)}\u00A0{Texts.CountName(c.Key)}"));
        var findings = entry.Findings.Count == 0
            ? Html.Of($"""<span class="subtle">Ingen</span>""")
            : Html.Of($"""<ul class="findings">{entry.Findings.Select(f => Html.Of($"<li><strong>{Texts.Severity(f.Severity)}:</strong> {Texts.Finding(f)}</li>"))}</ul>""");
        return Html.Of($"""
            <tr class="aksel-table__row">
            <th scope="row" class="aksel-table__header-cell source-cell">{entry.Source}</th>
            <td class="aksel-table__data-cell">{entry.Format}</td>
            <td class="aksel-table__data-cell">{NorwegianFormat.Instant(entry.ImportedAt)}</td>
            <td class="aksel-table__data-cell">{unit}</td>
            <td class="aksel-table__data-cell">{period}</td>
            <td class="aksel-table__data-cell">{Texts.Outcome(entry.Outcome)}</td>
            <td class="aksel-table__data-cell counts-cell">{counts}</td>
            <td class="aksel-table__data-cell findings-cell">{findings}</td>
            </tr>
            """);
    }
}
