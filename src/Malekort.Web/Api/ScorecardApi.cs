using Malekort.Confidentiality;
using System.Text.Json;
using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Units;
using Malekort.Web.Exports;
using Malekort.Web.Parameters;
using Malekort.Web.Scorecard;
using Malekort.Web.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Malekort.Web.Api;

/// <summary>
/// <c>GET /api/malekort?enhet=&amp;maned=&amp;format=</c>: every indicator of one unit and month, with its 13-month trend; with
/// <c>format=csv|xlsx|jsonstat</c> the scorecard's table as a file (the columns of <see cref="IndicatorExport"/>).
/// </summary>
internal static class ScorecardApi
{
    public static IEndpointRouteBuilder MapScorecardApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/malekort", (ScorecardState state, Viewer viewer, Query<UnitCode> enhet, Query<Month> maned, Query<ExportFormat> format) =>
            Get(state.For(viewer), enhet, maned, format.Or(ExportFormat.Json)))
            .WithTags("Indikatorer")
            .WithSummary("Målekortet for én enhet og måned: hver indikator med teller, nevner, verdi, farge, grenseverdi, mål og 13 måneders utvikling.")
            .WithDescription("enhet er påkrevd; uten maned: enhetens siste måned med data. Med format=csv|xlsx|jsonstat: målekortets tabell som fil.")
            .Produces<ScorecardJson>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static IResult Get(ScorecardSnapshot snapshot, Query<UnitCode> unitCode, Query<Month> monthAsked, ExportFormat format)
    {
        if (!unitCode.HasValue) return ApiProblems.BadParameter(unitCode.Name, QueryParameters.Missing(unitCode.Name));
        if (snapshot.Results is not { } results) return ApiProblems.NoData();
        if (snapshot.Find(unitCode.Value) is not { } unit)
            return UnitParameter.Unknown(snapshot, unitCode.Name, unitCode.Value) is { } unknown
                ? ApiProblems.BadParameter(unitCode.Name, unknown)
                : ApiProblems.NotFound(QueryParameters.NoData(unitCode.Name, unitCode.Value));
        var month = monthAsked.Or(unit.LatestMonth);
        if (!results.Months.Contains(month))
            return ApiProblems.BadParameter(monthAsked.Name, QueryParameters.OutsideMonths(monthAsked.Name, month, results.Months));
        if (format != ExportFormat.Json)
        {
            IReadOnlyList<IndicatorDefinition> all = [.. snapshot.National, .. snapshot.OwnShown];
            var rows = all.Select(d => new IndicatorExportRow(unit, month, ScorecardModel.Row(snapshot, results, unit.Code, month, d, withTrend: false)));
            return new ExportResult<IndicatorExportRow>(format, IndicatorExport.Table, IndicatorExport.Shape, rows, $"malekort-{unit.Code.Value}-{month}",
                snapshot.ComputedAt, IndicatorCube.DatasetNotes(all));
        }
        // The body depends on the snapshot, unit and month only: serialised once while the snapshot's cache keeps it.
        var key = new ResponseKey(ResponsePart.ScorecardJson, unit.Code, month);
        if (!snapshot.Responses.TryGet(key, out byte[] body))
        {
            var rows = ScorecardModel.Rows(snapshot, results, unit.Code, month, [.. snapshot.National, .. snapshot.OwnShown]);
            var json = new ScorecardJson(UnitsApi.Json(snapshot, unit), month.ToString(), IndicatorDefinition.DefinitionVersion,
                snapshot.DataVersion, rows.Select(Json).ToList());
            body = JsonSerializer.SerializeToUtf8Bytes(json, ApiJson.Scorecard);
            snapshot.Responses.Add(key, body);
        }
        return Utf8Response.Json(body);
    }

    private static IndicatorJson Json(IndicatorRow row)
    {
        var d = row.Definition;
        var v = row.Value;
        return new IndicatorJson(
            d.Code, d.Name, KindCode(d.Kind), d.IsCore, v.Numerator, v.Denominator, v.Value, NoValueReasons.Code(v.Reason),
            Texts.StatusCode(row.Status), Texts.Status(row.Status), row.IsSuppressed, v.IsIncomplete, v.UnitsIncluded, v.UnitsTotal,
            Texts.CodedNotes(v).Select(n => new NoteJson(n.Code, n.Text)).ToList(),
            d.Numerator, d.Denominator,
            row.Threshold.Threshold is { } t
                ? new ThresholdJson(t.Direction == Direction.HigherIsBetter ? "higherIsBetter" : "lowerIsBetter", t.Green, t.Red, t.SetBy, Texts.Threshold(t))
                : null,
            row.Threshold.Explanation,
            row.Target is { } target ? new TargetJson(target.Value, row.Attainment?.Percent, row.Attainment?.Reached, row.Attainment?.Words) : null,
            row.Trend.Select(p => new TrendJson(p.Month.ToString(), p.Value.Numerator, p.Value.Denominator, p.Value.Value,
                NoValueReasons.Code(p.Value.Reason), p.Value.Notes.HasFlag(ValueNotes.Suppressed))).ToList(),
            new DefinitionVersionJson(d.Version, d.VersionOf, d.ValidFrom?.ToString(), d.ValidUntil?.ToString()))
        {
            Manual = row.Manual is { } m ? new ManualJson(m.EnteredBy, m.EnteredAt, v.Notes.HasFlag(ValueNotes.ManualReplaced)) : null,
            Source = Texts.SourceCode(v),
        };
    }

    internal static string KindCode(ValueKind kind) => kind switch
    {
        ValueKind.Count => "count",
        ValueKind.Percent => "percent",
        _ => "mean",
    };
}
