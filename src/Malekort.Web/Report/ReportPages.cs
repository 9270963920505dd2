using Malekort.Confidentiality;
using Malekort.Periods;
using Malekort.Units;
using Malekort.Web.Pages;
using Malekort.Web.Parameters;
using Malekort.Web.Publishing;
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
        if (snapshot.Results is not { } results || snapshot.DefaultUnit is not { } fallback)
            return Page.Result<NoDataPage, NoDataView>(new NoDataView(Section.Scorecard, PageFooter.Of(snapshot)));
        var unit = fallback;
        if (unitCode.HasValue)
        {
            if (snapshot.Find(unitCode.Value) is not { } found)
                return Errors.Page(snapshot, StatusCodes.Status404NotFound, QueryParameters.NoData(unitCode.Name, unitCode.Value));
            unit = found;
        }
        var month = monthAsked.Or(unit.LatestMonth);
        if (!results.Months.Contains(month))
            return Errors.Page(snapshot, StatusCodes.Status404NotFound, QueryParameters.OutsideMonths(monthAsked.Name, month, results.Months));
        PrintScript.AllowOn(context.Response);
        var office = PublicationBannerView.OfficeOf(snapshot, unit.Code);
        var publication = office is null ? null : PublicationBannerView.Of(results, office, month, publications.Latest(office.Code, month));
        return Page.Result<ReportPage, ReportView>(ReportView.Of(snapshot, results, unit, month, publication, clock.GetUtcNow()));
    }
}
