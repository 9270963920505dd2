using Malekort.Confidentiality;
using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Units;
using Malekort.Web.ApiDocs;
using Malekort.Web.Exports;
using Malekort.Web.Parameters;
using Malekort.Web.Scorecard;
using Malekort.Web.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Malekort.Web.Api;

/// <summary>
/// <c>GET /api/indikatorer?enhet=&amp;indikator=&amp;fra=&amp;til=&amp;format=</c>: one row per unit, month and indicator, with the
/// columns of <see cref="IndicatorExport"/>. Without <c>enhet</c> every unit with results; without <c>indikator</c> every
/// indicator; without <c>fra</c>/<c>til</c> every month computed. <c>format</c> is json (default), csv, xlsx or jsonstat.
/// </summary>
internal static class IndicatorsApi
{
    public static IEndpointRouteBuilder MapIndicatorsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/indikatorer", (ScorecardState state, Viewer viewer, Query<UnitCode> enhet, Query<IndicatorDefinition> indikator, Query<Month> fra,
            Query<Month> til, Query<ExportFormat> format) => Get(state.For(viewer), enhet, indikator, fra, til, format.Or(ExportFormat.Json)))
            .WithTags("Indikatorer")
            .WithSummary("Indikatorverdier per enhet, måned og indikator, med status, grenseverdi, mål, måloppnåelse, dekning og skjerming.")
            .WithDescription("Uten enhet: alle enheter med resultater; uten indikator: alle indikatorer; uten fra/til: alle beregnede måneder.")
            .WithMetadata(ExportedColumns.Of(IndicatorExport.Table))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static IResult Get(ScorecardSnapshot snapshot, Query<UnitCode> unitCode, Query<IndicatorDefinition> indicator,
        Query<Month> fromAsked, Query<Month> toAsked, ExportFormat format)
    {
        Month? from = fromAsked.HasValue ? fromAsked.Value : null, to = toAsked.HasValue ? toAsked.Value : null;
        if (from is { } f && to is { } t && t < f) return ApiProblems.BadParameter(toAsked.Name, QueryParameters.Before(toAsked.Name, t, fromAsked.Name, f));
        if (snapshot.Results is not { } results) return ApiProblems.NoData();
        UnitChoice? unit = null;
        if (unitCode.HasValue && (unit = snapshot.Find(unitCode.Value)) is null)
            return UnitParameter.Unknown(snapshot, unitCode.Name, unitCode.Value) is { } unknown
                ? ApiProblems.BadParameter(unitCode.Name, unknown)
                : ApiProblems.NotFound(QueryParameters.NoData(unitCode.Name, unitCode.Value));

        // Months outside the computed range have no results: the range asked for is clipped to it.
        var first = from is { } ff && ff > results.Months.First ? ff : results.Months.First;
        var last = to is { } tt && tt < results.Months.Last ? tt : results.Months.Last;
        IReadOnlyList<UnitChoice> units = unit is { } one ? [one] : snapshot.Units;
        IReadOnlyList<IndicatorDefinition> definitions = indicator.HasValue ? [indicator.Value] : [.. snapshot.National, .. snapshot.OwnShown];
        var name = string.Join('-', ["indikatorer", unit?.Code.Value ?? "alle", .. indicator.HasValue ? [indicator.Value.Code] : Array.Empty<string>(),
            first.ToString(), last.ToString()]);
        return new ExportResult<IndicatorExportRow>(format, IndicatorExport.Table, IndicatorExport.Shape,
            Rows(snapshot, results, units, definitions, first, last), name, snapshot.ComputedAt, IndicatorCube.DatasetNotes(definitions));
    }

    private static IEnumerable<IndicatorExportRow> Rows(ScorecardSnapshot snapshot, ShownResults results, IReadOnlyList<UnitChoice> units,
        IReadOnlyList<IndicatorDefinition> definitions, Month first, Month last)
    {
        foreach (var unit in units)
        {
            for (var month = first; month <= last; month = month.Plus(1))
            {
                foreach (var definition in definitions)
                {
                    yield return new IndicatorExportRow(unit, month, ScorecardModel.Row(snapshot, results, unit.Code, month, definition, withTrend: false));
                }
            }
        }
    }
}
