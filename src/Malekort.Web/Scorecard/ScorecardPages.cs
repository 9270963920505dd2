using Malekort.Confidentiality;
using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Storage;
using Malekort.Units;
using Malekort.Web.Access;
using Malekort.Web.Api;
using Malekort.Web.Pages;
using Malekort.Web.Parameters;
using Malekort.Web.Publishing;
using Malekort.Web.State;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Malekort.Web.Scorecard;

/// <summary>
/// The pages <c>/</c>, <c>/malekort</c>, <c>/sammenlign</c>, <c>/historikk</c>, <c>/nedbrytning</c>, <c>/datakvalitet</c> and one
/// import's findings: each builds its model and renders its page.
/// </summary>
internal static class ScorecardPages
{
    public static IEndpointRouteBuilder MapScorecardPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (ScorecardState state, Viewer viewer) => Home(state.For(viewer)));
        // alle=ja: the national set, where the unit has chosen its own indicators (issue 11 item 5).
        app.MapGet("/malekort", (ScorecardState state, Viewer viewer, PublicationBook publications, Federation.DeliveryBook deliveries,
            Query<UnitCode> enhet, Query<Month> maned, string? alle) => Scorecard(state.For(viewer), publications, deliveries, enhet, maned, alle == "ja"));
        app.MapGet("/malekort/velg", (ScorecardState state, Viewer viewer, string? enhet, Query<Month> maned) => Choose(state.For(viewer), enhet, maned));
        app.MapGet(Links.ComparisonPath, (HttpContext context, ScorecardState state, Viewer viewer, IMalekortStore store, IAntiforgery antiforgery,
            Query<IndicatorDefinition> indikator, Query<Month> maned, Query<UnitCode> enhet, Query<ComparisonLevel> niva, Query<ComparisonOrder> sorter,
            string? gruppe) =>
        {
            var groups = store.ComparisonGroups(context.User.UserName());
            var group = string.IsNullOrWhiteSpace(gruppe) ? null : groups.FirstOrDefault(g => g.Name == gruppe.Trim());
            if (!string.IsNullOrWhiteSpace(gruppe) && group is null)
                return Errors.Page(state.For(viewer), StatusCodes.Status404NotFound,
                    $"Du har ingen sammenligningsgruppe som heter «{gruppe.Trim()}» (parameteren «gruppe»).");
            return Comparison(state.For(viewer), indikator, maned, enhet, niva, sorter, group, groups, antiforgery.GetAndStoreTokens(context));
        });
        app.MapPost(ComparisonGroups.Path, ComparisonGroups.Save);
        app.MapGet(Links.HistoryPath, (ScorecardState state, Viewer viewer, Query<UnitCode> enhet, Query<IndicatorDefinition> indikator,
            Query<Month> maned) => History(state.For(viewer), enhet, indikator, maned));
        app.MapGet(Links.BreakdownPath, (ScorecardState state, Viewer viewer, Query<UnitCode> enhet, Query<Month> maned) =>
            Breakdown(state.For(viewer), enhet, maned));
        app.MapGet("/datakvalitet", (ScorecardState state, Viewer viewer, IMalekortStore store, Query<int> side, Query<UnitCode> enhet,
            Query<Month> maned) =>
        {
            var snapshot = state.For(viewer);
            return DataQualityView.Page(snapshot, store, state.LastImports, side, Selection.Of(snapshot, enhet, maned));
        });
        app.MapGet("/datakvalitet/import/{id:long}", (ScorecardState state, Viewer viewer, IMalekortStore store, long id, Query<int> side,
            Query<UnitCode> enhet, Query<Month> maned) =>
        {
            var snapshot = state.For(viewer);
            return ImportFindingsView.Page(snapshot, store, state.LastImports, id, side, Selection.Of(snapshot, enhet, maned));
        });
        return app;
    }

    /// <summary>The scorecard of the first office (else the first unit) in its latest month with data.</summary>
    private static IResult Home(ScorecardSnapshot snapshot) => snapshot.DefaultUnit is { } unit
        ? Results.Redirect(Selection.Scorecard(unit.Code, unit.LatestMonth))
        : Results.Redirect("/malekort");

    /// <summary>
    /// What the picker sends: the unit as typed (a code, a name, or the list's «Fredrikstad (3107)») and the month. Answered with
    /// the scorecard's own address, so every scorecard has one address whatever was typed.
    /// </summary>
    private static IResult Choose(ScorecardSnapshot snapshot, string? typed, Query<Month> month)
    {
        const string parameter = "enhet";
        if (string.IsNullOrWhiteSpace(typed)) return Errors.Page(snapshot, StatusCodes.Status400BadRequest, QueryParameters.Missing(parameter));
        var found = UnitSearch.Find(snapshot, typed);
        return found switch
        {
            [var unit] => Results.Redirect(Selection.Scorecard(unit.Code, month.Or(unit.LatestMonth))),
            [] => Errors.Page(snapshot, StatusCodes.Status404NotFound, QueryParameters.NoUnitNamed(parameter, typed)),
            _ => Errors.Page(snapshot, StatusCodes.Status400BadRequest, QueryParameters.SeveralUnitsNamed(parameter, typed, found.Select(u => u.Label))),
        };
    }

    private static async Task<IResult> Scorecard(ScorecardSnapshot snapshot, PublicationBook publications, Federation.DeliveryBook deliveries,
        Query<UnitCode> unitCode, Query<Month> monthAsked, bool all)
    {
        if (Refused(snapshot, unitCode, monthAsked, Section.Scorecard, out var results, out var unit, out var month) is { } refusal) return refusal;
        // The page depends on the snapshot, the unit, the month and the revision of its office's publication only: rendered once
        // while the snapshot's cache keeps it, and then sent as it is (the scorecard's load goal needs it; docs/benchmarks.md).
        var office = PublicationBannerView.OfficeOf(snapshot, unit.Code);
        var published = office is null ? null : publications.Latest(office.Code, month);
        all = all && snapshot.ChoiceOf(unit.Code) is not null;
        var key = new ResponseKey(all ? ResponsePart.ScorecardPageAll : ResponsePart.ScorecardPage, unit.Code, month, published?.Revision ?? 0);
        if (snapshot.Responses.TryGet(key, out var body)) return Utf8Response.Html(body);
        var banner = office is null || deliveries.Central ? null : PublicationBannerView.Of(results, office, month, published);
        var picker = await UnitPickerView.Of(snapshot, unit, month);
        // A central instance says which offices delivered the month and which revision it holds (Federation/); its snapshot is
        // replaced at every delivery, so the kept page never outlives what it says.
        var delivery = deliveries.Central ? Federation.DeliveryBannerView.Of(deliveries, snapshot, unit.Code, month) : null;
        return Page.Kept<ScorecardPage, ScorecardView>(ScorecardView.Of(snapshot, results, unit, month, picker, banner, all) with { Delivery = delivery },
            snapshot.Responses, key);
    }

    private static IResult Comparison(ScorecardSnapshot snapshot, Query<IndicatorDefinition> indicator, Query<Month> monthAsked,
        Query<UnitCode> unit, Query<ComparisonLevel> level, Query<ComparisonOrder> order, ComparisonGroup? group, IReadOnlyList<ComparisonGroup> groups,
        AntiforgeryTokenSet form)
    {
        if (snapshot.Results is not { } results || snapshot.DefaultUnit is not { } fallback) return NoData(snapshot, Section.Comparison);
        var month = monthAsked.Or(fallback.LatestMonth);
        if (!results.Months.Contains(month))
            return Errors.Page(snapshot, StatusCodes.Status404NotFound, QueryParameters.OutsideMonths(monthAsked.Name, month, results.Months));
        return Page.Result<ComparisonPage, ComparisonView>(ComparisonView.Of(snapshot, results, indicator.Or(IndicatorCatalog.Core[0]), month,
            level.HasValue ? level.Value : null, order.Or(ComparisonOrder.HighestFirst), Selection.Of(snapshot, unit.HasValue ? unit.Value : null, month),
            group, groups, form));
    }

    private static IResult History(ScorecardSnapshot snapshot, Query<UnitCode> unitCode, Query<IndicatorDefinition> indicator, Query<Month> monthAsked)
    {
        if (Refused(snapshot, unitCode, monthAsked, Section.Scorecard, out var results, out var unit, out var month) is { } refusal) return refusal;
        return Page.Result<HistoryPage, HistoryView>(HistoryView.Of(snapshot, results, unit, indicator.Or(IndicatorCatalog.Core[0]), month));
    }

    private static IResult Breakdown(ScorecardSnapshot snapshot, Query<UnitCode> unitCode, Query<Month> monthAsked)
    {
        if (Refused(snapshot, unitCode, monthAsked, Section.Scorecard, out var results, out var unit, out var month) is { } refusal) return refusal;
        return Page.Result<BreakdownPage, BreakdownView>(BreakdownView.Of(snapshot, results, unit, month));
    }

    /// <summary>
    /// The unit and month a page of one unit shows: those asked for, else the default unit and its latest month; or, returned, the
    /// page that refuses them (no data at all, a unit without data, a month not computed).
    /// </summary>
    internal static IResult? Refused(ScorecardSnapshot snapshot, Query<UnitCode> unitCode, Query<Month> monthAsked, Section section,
        out ShownResults results, out UnitChoice unit, out Month month)
    {
        (results, unit, month) = (null!, null!, default);
        if (snapshot.Results is not { } shown || snapshot.DefaultUnit is not { } fallback) return NoData(snapshot, section);
        unit = fallback;
        if (unitCode.HasValue)
        {
            if (snapshot.Find(unitCode.Value) is not { } found)
                return Errors.Page(snapshot, StatusCodes.Status404NotFound, QueryParameters.NoData(unitCode.Name, unitCode.Value));
            unit = found;
        }
        month = monthAsked.Or(unit.LatestMonth);
        if (!shown.Months.Contains(month))
            return Errors.Page(snapshot, StatusCodes.Status404NotFound, QueryParameters.OutsideMonths(monthAsked.Name, month, shown.Months));
        results = shown;
        return null;
    }

    private static IResult NoData(ScorecardSnapshot snapshot, Section section) =>
        Page.Result<NoDataPage, NoDataView>(new NoDataView(section, PageFooter.Of(snapshot)));
}
