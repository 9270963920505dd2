using System.Security.Claims;
using Malekort.Confidentiality;
using Malekort.Units;

namespace Malekort.Web.Access;

/// <summary>
/// What a signed-in user may do with one unit (issue 10, "Roles and scopes"), checked on the server where the unit is known.
/// Which numbers the user sees is the confidentiality rules' business; these are the actions a role or unit rules out.
/// </summary>
internal static class Scopes
{
    /// <summary>
    /// Uploads: an admin anything, reference data included (<paramref name="unit"/> null); an office's users the
    /// municipalities and districts it serves; a municipality's users the municipality and its districts.
    /// </summary>
    public static bool MayDeliver(ClaimsPrincipal user, UnitCode? unit, OfficeRegister offices)
    {
        if (!user.IsUser()) return false;
        return Delivers(user.Role(), user.Unit(), unit, offices);
    }

    private static bool Delivers(ViewerRole? role, UnitCode? own, UnitCode? unit, OfficeRegister offices)
    {
        if (role == ViewerRole.Admin) return true;
        if (unit is not { } u || own is not { } o) return false;
        return role switch
        {
            ViewerRole.Kontor => Serves(o, u, offices),
            ViewerRole.Kommune => u.IsCaptureUnit && u.Municipality == o,
            _ => false,
        };
    }

    /// <summary>Approving and publishing an office's month: an admin any office, an office's users their own.</summary>
    public static bool MayPublish(ClaimsPrincipal user, UnitCode office) =>
        user.IsUser() && (user.Role() == ViewerRole.Admin || (user.Role() == ViewerRole.Kontor && user.Unit() == office));

    /// <summary>
    /// Setting a unit's own thresholds (issue 11 item 2): an admin (the operator) any municipality or district, a municipality's
    /// users their municipality and its districts. Offices and the rest read them.
    /// </summary>
    public static bool MaySetThresholds(ClaimsPrincipal user, UnitCode unit) =>
        user.IsUser() && unit.IsCaptureUnit
        && (user.Role() == ViewerRole.Admin || (user.Role() == ViewerRole.Kommune && user.Unit() is { } own && unit.Municipality == own));

    /// <summary>
    /// Explaining a count person by person (issue 10 item 4): only an office's own users, only for the municipalities and
    /// districts the office serves. Administrators, counties, the directorate and municipalities never see person-level data.
    /// </summary>
    public static bool MayExplain(Viewer viewer, UnitCode unit, OfficeRegister offices) =>
        viewer.Role == ViewerRole.Kontor && viewer.Unit is { } own && unit.IsCaptureUnit && Serves(own, unit, offices);

    /// <summary>
    /// Setting a unit's or office's targets (issue 11 item 3): an admin any, an office's users the office and the units it serves,
    /// a municipality's users the municipality and its districts; counties and the directorate read them.
    /// </summary>
    public static bool MaySetTargets(ClaimsPrincipal user, UnitCode unit, OfficeRegister offices) =>
        (unit.IsCaptureUnit || unit.Kind == UnitKind.Office) && MayDeliver(user, unit, offices);

    /// <summary>
    /// Typing a municipality's or district's numbers for a month without captured data (issue 11 item 4): whoever may deliver its
    /// data — an office's users for the units it serves, a municipality's users for the municipality and its districts, admins any.
    /// A manual value stands in for a delivery, so it is the same right; counties and the directorate read the values on the scorecard.
    /// </summary>
    public static bool MayEnterManual(ClaimsPrincipal user, UnitCode unit, OfficeRegister offices) =>
        unit.IsCaptureUnit && MayDeliver(user, unit, offices);

    /// <summary>The same for the viewer a page is made for (the scorecard's link to <c>/manuelt</c>).</summary>
    public static bool MayEnterManual(Viewer viewer, UnitCode unit, OfficeRegister offices) =>
        unit.IsCaptureUnit && Delivers(viewer.Role, viewer.Unit, unit, offices);

    /// <summary>
    /// Choosing which indicators a unit's scorecard shows, in what order and under which headings (issue 11 item 5): as for targets,
    /// an office's users the office and the units it serves, a municipality's users the municipality and its districts, admins any.
    /// </summary>
    public static bool MayChooseIndicators(ClaimsPrincipal user, UnitCode unit, OfficeRegister offices) => MaySetTargets(user, unit, offices);

    /// <summary>The same for the viewer a page is made for (the scorecard's link to <c>/indikatorvalg</c>).</summary>
    public static bool MayChooseIndicators(Viewer viewer, UnitCode unit, OfficeRegister offices) =>
        (unit.IsCaptureUnit || unit.Kind == UnitKind.Office) && Delivers(viewer.Role, viewer.Unit, unit, offices);

    /// <summary>
    /// Defining own indicators by formula (issue 11 item 6): a municipality's users for their municipality, an office's users for their
    /// office. Counties, the directorate and administrators define none (<c>docs/decisions.md</c>, «Egne indikatorer»).
    /// </summary>
    public static bool MayDefineIndicators(Viewer viewer) => viewer.Role is ViewerRole.Kontor or ViewerRole.Kommune && viewer.Unit is not null;

    /// <summary>
    /// Adding a version of a national indicator's definition (issue 11 item 7): the directorate, which sets the national definitions;
    /// nobody else, not even administrators (<c>docs/decisions.md</c>, «Definisjonsversjoner lagt til i nettleseren»).
    /// </summary>
    public static bool MayAddVersions(Viewer viewer) => viewer.Role == ViewerRole.Direktorat;

    /// <summary>Whether the office is the unit or serves it.</summary>
    private static bool Serves(UnitCode office, UnitCode unit, OfficeRegister offices) =>
        unit == office || offices.Find(office)?.Units.Contains(unit) == true;
}
