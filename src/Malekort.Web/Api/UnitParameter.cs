using Malekort.Units;
using Malekort.Web.Scorecard;
using Malekort.Web.State;
using Microsoft.AspNetCore.Http;

namespace Malekort.Web.Api;

/// <summary>
/// A unit in an API parameter, checked against the registers: an unknown code is a 400 that names the nearest known ones
/// (a typo is not "no data"); a known unit without results is a 404.
/// </summary>
internal static class UnitParameter
{
    public static IResult? Check(ScorecardSnapshot snapshot, string parameter, string text, out UnitChoice? unit)
    {
        unit = null;
        if (!new UnitLookup(UnitRegister.Default, snapshot.Offices).TryFind(text, UnitLookup.AnyKind, out var code, out var error))
            return ApiProblems.BadParameter(parameter, $"Parameteren «{parameter}»: {error}");
        unit = snapshot.Find(code);
        return unit is null ? ApiProblems.NotFound(QueryParameters.NoData(parameter, code)) : null;
    }
}
