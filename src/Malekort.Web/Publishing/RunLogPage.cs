using Malekort.Confidentiality;
using Malekort.Storage;
using Malekort.Web.Scorecard;
using Malekort.Web.State;
using Microsoft.AspNetCore.Http;

namespace Malekort.Web.Publishing;

/// <summary>
/// <c>/driftslogg</c>: every capture, computation and publication, newest first; <c>/driftslogg/{id}</c>: one entry with every
/// finding. With an own office set, captures for other offices' units are left out, as on the data-quality page.
/// </summary>
internal static class RunLogPage
{
    public const int DefaultLimit = 200;
    public const int MaxLimit = 5000;

    private static readonly TableColumn[] EntryColumns =
    [
        TableColumn.Text("Tidspunkt"), TableColumn.Text("Hva"), TableColumn.Text("Kanal"), TableColumn.Text("Gjelder"),
        TableColumn.Text("Enhet"), TableColumn.Text("Utfall"), TableColumn.Number("Varighet"), TableColumn.Number("Funn"),
        TableColumn.Text("Melding"),
    ];

    private static readonly TableColumn[] FindingColumns =
    [
        TableColumn.Text("Alvor"), TableColumn.Text("Fil"), TableColumn.Number("Linje"), TableColumn.Text("Kolonne"),
        TableColumn.Text("Hvorfor"),
    ];

    public static IResult List(ScorecardState state, Viewer viewer, IMalekortStore store, string? antall)
    {
        var snapshot = state.For(viewer);
        if (!TryLimit(antall, out var limit, out var error)) return ScorecardPages.Error(snapshot, StatusCodes.Status400BadRequest, error);
        var entries = Visible(snapshot, store.RunLog(limit));
        var table = entries.Count == 0
            ? Layout.Alert("info", Html.Of($"<p>Driftsloggen er tom.</p>"))
            : Table.Render("Driftslogg", "driftslogg", "Driftslogg, nyeste først", EntryColumns, entries.Select(e => Row(snapshot, e)));
        return Layout.Page("Driftslogg", Section.RunLog, snapshot, Html.Of($"""
            <h1 class="aksel-heading aksel-heading--large">Driftslogg</h1>
            <p class="aksel-body-long">Alt serveren har gjort på egen hånd og på oppdrag: leveranser fra mottaksmappen og opplasting,
            beregninger og publiseringer. De {NorwegianFormat.Count(limit)} nyeste vises.</p>
            {table}
            """));
    }

    public static IResult Detail(ScorecardState state, Viewer viewer, IMalekortStore store, long id)
    {
        var snapshot = state.For(viewer);
        if (store.RunLogEntry(id) is not { } entry || Visible(snapshot, [entry]).Count == 0)
            return ScorecardPages.Error(snapshot, StatusCodes.Status404NotFound, $"Driftsloggen har ingen oppføring {id}.");
        var findings = entry.Findings.Count == 0
            ? Html.Of($"""<p class="aksel-body-short">Ingen funn.</p>""")
            : Table.Render("Funn", "funn", $"Funn i {entry.Subject}", FindingColumns, entry.Findings.Select(f => Html.Of($"""
                <tr class="aksel-table__row">
                <td class="aksel-table__data-cell">{Texts.Severity(f.Severity)}</td>
                <td class="aksel-table__data-cell">{f.File}</td>
                <td class="aksel-table__data-cell number-cell">{(f.Line > 0 ? NorwegianFormat.Count(f.Line) : "–")}</td>
                <td class="aksel-table__data-cell">{(f.Column.Length > 0 ? f.Column : "–")}</td>
                <td class="aksel-table__data-cell">{(f.Rule.Length > 0 ? $"[{f.Rule}] " : "")}{f.Message}</td>
                </tr>
                """)));
        return Layout.Page($"Driftslogg: {entry.Subject}", Section.RunLog, snapshot, Html.Of($"""
            <h1 class="aksel-heading aksel-heading--large">{KindText(entry.Kind)}: {entry.Subject}</h1>
            <dl class="run-entry aksel-body-short">
            <dt>Tidspunkt</dt><dd>{NorwegianFormat.Instant(entry.StartedAt)}</dd>
            <dt>Kanal</dt><dd>{ChannelText(entry.Channel)}</dd>
            <dt>Utfall</dt><dd>{OutcomeText(entry.Outcome)}</dd>
            <dt>Melding</dt><dd>{entry.Message}</dd>
            </dl>
            <section aria-labelledby="funn-overskrift">
            <h2 id="funn-overskrift" class="aksel-heading aksel-heading--medium">Funn</h2>
            {findings}
            </section>
            <p class="aksel-body-short"><a class="aksel-link" href="/driftslogg">Tilbake til driftsloggen</a></p>
            """));
    }

