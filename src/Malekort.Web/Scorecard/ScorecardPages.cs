using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Storage;
using Malekort.Units;
using Malekort.Web.Pages;
using Malekort.Web.Parameters;
using Malekort.Web.Publishing;
using Malekort.Web.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Malekort.Web.Scorecard;

/// <summary>
/// The pages <c>/</c>, <c>/malekort</c>, <c>/sammenlign</c>, <c>/datakvalitet</c> and one import's findings: each builds its model and
/// renders its page.
/// </summary>
internal static class ScorecardPages
{
    public static IEndpointRouteBuilder MapScorecardPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (ScorecardState state) => Home(state.Current));
        app.MapGet("/malekort", (HttpContext context, ScorecardState state, PublicationBook publications, Query<UnitCode> enhet,
            Query<Month> maned) => Scorecard(context.RequestServices, state.Current, publications, enhet, maned));
        app.MapGet("/sammenlign", (ScorecardState state, Query<IndicatorDefinition> indikator, Query<Month> maned) =>
            Comparison(state.Current, indikator, maned));
        app.MapGet("/datakvalitet", (ScorecardState state, IMalekortStore store, Query<int> side) => DataQualityView.Page(state.Current, store, side));
        app.MapGet("/datakvalitet/import/{id:long}", (ScorecardState state, IMalekortStore store, long id, Query<int> side) =>
            ImportFindingsView.Page(state.Current, store, id, side));
        return app;
    }

    /// <summary>The scorecard of the first office (else the first unit) in its latest month with data.</summary>
    private static IResult Home(ScorecardSnapshot snapshot) => snapshot.DefaultUnit is { } unit
        ? Results.Redirect($"/malekort?enhet={Uri.EscapeDataString(unit.Code.Value)}&maned={unit.LatestMonth}")
        : Results.Redirect("/malekort");

    private static async Task<IResult> Scorecard(IServiceProvider services, ScorecardSnapshot snapshot, PublicationBook publications,
        Query<UnitCode> unitCode, Query<Month> monthAsked)
    {
        if (snapshot.Results is not { } results || snapshot.DefaultUnit is not { } fallback) return NoData(snapshot, Section.Scorecard);
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
        // The indicator tables are most of the page's rendering and change only with the data: rendered once per unit and month
        // while the snapshot's cache keeps them (the bench's scorecard goal needs it; docs/architecture.md).
        var key = new ResponseKey(ResponsePart.ScorecardIndicators, unit.Code, month);
        if (!snapshot.Responses.TryGet(key, out string indicators))
        {
            indicators = await Page.Render<IndicatorTables, IndicatorTablesView>(services, IndicatorTablesView.Of(snapshot, results, unit, month));
            snapshot.Responses.Add(key, indicators);
        }
        var publication = PublicationBannerView.Of(publications, snapshot, results, unit.Code, month);
        return Page.Result<ScorecardPage, ScorecardView>(ScorecardView.Of(snapshot, results, unit, month, publication, indicators));
    }

    private static IResult Comparison(ScorecardSnapshot snapshot, Query<IndicatorDefinition> indicator, Query<Month> monthAsked)
    {
        if (snapshot.Results is not { } results || snapshot.DefaultUnit is not { } fallback) return NoData(snapshot, Section.Comparison);
        var month = monthAsked.Or(fallback.LatestMonth);
        if (!results.Months.Contains(month))
            return Errors.Page(snapshot, StatusCodes.Status404NotFound, QueryParameters.OutsideMonths(monthAsked.Name, month, results.Months));
        return Page.Result<ComparisonPage, ComparisonView>(ComparisonView.Of(snapshot, results, indicator.Or(IndicatorCatalog.Core[0]), month));
    }

    private static IResult NoData(ScorecardSnapshot snapshot, Section section) =>
        Page.Result<NoDataPage, NoDataView>(new NoDataView(section, PageFooter.Of(snapshot)));
}
