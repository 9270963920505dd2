namespace Malekort.Units;

/// <summary>A NAV office and the municipalities or districts it serves.</summary>
/// <param name="Number">The NAV office number (enhetsnummer).</param>
/// <param name="Name">The office's name, e.g. "NAV Fredrikstad".</param>
/// <param name="Units">The municipalities or districts the office serves.</param>
public sealed record Office(string Number, string Name, IReadOnlyList<UnitCode> Units)
{
    /// <summary>The office's unit code, <c>NAV-</c> and its number.</summary>
    public UnitCode Code => UnitCode.Office(Number);
}

/// <summary>The NAV offices known to this installation.</summary>
public sealed class OfficeRegister
{
    private readonly Dictionary<UnitCode, Office> byUnit = [];
    private readonly Dictionary<UnitCode, Office> byCode = [];

    /// <summary>Creates a register.</summary>
    /// <exception cref="ArgumentException">An office serves a unit that is not a municipality or district, or two offices serve the same unit.</exception>
    public OfficeRegister(IEnumerable<Office> offices)
    {
        Offices = offices.OrderBy(o => o.Number, StringComparer.Ordinal).ToList();
        foreach (var office in Offices)
        {
            if (!byCode.TryAdd(office.Code, office))
                throw new ArgumentException($"Kontornummer {office.Number} står to ganger i kontorregisteret.", nameof(offices));
            foreach (var unit in office.Units)
            {
                if (!unit.IsCaptureUnit)
                    throw new ArgumentException($"{office.Name} betjener {unit}, som ikke er en kommune eller bydel.", nameof(offices));
                if (!byUnit.TryAdd(unit, office))
                    throw new ArgumentException($"{unit} betjenes både av {byUnit[unit].Name} og {office.Name}.", nameof(offices));
            }
        }
    }

    /// <summary>An empty register.</summary>
    public static OfficeRegister Empty { get; } = new([]);

    /// <summary>The offices ordered by number.</summary>
    public IReadOnlyList<Office> Offices { get; }

    /// <summary>The office serving a municipality or district, if any.</summary>
    public Office? OfficeOf(UnitCode unit) => byUnit.GetValueOrDefault(unit);

    /// <summary>The office with this code, if any.</summary>
    public Office? Find(UnitCode officeCode) => byCode.GetValueOrDefault(officeCode);

    /// <summary>
    /// A unit's name as shown to people: an office's from this register, anything else from <see cref="UnitRegister.Default"/>.
    /// The code itself when neither knows it, so a unit is never shown without a label.
    /// </summary>
    public string NameOf(UnitCode unit) =>
        unit.Kind == UnitKind.Office ? Find(unit)?.Name ?? unit.Value : UnitRegister.Default.NameOf(unit);
}
