using Malekort.Confidentiality;
using Malekort.Periods;
using Malekort.Storage;
using Malekort.Units;
using Malekort.Web.Pages;
using Malekort.Web.Parameters;
using Malekort.Web.Publishing;
using Malekort.Web.State;
using Microsoft.AspNetCore.Http;

namespace Malekort.Web.Federation;

internal sealed record OfficeStatusJson(string Kontor, string Navn, string? NyesteManed, int? Revisjon, string? Kilde, DateTimeOffset? Mottatt,
    bool HarNyesteManed);

internal sealed record CentralStatusJson(string? NyesteManed, IReadOnlyList<OfficeStatusJson> Kontorer, IReadOnlyList<string> IkkeLevert);

/// <summary>
/// A central instance's <c>/publisering</c> (what each office delivered; an office's month with its revisions) and
/// <c>GET /api/aggregater</c> (the same as JSON). Nothing here approves anything: offices publish in their own Målekort.
/// </summary>
internal static class CentralPages
{
    public static IResult Get(ScorecardState state, Viewer viewer, DeliveryBook book, IMalekortStore store, Query<UnitCode> kontor, Query<Month> maned)
    {
        var snapshot = state.For(viewer);
        if (!kontor.HasValue && !maned.HasValue)
            return Page.Result<CentralOverviewPage, CentralOverviewView>(CentralOverviewView.Of(book, snapshot));
        if (!PublishingPages.TryOfficeAndMonth(snapshot, kontor, maned, out var office, out var month, out var status, out var error, out _))
            return Errors.Page(snapshot, status, error);
        // An office without a Målekort of its own has the KOSTRA figures of its municipalities instead (docs/federation.md).
        var headers = book.Revisions(office.Code, month) is { Count: > 0 } own ? own
            : office.Units.Select(u => book.Revisions(u, month)).FirstOrDefault(l => l is [.., { Source: AggregateSource.Kostra }]) ?? [];
        var revisions = DeliveredMonths.Revisions(store, headers, viewer, snapshot.Offices);
        return Page.Result<DeliveredMonthPage, DeliveredMonthView>(
            new DeliveredMonthView(office, month, revisions, snapshot.NameOf, PageFooter.Of(snapshot)));
    }

    public static IResult Status(ScorecardState state, DeliveryBook book)
    {
        var view = CentralOverviewView.Of(book, state.Current);
        return Results.Ok(new CentralStatusJson(view.NewestMonth?.ToString(),
            view.Offices.Select(o => new OfficeStatusJson(o.Office.Code.Value, o.Office.Name, o.Newest?.Month.ToString(), o.Newest?.Revision,
                o.Newest is { } h ? h.Source == AggregateSource.Kostra ? "kostra" : "lokal" : null, o.Newest?.ReceivedAt, o.HasNewestMonth)).ToList(),
            view.Missing.Select(o => o.Office.Code.Value).ToList()));
    }
}