    internal static bool TryLimit(string? text, out int limit, out string error)
    {
        error = "";
        limit = DefaultLimit;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (int.TryParse(text.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out limit)
            && limit is > 0 and <= MaxLimit)
            return true;
        error = $"Parameteren «antall» må være et helt tall fra 1 til {MaxLimit}, men var «{text}».";
        return false;
    }

    /// <summary>The entries the snapshot's viewer may see (<see cref="ScorecardSnapshot.SeesLogOf"/>).</summary>
    internal static IReadOnlyList<RunLogEntry> Visible(ScorecardSnapshot snapshot, IReadOnlyList<RunLogEntry> entries) =>
        entries.Where(e => snapshot.SeesLogOf(e.Unit)).ToList();

    public static string KindText(RunKind kind) => kind switch
    {
        RunKind.Capture => "Leveranse",
        RunKind.Computation => "Beregning",
        _ => "Publisering",
    };

    public static string ChannelText(RunChannel channel) => channel switch
    {
        RunChannel.DropFolder => "Mottaksmappe",
        RunChannel.Upload => "Opplasting",
        RunChannel.Schedule => "Tidsplan",
        RunChannel.User => "Bruker",
        _ => "Server",
    };

    public static string OutcomeText(RunOutcome outcome) => outcome switch
    {
        RunOutcome.Imported => "Importert",
        RunOutcome.AlreadyImported => "Allerede importert",
        RunOutcome.Rejected => "Avvist",
        RunOutcome.Refused => "Ikke tillatt",
        RunOutcome.Computed => "Beregnet",
        RunOutcome.Published => "Publisert",
        RunOutcome.Unchanged => "Uendret",
        RunOutcome.Skipped => "Ingenting å gjøre",
        _ => "Feilet",
    };

    private static Html Row(ScorecardSnapshot snapshot, RunLogEntry e)
    {
        var findings = e.FindingsCount == 0
            ? Html.Text("0")
            : Html.Of($"""
                <a class="aksel-link" href="/driftslogg/{e.Id}">{NorwegianFormat.Count(e.FindingsCount)}<span
                class="aksel-typo--visually-hidden"> funn i {e.Subject}</span></a>
                """);
        var unit = e.Unit is { } u ? Html.Of($"{snapshot.NameOf(u)} <span class=\"subtle\">({u.Value})</span>") : Html.Text("–");
        return Html.Of($"""
            <tr class="aksel-table__row" data-kind="{e.Kind}" data-outcome="{e.Outcome}">
            <td class="aksel-table__data-cell">{NorwegianFormat.Instant(e.StartedAt)}</td>
            <td class="aksel-table__data-cell">{KindText(e.Kind)}</td>
            <td class="aksel-table__data-cell">{ChannelText(e.Channel)}</td>
            <th scope="row" class="aksel-table__header-cell source-cell"><a class="aksel-link" href="/driftslogg/{e.Id}">{e.Subject}</a></th>
            <td class="aksel-table__data-cell">{unit}</td>
            <td class="aksel-table__data-cell">{OutcomeText(e.Outcome)}</td>
            <td class="aksel-table__data-cell number-cell">{Duration(e.Duration)}</td>
            <td class="aksel-table__data-cell number-cell">{findings}</td>
            <td class="aksel-table__data-cell">{e.Message}</td>
            </tr>
            """);
    }

    private static string Duration(TimeSpan duration) => duration.TotalSeconds < 1
        ? $"{NorwegianFormat.Count((long)duration.TotalMilliseconds)}\u00A0ms"
        : $"{duration.TotalSeconds.ToString("N1", NorwegianFormat.Culture)}\u00A0s";
}
