using Malekort.Confidentiality;
using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Units;
using Malekort.Web.Scorecard;
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
        app.MapGet("/api/indikatorer", (ScorecardState state, Viewer viewer, string? enhet, string? fra, string? til) => Get(state.For(viewer), enhet, fra, til));
        return app;
    }

    private static IResult Get(ScorecardSnapshot snapshot, string? unitText, string? fromText, string? toText)
    {
        UnitCode? unit = null;
        if (!string.IsNullOrWhiteSpace(unitText))
        {
            if (!QueryParameters.TryUnit("enhet", unitText, out var code, out var error)) return ApiProblems.BadParameter("enhet", error);
            unit = code;
        }
        Month? from = null, to = null;
        if (!string.IsNullOrWhiteSpace(fromText))
        {
            if (!QueryParameters.TryMonth("fra", fromText, out var m, out var error)) return ApiProblems.BadParameter("fra", error);
            from = m;
        }
        if (!string.IsNullOrWhiteSpace(toText))
        {
            if (!QueryParameters.TryMonth("til", toText, out var m, out var error)) return ApiProblems.BadParameter("til", error);
            to = m;
        }
        if (from is { } f && to is { } t && t < f)
            return ApiProblems.BadParameter("til", $"Parameteren «til» ({t}) er før «fra» ({f}).");
        if (snapshot.Results is not { } results) return ApiProblems.NoData();
        if (unit is { } u && snapshot.Find(u) is null) return ApiProblems.NotFound(QueryParameters.NoData("enhet", u));

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
                        v.Notes.HasFlag(ValueNotes.Suppressed));
                }
            }
        }
    }
}
