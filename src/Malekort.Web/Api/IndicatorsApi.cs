using Malekort.Confidentiality;
using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Units;
using Malekort.Web.Parameters;
using Malekort.Web.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Malekort.Web.Api;

/// <summary>
/// <c>GET /api/indikatorer?enhet=&amp;fra=&amp;til=</c>: one row per unit, month and indicator. Without <c>enhet</c> every
/// unit with results; without <c>fra</c>/<c>til</c> every month computed.
/// </summary>
internal static class IndicatorsApi
{
    public static IEndpointRouteBuilder MapIndicatorsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/indikatorer", (ScorecardState state, Viewer viewer, Query<UnitCode> enhet, Query<Month> fra, Query<Month> til) =>
            Get(state.For(viewer), enhet, fra, til));
        return app;
    }

    private static IResult Get(ScorecardSnapshot snapshot, Query<UnitCode> unitCode, Query<Month> fromAsked, Query<Month> toAsked)
    {
        UnitCode? unit = unitCode.HasValue ? unitCode.Value : null;
        Month? from = fromAsked.HasValue ? fromAsked.Value : null, to = toAsked.HasValue ? toAsked.Value : null;
        if (from is { } f && to is { } t && t < f) return ApiProblems.BadParameter(toAsked.Name, QueryParameters.Before(toAsked.Name, t, fromAsked.Name, f));
        if (snapshot.Results is not { } results) return ApiProblems.NoData();
        if (unit is { } u && snapshot.Find(u) is null)
            return UnitParameter.Unknown(snapshot, unitCode.Name, u) is { } unknown
                ? ApiProblems.BadParameter(unitCode.Name, unknown)
                : ApiProblems.NotFound(QueryParameters.NoData(unitCode.Name, u));

        // Months outside the computed range have no results: the range asked for is clipped to it.
        var first = from is { } ff && ff > results.Months.First ? ff : results.Months.First;
        var last = to is { } tt && tt < results.Months.Last ? tt : results.Months.Last;
        var units = unit is { } one ? [one] : snapshot.Units.Select(c => c.Code).ToList();
        return Results.Json(Rows(results, units, first, last), ApiJson.IndicatorRows);
    }

    private static IEnumerable<IndicatorRowJson> Rows(ShownResults results, IReadOnlyList<UnitCode> units, Month first, Month last)
    {
        foreach (var unit in units)
        {
            for (var month = first; month <= last; month = month.Plus(1))
            {
                foreach (var definition in IndicatorCatalog.All)
                {
                    var v = results.Get(unit, month, definition.Code);
                    yield return new IndicatorRowJson(unit.Value, month.ToString(), definition.Code, v.Numerator, v.Denominator, v.Value,
                        NoValueReasons.Code(v.Reason), v.Notes.HasFlag(ValueNotes.Suppressed), v.IsIncomplete, v.UnitsIncluded, v.UnitsTotal);
                }
            }
        }
    }
}
