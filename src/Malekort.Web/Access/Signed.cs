using System.Security.Claims;
using Malekort.Confidentiality;
using Malekort.Units;

namespace Malekort.Web.Access;

/// <summary>
/// The claims of a signed-in user as Målekort reads them, whichever way they signed in (local account, API token, OpenID
/// Connect, demo): a name, a role, the unit the role belongs to, and a token's scope.
/// </summary>
public static class Signed
{
    /// <summary>The user's role, by its written name (<see cref="ViewerRoles.Name"/>).</summary>
    public const string RoleClaim = "malekort:rolle";

    /// <summary>The user's unit code.</summary>
    public const string UnitClaim = "malekort:enhet";

    /// <summary>Present on a metrics-only token's principal: it may read <c>/metrics</c> and nothing else.</summary>
    public const string MetricsOnlyClaim = "malekort:kun-metrics";

    /// <summary>How the user signed in (<c>lokal</c>, <c>nøkkel</c>, <c>oidc</c>, <c>demo</c>), for the log.</summary>
    public const string MethodClaim = "malekort:innlogging";

    /// <summary>The claims of a user with the role and unit.</summary>
    public static ClaimsIdentity Identity(string name, ViewerRole role, UnitCode? unit, string method, string authenticationType)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, name),
            new(RoleClaim, role.Name()),
            new(MethodClaim, method),
        };
        if (unit is { } u) claims.Add(new Claim(UnitClaim, u.Value));
        return new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, RoleClaim);
    }

    /// <summary>The user's role, or null when the principal has none Målekort knows.</summary>
    public static ViewerRole? Role(this ClaimsPrincipal user) =>
        ViewerRoles.TryParse(user.FindFirst(RoleClaim)?.Value, out var role) ? role : null;

    /// <summary>The user's unit, or null.</summary>
    public static UnitCode? Unit(this ClaimsPrincipal user) =>
        UnitCode.TryParse(user.FindFirst(UnitClaim)?.Value, out var unit) ? unit : null;

    /// <summary>The user's name as logged and audited.</summary>
    public static string UserName(this ClaimsPrincipal user) => user.Identity?.Name ?? "(ukjent)";

    /// <summary>Whether the principal is a metrics-only token's.</summary>
    public static bool IsMetricsOnly(this ClaimsPrincipal user) => user.HasClaim(c => c.Type == MetricsOnlyClaim);

    /// <summary>Whether the principal is a signed-in user with a role Målekort knows, and not a metrics-only token.</summary>
    public static bool IsUser(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.Role() is not null && !user.IsMetricsOnly();

    /// <summary>
    /// Whom the numbers are shown to: the user's role and unit. A principal without a known role (which no endpoint but the
    /// public ones lets in) sees nothing in full.
    /// </summary>
    public static Viewer Viewer(this ClaimsPrincipal user)
    {
        if (!user.IsUser() || user.Role() is not { } role) return Confidentiality.Viewer.Directorate;
        try
        {
            return Confidentiality.Viewer.For(role, user.Unit());
        }
        catch (ArgumentException)
        {
            return Confidentiality.Viewer.Directorate;
        }
    }
}
