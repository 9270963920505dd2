using Malekort.Units;
using Malekort.Web.State;

namespace Malekort.Web.Scorecard;

/// <summary>
/// Which units a unit is made of and which county it lies in, as the drill-down and the comparison's reference lines need them:
/// an office is its municipalities and districts, a county its offices, the country its counties, Oslo its districts.
/// </summary>
internal static class UnitFamily
{
    /// <summary>The units one level down that have results, in the picker's order; none for a district or a single municipality.</summary>
    public static IReadOnlyList<UnitChoice> PartsOf(ScorecardSnapshot snapshot, UnitCode unit)
    {
        IEnumerable<UnitCode> parts = unit.Kind switch
        {
            UnitKind.Office => snapshot.Offices.Find(unit)?.Units ?? [],
            UnitKind.County => snapshot.Offices.Offices.Where(o => CountyOf(snapshot, o.Code) == unit).Select(o => o.Code),
            UnitKind.Country => snapshot.Units.Where(u => u.Code.Kind == UnitKind.County).Select(u => u.Code),
            UnitKind.Municipality => UnitRegister.Default.DistrictsOf(unit).Select(d => d.Code),
            _ => [],
        };
        var set = parts.ToHashSet();
        return snapshot.Units.Where(u => set.Contains(u.Code)).ToList();
    }

    /// <summary>The county a unit lies in (an office: the county of the units it serves); none for a county or the country.</summary>
    public static UnitCode? CountyOf(ScorecardSnapshot snapshot, UnitCode unit) => unit.Kind switch
    {
        UnitKind.Municipality or UnitKind.District => unit.County,
        UnitKind.Office => snapshot.Offices.Find(unit)?.Units.FirstOrDefault() is { IsCaptureUnit: true } served ? served.County : null,
        _ => null,
    };

    /// <summary>What the parts of a unit are called: «kommunene og bydelene kontoret betjener», «NAV-kontorene i fylket».</summary>
    public static string PartsName(UnitCode unit) => unit.Kind switch
    {
        UnitKind.Office => "Kommunene og bydelene kontoret betjener",
        UnitKind.County => "NAV-kontorene i fylket",
        UnitKind.Country => "Fylkene",
        _ => "Bydelene",
    };
}
