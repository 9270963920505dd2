using Malekort.Units;

namespace Malekort.Confidentiality;

/// <summary>What a viewer is (issue 10 item 2); the names are the roles' own (<c>--role kontor|kommune|…</c>).</summary>
public enum ViewerRole
{
    /// <summary>The local operator running the product for the office: full rights, nothing suppressed.</summary>
    Operator,
    /// <summary>A NAV office (kontor): its office and the units it serves in full.</summary>
    Kontor,
    /// <summary>A municipality (kommune): the municipality (and, for Oslo, its districts) in full.</summary>
    Kommune,
    /// <summary>A county (fylke): nothing in full; aggregates with small counts suppressed.</summary>
    Fylke,
    /// <summary>The directorate (direktorat): nothing in full.</summary>
    Direktorat,
    /// <summary>An administrator: nothing in full (users, imports and publishing are not numbers about persons).</summary>
    Admin,
}

/// <summary>
/// Who looks at the numbers, and so which of them are shown in full (spec "Values, aggregation and display",
/// Confidentiality: small counts are suppressed outside the viewer's own units). Equal viewers see the same numbers.
/// </summary>
public sealed record Viewer
{
    private Viewer(ViewerRole role, UnitCode? unit)
    {
        Role = role;
        Unit = unit;
    }

    /// <summary>The viewer's role.</summary>
    public ViewerRole Role { get; }

    /// <summary>The viewer's own unit: an office for kontor, a municipality for kommune, a county (or none) for fylke; else null.</summary>
    public UnitCode? Unit { get; }

    /// <summary>The local operator: full rights, the CLI's default; never a signed-in user.</summary>
    public static Viewer Operator { get; } = new(ViewerRole.Operator, null);

    /// <summary>The directorate.</summary>
    public static Viewer Directorate { get; } = new(ViewerRole.Direktorat, null);

    /// <summary>An administrator.</summary>
    public static Viewer Admin { get; } = new(ViewerRole.Admin, null);

    /// <summary>A NAV office.</summary>
    /// <exception cref="ArgumentException">The code is not an office code.</exception>
    public static Viewer Office(UnitCode office) => For(ViewerRole.Kontor, office);

    /// <summary>A municipality.</summary>
    /// <exception cref="ArgumentException">The code is not a municipality.</exception>
    public static Viewer Municipality(UnitCode municipality) => For(ViewerRole.Kommune, municipality);

    /// <summary>A county; its code is optional, since a county sees every unit alike.</summary>
    /// <exception cref="ArgumentException">The code is not a county.</exception>
    public static Viewer County(UnitCode? county = null) => For(ViewerRole.Fylke, county);

    /// <summary>A viewer from a role and unit, as a signed-in user's claims give them.</summary>
    /// <exception cref="ArgumentException">The unit does not fit the role (kontor needs an office, kommune a municipality,
    /// fylke a county or none, the others none).</exception>
    public static Viewer For(ViewerRole role, UnitCode? unit)
    {
        var fits = role switch
        {
            ViewerRole.Kontor => unit?.Kind == UnitKind.Office,
            ViewerRole.Kommune => unit?.Kind == UnitKind.Municipality,
            ViewerRole.Fylke => unit is null || unit.Value.Kind == UnitKind.County,
            ViewerRole.Operator or ViewerRole.Direktorat or ViewerRole.Admin => unit is null,
            _ => false,
        };
        if (!fits) throw new ArgumentException($"Rollen {role} kan ikke ha enheten «{unit}».", nameof(unit));
        return role switch
        {
            ViewerRole.Operator => Operator,
            ViewerRole.Direktorat => Directorate,
            ViewerRole.Admin => Admin,
            _ => new Viewer(role, unit),
        };
    }

    /// <summary>Whether the viewer sees everything in full (the local operator).</summary>
    public bool HasFullRights => Role == ViewerRole.Operator;

    /// <summary>
    /// The municipalities and districts the viewer sees in full: kontor, those its office serves (none for an office the
    /// register does not know); kommune, the municipality and its districts; everyone else none.
    /// </summary>
    /// <remarks>Aggregates follow from these: see <see cref="ViewerScope"/>.</remarks>
    public ViewerScope Scope(UnitRegister units, OfficeRegister offices)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(offices);
        IEnumerable<UnitCode> own = Role switch
        {
            ViewerRole.Operator => [],
            ViewerRole.Kontor => offices.Find(Unit!.Value)?.Units ?? [],
            ViewerRole.Kommune => [Unit!.Value, .. units.DistrictsOf(Unit.Value).Select(d => d.Code)],
            _ => [],
        };
        return new ViewerScope(HasFullRights, own, units, offices);
    }

    /// <inheritdoc />
    public override string ToString() => Unit is { } unit ? $"{Role} {unit}" : Role.ToString();
}

/// <summary>
/// Which units a viewer sees in full: its own municipalities and districts, and every aggregate made only of them (its
/// office; Oslo when all its districts are its own; a county or the country only if every municipality in it is).
/// Every other unit and aggregate is shown with small counts suppressed.
/// </summary>
public sealed class ViewerScope
{
    private readonly UnitRegister units;
    private readonly OfficeRegister offices;

    internal ViewerScope(bool everything, IEnumerable<UnitCode> captureUnits, UnitRegister units, OfficeRegister offices)
    {
        Everything = everything;
        CaptureUnits = captureUnits.ToHashSet();
        this.units = units;
        this.offices = offices;
        // Equal scopes give equal suppression: the key is what a cache of shown results is kept by.
        Key = everything ? "*" : string.Join(",", CaptureUnits.Select(u => u.Value).Order(StringComparer.Ordinal));
    }

    /// <summary>Whether everything is seen in full (the local operator).</summary>
    public bool Everything { get; }

    /// <summary>The municipalities and districts seen in full.</summary>
    public IReadOnlySet<UnitCode> CaptureUnits { get; }

    /// <summary>Equal for scopes that see the same units in full.</summary>
    public string Key { get; }

    /// <summary>Whether the unit or aggregate is seen in full.</summary>
    public bool SeesInFull(UnitCode unit)
    {
        if (Everything) return true;
        if (CaptureUnits.Count == 0) return false;
        return unit.Kind switch
        {
            UnitKind.District => CaptureUnits.Contains(unit),
            UnitKind.Municipality => CaptureUnits.Contains(unit) || AllDistrictsOwn(unit),
            UnitKind.Office => offices.Find(unit) is { Units.Count: > 0 } office && office.Units.All(CaptureUnits.Contains),
            UnitKind.County => units.Municipalities.Where(m => m.Code.County == unit).All(m => SeesInFull(m.Code)),
            _ => units.Municipalities.All(m => SeesInFull(m.Code)),
        };
    }

    private bool AllDistrictsOwn(UnitCode municipality)
    {
        var districts = units.DistrictsOf(municipality).ToList();
        return districts.Count > 0 && districts.All(d => CaptureUnits.Contains(d.Code));
    }
}
