using Malekort.Confidentiality;
using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Storage;
using Malekort.Units;
using Malekort.Web.Access;
using Malekort.Web.Scorecard;
using Malekort.Web.State;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace Malekort.Web.Publishing;

/// <summary>
/// <c>/publisering</c>: the published months, and for one office and month (<c>?kontor=NAV-0106&amp;maned=2024-12</c>) every
/// revision with what changed, how the numbers computed now differ, and the form that approves and publishes: shown to the
/// office's own users and admins (<see cref="Scopes.MayPublish"/>), posted with an anti-forgery token, recorded as the
/// signed-in user's approval.
/// </summary>
internal static class PublishingPage
{
    private static readonly TableColumn[] PublishedColumns =
    [
        TableColumn.Text("Kontor"), TableColumn.Text("Måned"), TableColumn.Number("Revisjon"), TableColumn.Text("Godkjent"),
        TableColumn.Text("Av"),
    ];

    private static readonly TableColumn[] ChangeColumns =
    [
        TableColumn.Text("Enhet"), TableColumn.Text("Indikator"), TableColumn.Text("Teller"), TableColumn.Text("Nevner"),
        TableColumn.Text("Verdi"),
    ];

    public static string Address(UnitCode office, Month month) => $"/publisering?kontor={Uri.EscapeDataString(office.Value)}&maned={month}";

    public static IResult Get(HttpContext context, ScorecardSnapshot snapshot, PublicationBook book, IMalekortStore store,
        IAntiforgery antiforgery, string? kontor, string? maned, string? resultat)
    {
        if (string.IsNullOrWhiteSpace(kontor) && string.IsNullOrWhiteSpace(maned)) return Overview(snapshot, book);
        if (!TryOfficeAndMonth(snapshot, kontor, maned, out var office, out var month, out var status, out var error, out _))
            return ScorecardPages.Error(snapshot, status, error);
        var view = PublicationView.Load(store, snapshot, office, month);
        var form = Scopes.MayPublish(context.User, office.Code) && view.HasData ? ApprovalForm(antiforgery.GetAndStoreTokens(context), view) : Html.Empty;
        return Detail(snapshot, view, form, Notice(resultat, view));
    }

    public static async Task<IResult> Post(HttpContext context, ScorecardState state, Viewer viewer, IAntiforgery antiforgery, MonthPublisher publisher)
    {
        var snapshot = state.For(viewer);
        if (!context.Request.HasFormContentType)
            return ScorecardPages.Error(snapshot, StatusCodes.Status400BadRequest,
                "Forespørselen er ikke et skjema (application/x-www-form-urlencoded). Bruk skjemaet på siden. Ingenting er publisert.");
        if (!await antiforgery.IsRequestValidAsync(context))
            return ScorecardPages.Error(snapshot, StatusCodes.Status400BadRequest,
                "Skjemaet var utløpt eller kom ikke fra denne siden. Last siden på nytt og prøv igjen.");
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (!TryOfficeAndMonth(snapshot, form["kontor"], form["maned"], out var office, out var month, out var status, out var error, out _))
            return ScorecardPages.Error(snapshot, status, error);
        if (!Scopes.MayPublish(context.User, office.Code))
            return Refusals.Forbidden(context, $"Bare {office.Name} og administratorer kan godkjenne kontorets tall. Ingenting er publisert.");
        var attempt = publisher.Publish(office.Code, month, context.User.UserName(), RunChannel.User);
        return attempt.Status switch
        {
            PublishStatus.Published => Results.Redirect(Address(office.Code, month) + "&resultat=publisert"),
            PublishStatus.Unchanged => Results.Redirect(Address(office.Code, month) + "&resultat=uendret"),
            _ => ScorecardPages.Error(snapshot, StatusCodes.Status422UnprocessableEntity, attempt.Message),
        };
    }

    internal static bool TryOfficeAndMonth(ScorecardSnapshot snapshot, string? officeText, string? monthText, out Office office, out Month month,
        out int status, out string error, out string parameter)
    {
        office = null!;
        month = default;
        status = StatusCodes.Status400BadRequest;
        parameter = "kontor";
        if (string.IsNullOrWhiteSpace(officeText))
        {
            error = "Parameteren «kontor» mangler.";
            return false;
        }
        if (!QueryParameters.TryUnit("kontor", officeText, out var code, out error)) return false;
        parameter = "maned";
        if (string.IsNullOrWhiteSpace(monthText))
        {
            error = "Parameteren «maned» mangler.";
            return false;
        }
        if (!QueryParameters.TryMonth("maned", monthText, out month, out error)) return false;
        if (snapshot.Offices.Find(code) is not { } found)
        {
            status = StatusCodes.Status404NotFound;
            parameter = "kontor";
            error = $"Kontorregisteret har ikke {code} (parameteren «kontor»).";
            return false;
        }
        office = found;
        return true;
    }

