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
        if (user.Role() == ViewerRole.Admin) return true;
        if (unit is not { } u || user.Unit() is not { } own) return false;
        return user.Role() switch
        {
            ViewerRole.Kontor => Serves(own, u, offices),
            ViewerRole.Kommune => u.IsCaptureUnit && u.Municipality == own,
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

    /// <summary>Whether the office is the unit or serves it.</summary>
    private static bool Serves(UnitCode office, UnitCode unit, OfficeRegister offices) =>
        unit == office || offices.Find(office)?.Units.Contains(unit) == true;
}
