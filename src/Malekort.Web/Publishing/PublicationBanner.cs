using Malekort.Confidentiality;
using Malekort.Periods;
using Malekort.Storage;
using Malekort.Units;
using Malekort.Web.Scorecard;
using Malekort.Web.State;

namespace Malekort.Web.Publishing;

/// <summary>
/// The scorecard's word on publication: whether the office's month is published, which revision, and whether the numbers
/// computed now differ from the published ones. For a municipality or district, its office's publication.
/// </summary>
internal static class PublicationBanner
{
    public static Html Render(PublicationBook book, ScorecardSnapshot snapshot, ShownResults results, UnitCode unit, Month month)
    {
        var office = unit.Kind == UnitKind.Office ? snapshot.Offices.Find(unit) : unit.IsCaptureUnit ? snapshot.Offices.OfficeOf(unit) : null;
        if (office is null) return Html.Empty;
        var link = PublishingPage.Address(office.Code, month);
        var monthName = NorwegianFormat.Month(month);
        if (book.Latest(office.Code, month) is not { } published)
        {
            return Layout.Alert("info", Html.Of($"""
                <p id="publisering-status"><strong>Ikke publisert.</strong> {monthName} er ikke godkjent for {office.Name} ennå.
                <a class="aksel-link" href="{link}">Godkjenn og publiser</a></p>
                """));
        }
        var status = Html.Of($"""
            <strong>Publisert for {office.Name}, revisjon {published.Revision}.</strong>
            Godkjent {NorwegianFormat.Instant(published.PublishedAt)} av {published.PublishedBy}.
            """);
        if (results.IsRestricted(office.Code))
            return Layout.Alert("info", Html.Of($"""<p id="publisering-status">{status} <a class="aksel-link" href="{link}">Se publiseringen</a></p>"""));
        var live = MonthValues.Live(results, office, month);
        var differs = live is null || PublicationFingerprint.Of(live) != published.Fingerprint;
        return differs
            ? Layout.Alert("warning", Html.Of($"""
                <p id="publisering-status">{status} <strong>Tallene har endret seg siden publisering:</strong> målekortet viser nye tall som ikke er
                godkjent. <a class="aksel-link" href="{link}">Se forskjellene og publiser en ny revisjon</a></p>
                """))
            : Layout.Alert("success", Html.Of($"""
                <p id="publisering-status">{status} Tallene er de samme som i den publiserte revisjonen.
                <a class="aksel-link" href="{link}">Se publiseringen</a></p>
                """));
    }
}
