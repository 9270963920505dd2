using Malekort.Confidentiality;
using Malekort.Web.Scorecard;
using Malekort.Web.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Malekort.Web.Api;

/// <summary><c>GET /api/enheter</c>: the units with results and the months computed.</summary>
internal static class UnitsApi
{
    public static IEndpointRouteBuilder MapUnitsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/enheter", (ScorecardState state, Viewer viewer) =>
        {
            var snapshot = state.For(viewer);
            var months = snapshot.Results?.Months;
            return Results.Json(new UnitsJson(snapshot.DataVersion, months?.First.ToString(), months?.Last.ToString(),
                snapshot.Units.Select(u => Json(snapshot, u)).ToList()), ApiJson.Units);
        })
        .WithTags("Enheter")
        .WithSummary("Enhetene med resultater (kontorer, kommuner, bydeler, fylker, landet) og de beregnede månedene.")
        .Produces<UnitsJson>(StatusCodes.Status200OK);
        return app;
    }

    public static UnitJson Json(ScorecardSnapshot snapshot, UnitChoice unit) => new(
        unit.Code.Value, unit.Name, Texts.UnitKind(unit.Code.Kind), unit.LatestMonth.ToString(),
        snapshot.Results?.IsRestricted(unit.Code) ?? false);
}
