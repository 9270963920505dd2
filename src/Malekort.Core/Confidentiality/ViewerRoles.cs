namespace Malekort.Confidentiality;

/// <summary>The roles as written in configuration, the command line and claims: <c>kontor</c>, <c>kommune</c>, …</summary>
public static class ViewerRoles
{
    /// <summary>The roles a user can be given (every role but <see cref="ViewerRole.Operator"/>).</summary>
    public static IReadOnlyList<ViewerRole> Assignable { get; } =
        [ViewerRole.Kontor, ViewerRole.Kommune, ViewerRole.Fylke, ViewerRole.Direktorat, ViewerRole.Admin];

    /// <summary>The role's name as written: lower case Norwegian.</summary>
    public static string Name(this ViewerRole role) => role switch
    {
        ViewerRole.Operator => "operatør",
        ViewerRole.Kontor => "kontor",
        ViewerRole.Kommune => "kommune",
        ViewerRole.Fylke => "fylke",
        ViewerRole.Direktorat => "direktorat",
        ViewerRole.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    /// <summary>An assignable role by its written name, case-insensitively.</summary>
    public static bool TryParse(string? text, out ViewerRole role)
    {
        foreach (var candidate in Assignable)
        {
            if (string.Equals(candidate.Name(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                role = candidate;
                return true;
            }
        }
        role = default;
        return false;
    }

    /// <summary>
    /// Which kind of unit a user of the role belongs to: an office, a municipality, a county; null for the roles without one.
    /// </summary>
    public static Units.UnitKind? UnitKindOf(this ViewerRole role) => role switch
    {
        ViewerRole.Kontor => Units.UnitKind.Office,
        ViewerRole.Kommune => Units.UnitKind.Municipality,
        ViewerRole.Fylke => Units.UnitKind.County,
        _ => null,
    };

    /// <summary>
    /// Why <paramref name="unit"/> cannot be the unit of a user with <paramref name="role"/>, in Norwegian; null when it can.
    /// Kontor needs an office (<c>NAV-nnnn</c>), kommune a municipality, fylke a county; the others have none.
    /// </summary>
    public static string? UnitProblem(this ViewerRole role, Units.UnitCode? unit) => (role.UnitKindOf(), unit) switch
    {
        (null, null) => null,
        (null, { } u) => $"Rollen {role.Name()} har ingen enhet, men fikk {u}.",
        ({ } kind, null) => $"Rollen {role.Name()} må ha en enhet: {KindText(kind)}.",
        ({ } kind, { } u) when u.Kind != kind => $"Rollen {role.Name()} må ha {KindText(kind)}, ikke {u}.",
        _ => null,
    };

    private static string KindText(Units.UnitKind kind) => kind switch
    {
        Units.UnitKind.Office => "et NAV-kontor (NAV-nnnn)",
        Units.UnitKind.Municipality => "et kommunenummer (fire siffer)",
        _ => "et fylkesnummer (to siffer)",
    };
}
