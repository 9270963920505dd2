using Malekort.Confidentiality;
using Malekort.Periods;
using Malekort.Units;
using Malekort.Web.Pages;
using Malekort.Web.Parameters;
using Malekort.Web.Publishing;
using Malekort.Web.Scorecard;
using Malekort.Web.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Malekort.Web.Report;

/// <summary><c>/rapport?enhet=&amp;maned=</c>: the monthly report of one unit, to print on one A4 page.</summary>
internal static class ReportPages
{
    public static IEndpointRouteBuilder MapReportPages(this IEndpointRouteBuilder app)
    {
        // The viewer's snapshot: a printed report hides what the page hides (small counts outside the viewer's office).
        app.MapGet("/rapport", (HttpContext context, ScorecardState state, Viewer viewer, PublicationBook publications, TimeProvider clock,
            Query<UnitCode> enhet, Query<Month> maned) => Report(context, state.For(viewer), publications, clock, enhet, maned));
        return app;
    }

    private static IResult Report(HttpContext context, ScorecardSnapshot snapshot, PublicationBook publications, TimeProvider clock,
        Query<UnitCode> unitCode, Query<Month> monthAsked)
    {
        if (ScorecardPages.Refused(snapshot, unitCode, monthAsked, Section.Scorecard, out var results, out var unit, out var month) is { } refusal)
            return refusal;
        PrintScript.AllowOn(context.Response);
        var office = PublicationBannerView.OfficeOf(snapshot, unit.Code);
        var publication = office is null ? null : PublicationBannerView.Of(results, office, month, publications.Latest(office.Code, month));
        return Page.Result<ReportPage, ReportView>(ReportView.Of(snapshot, results, unit, month, publication, clock.GetUtcNow()));
    }
}