    private static Html Notice(string? result, PublicationView view) => result switch
    {
        "publisert" when view.Latest is { } latest => Layout.Alert("success",
            Html.Of($"<p>Revisjon {latest.Revision} er publisert.</p>"), assertive: true),
        "uendret" when view.Latest is { } latest => Layout.Alert("info",
            Html.Of($"<p>Tallene er de samme som i revisjon {latest.Revision}. Ingen ny revisjon er laget.</p>"), assertive: true),
        _ => Html.Empty,
    };

    private static IResult Overview(ScorecardSnapshot snapshot, PublicationBook book)
    {
        var published = book.All();
        var picker = snapshot.Offices.Offices.Count == 0 || snapshot.Months.Count == 0
            ? Layout.Alert("info", Html.Of($"<p>Ingen kontorer eller måneder med data ennå.</p>"))
            : Picker(snapshot);
        var table = published.Count == 0
            ? Layout.Alert("info", Html.Of($"<p>Ingen måneder er publisert ennå.</p>"))
            : Table.Render("Publiserte måneder", null, "Publiserte måneder, revisjonen som gjelder", PublishedColumns, published.Select(h => Html.Of($"""
                <tr class="aksel-table__row">
                <th scope="row" class="aksel-table__header-cell"><a class="aksel-link" href="{Address(h.Office, h.Month)}">{snapshot.NameOf(h.Office)}</a></th>
                <td class="aksel-table__data-cell">{NorwegianFormat.Month(h.Month)}</td>
                <td class="aksel-table__data-cell number-cell">{h.Revision}</td>
                <td class="aksel-table__data-cell">{NorwegianFormat.Instant(h.PublishedAt)}</td>
                <td class="aksel-table__data-cell">{h.PublishedBy}</td>
                </tr>
                """)));
        return Layout.Page("Publisering", Section.Publishing, snapshot, Html.Of($"""
            <h1 class="aksel-heading aksel-heading--large">Publisering</h1>
            <p class="aksel-body-long">En måned godkjennes og fryses per kontor. Endrer nye leveranser tallene senere, publiseres de som en ny
            revisjon, aldri som en stille endring.</p>
            {picker}
            <section aria-labelledby="publiserte">
            <h2 id="publiserte" class="aksel-heading aksel-heading--medium">Publiserte måneder</h2>
            {table}
            </section>
            """));
    }

    private static Html Picker(ScorecardSnapshot snapshot)
    {
        using var writer = new HtmlWriter(8 * 1024);
        writer.Markup("<form class=\"picker\" method=\"get\" action=\"/publisering\" aria-label=\"Velg kontor og måned\">\n");
        Layout.SelectStart(writer, "kontor", "kontor", "Kontor");
        foreach (var o in snapshot.Offices.Offices) Layout.Option(writer, o.Code.Value, $"{o.Name} ({o.Code.Value})");
        Layout.SelectEnd(writer);
        writer.Markup("\n");
        Layout.SelectStart(writer, "maned", "maned", "Måned");
        foreach (var m in snapshot.Months) Layout.Option(writer, m.ToString(), NorwegianFormat.Month(m));
        Layout.SelectEnd(writer);
        writer.Markup("\n<button type=\"submit\" class=\"aksel-button\" data-variant=\"primary\"><span class=\"aksel-label\">Vis publisering</span></button>\n</form>");
        return writer.ToHtml();
    }

    private static IResult Detail(ScorecardSnapshot snapshot, PublicationView view, Html form, Html notice)
    {
        var monthName = NorwegianFormat.Month(view.Month);
        var status = view.Latest switch
        {
            null when !view.HasData => Layout.Alert("info", Html.Of($"""
                <p id="publisering-status">Ingen data for {view.Office.Name} i {monthName}: ingenting å publisere.</p>
                """)),
            null => Layout.Alert("info", Html.Of($"""
                <p id="publisering-status"><strong>Ikke publisert.</strong> {monthName} er ikke godkjent ennå.</p>
                """)),
            { } latest when view.LiveDiffers == true => Layout.Alert("warning", Html.Of($"""
                <p id="publisering-status"><strong>Revisjon {latest.Revision} gjelder</strong>, godkjent {NorwegianFormat.Instant(latest.PublishedAt)}
                av {latest.PublishedBy}. <strong>Tallene har endret seg siden publisering:</strong> {NorwegianFormat.Count(view.Pending.Count)} tall er
                annerledes nå. De blir revisjon {latest.Revision + 1} når måneden publiseres igjen.</p>
                """)),
            { } latest => Layout.Alert("success", Html.Of($"""
                <p id="publisering-status"><strong>Revisjon {latest.Revision} gjelder</strong>, godkjent {NorwegianFormat.Instant(latest.PublishedAt)}
                av {latest.PublishedBy}. Tallene er de samme nå.</p>
                """)),
        };
        var pending = view.Pending.Count == 0 ? Html.Empty : Html.Of($"""
            <section aria-labelledby="upubliserte">
            <h2 id="upubliserte" class="aksel-heading aksel-heading--medium">Endringer som ikke er publisert</h2>
            {ChangeTable(snapshot, view.Pending, $"Tallene nå mot revisjon {view.Latest?.Revision}", "upubliserte-endringer")}
            </section>
            """);
        var revisions = view.Revisions.Count == 0 ? Html.Empty : Html.Of($"""
            <section aria-labelledby="revisjoner">
            <h2 id="revisjoner" class="aksel-heading aksel-heading--medium">Revisjoner</h2>
            {Enumerable.Reverse(view.Revisions).Select(r => Revision(snapshot, r, view.Restricted))}
            </section>
            """);
        var approve = form.IsEmpty ? Html.Empty : Html.Of($"""
            <section aria-labelledby="godkjenn">
            <h2 id="godkjenn" class="aksel-heading aksel-heading--medium">Godkjenn og publiser</h2>
            <p class="aksel-body-short">Tallene slik målekortet viser dem nå fryses for {view.Office.Name} og hver kommune og bydel kontoret betjener.
            Er de uendret siden forrige revisjon, lages ingen ny revisjon.</p>
            {form}
            </section>
            """);
        return Layout.Page($"Publisering {view.Office.Name}, {monthName}", Section.Publishing, snapshot, Html.Of($"""
            <div>
            <h1 class="aksel-heading aksel-heading--large">Publisering for {view.Office.Name}, {monthName}</h1>
            <p class="aksel-body-long lead"><a class="aksel-link" href="/malekort?enhet={Uri.EscapeDataString(view.Office.Code.Value)}&amp;maned={view.Month}">Se målekortet</a></p>
            </div>
            {notice}
            {status}
            {pending}
            {approve}
            {revisions}
            """));
    }

    private static Html Revision(ScorecardSnapshot snapshot, RevisionView revision, bool restricted)
    {
        var h = revision.Header;
        var changes = h.Revision == 1
            ? Html.Of($"""<p class="aksel-body-short">Første godkjenning.</p>""")
            : restricted
                ? Html.Of($"""<p class="aksel-body-short">Hva som ble endret, vises bare for kontorets egne brukere.</p>""")
            : revision.Changes.Count == 0
                ? Html.Of($"""<p class="aksel-body-short">Ingen tall er endret.</p>""")
                : ChangeTable(snapshot, revision.Changes, $"Endringer fra revisjon {h.Revision - 1} til {h.Revision}",
                    $"revisjon-{h.Revision}-endringer");
        return Html.Of($"""
            <article class="revision" id="revisjon-{h.Revision}">
            <h3 class="aksel-heading aksel-heading--small">Revisjon {h.Revision}</h3>
            <p class="aksel-body-short">Godkjent {NorwegianFormat.Instant(h.PublishedAt)} av {h.PublishedBy} (dataversjon {h.DataVersion}).</p>
            {changes}
            </article>
            """);
    }

    private static Html ChangeTable(ScorecardSnapshot snapshot, IReadOnlyList<ValueChange> changes, string caption, string id) =>
        Table.Render(caption, id, caption, ChangeColumns, changes.Select(c => Html.Of($"""
            <tr class="aksel-table__row">
            <th scope="row" class="aksel-table__header-cell">{snapshot.NameOf(c.Unit)} <span class="subtle">({c.Unit.Value})</span></th>
            <td class="aksel-table__data-cell"><span class="indicator-code">{c.Indicator}</span> {IndicatorCatalog.Find(c.Indicator)?.Name}</td>
            <td class="aksel-table__data-cell">{FromTo(Number(c.Before?.Numerator), Number(c.After?.Numerator))}</td>
            <td class="aksel-table__data-cell">{FromTo(Number(c.Before?.Denominator), Number(c.After?.Denominator))}</td>
            <td class="aksel-table__data-cell">{FromTo(Value(c.Indicator, c.Before), Value(c.Indicator, c.After))}</td>
            </tr>
            """)));

    private static Html FromTo(string before, string after) => before == after
        ? Html.Text(after)
        : Html.Of($"""{before} → <strong>{after}</strong>""");

    private static string Number(long? n) => n is { } v ? NorwegianFormat.Count(v) : Texts.NotCaptured;

    private static string Value(string indicator, PublishedValue? value) => value switch
    {
        null => "–",
        { Value: { } v } when IndicatorCatalog.Find(indicator) is { } d => NorwegianFormat.Value(d.Kind, v),
        { Numerator: null } => Texts.NotCaptured,
        _ => Texts.NoValue,
    };

    private static Html ApprovalForm(AntiforgeryTokenSet antiforgery, PublicationView view) => Html.Of($"""
        <form class="picker" method="post" action="/publisering" aria-label="Godkjenn og publiser">
        <input type="hidden" name="{antiforgery.FormFieldName}" value="{antiforgery.RequestToken}">
        <input type="hidden" name="kontor" value="{view.Office.Code.Value}">
        <input type="hidden" name="maned" value="{view.Month}">
        <button type="submit" class="aksel-button" data-variant="primary"><span class="aksel-label">Godkjenn og publiser</span></button>
        </form>
        """);
}
