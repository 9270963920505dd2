namespace Malekort.Units;

/// <summary>
/// Checks a unit code someone typed (a CLI option, an API parameter) against the registers: SSB's municipalities, Oslo's
/// districts, the counties, the country and the installation's NAV offices. An unknown code is an error that names the
/// nearest known ones, so a typo is caught before it stores a threshold for a place that does not exist.
/// </summary>
public sealed class UnitLookup(UnitRegister units, OfficeRegister offices)
{
    private const int Suggestions = 3;

    /// <summary>The code, if it names a known unit of one of the kinds allowed; else a Norwegian error naming the nearest.</summary>
    public bool TryFind(string? text, IReadOnlyCollection<UnitKind> allowed, out UnitCode code, out string error)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        error = "";
        var typed = text?.Trim() ?? "";
        if (UnitCode.TryParse(typed, out code) && Name(code) is not null)
        {
            if (allowed.Contains(code.Kind)) return true;
            error = $"{code} er {KindName(code.Kind)}, men her må det være {KindList(allowed)}.";
            return false;
        }
        if (units.Renumbered.TryGetValue(typed, out var renumbered) && UnitCode.TryParse(renumbered, out var current)
            && allowed.Contains(current.Kind))
        {
            error = $"«{typed}» er et eldre kommunenummer; bruk {current} {Name(current)} (2024-nummereringen).";
            return false;
        }
        var nearest = NearestKnown(typed, allowed);
        var what = allowed.Count == AnyKind.Count ? "en kjent enhet" : $"{KindList(allowed)} i registeret";
        error = $"«{typed}» er ikke {what}."
            + (nearest.Count > 0 ? $" Nærmeste kjente: {string.Join(", ", nearest)}." : "");
        return false;
    }

    /// <summary>The known units (code and name) nearest to what was typed, at most three; none when nothing is near.</summary>
    public IReadOnlyList<string> NearestKnown(string typed, IReadOnlyCollection<UnitKind> allowed) => Nearest(typed.Trim(), Known(allowed));

    /// <summary>Every kind of unit.</summary>
    public static IReadOnlyCollection<UnitKind> AnyKind { get; } = Enum.GetValues<UnitKind>();

    /// <summary>Where data is captured and thresholds are set: municipalities, districts and offices.</summary>
    public static IReadOnlyCollection<UnitKind> UnitsAndOffices { get; } = [UnitKind.Municipality, UnitKind.District, UnitKind.Office];

    /// <summary>NAV offices only.</summary>
    public static IReadOnlyCollection<UnitKind> OfficesOnly { get; } = [UnitKind.Office];

    private string? Name(UnitCode code) => code.Kind == UnitKind.Office ? offices.Find(code)?.Name : units.Find(code)?.Name;

    private IEnumerable<(string Code, string Name)> Known(IReadOnlyCollection<UnitKind> allowed)
    {
        if (allowed.Contains(UnitKind.Municipality)) foreach (var u in units.Municipalities) yield return (u.Code.Value, u.Name);
        if (allowed.Contains(UnitKind.District)) foreach (var u in units.Districts) yield return (u.Code.Value, u.Name);
        if (allowed.Contains(UnitKind.County)) foreach (var u in units.Counties) yield return (u.Code.Value, u.Name);
        if (allowed.Contains(UnitKind.Country)) yield return (UnitCode.Country.Value, "Hele landet");
        if (allowed.Contains(UnitKind.Office)) foreach (var o in offices.Offices) yield return (o.Code.Value, o.Name);
    }

    /// <summary>
    /// The known codes closest to what was typed: a name that contains the text first, then by edit distance of the code
    /// (a swapped pair of digits is one edit), the same digits in another order, then by how near the number is.
    /// </summary>
    private static List<string> Nearest(string typed, IEnumerable<(string Code, string Name)> known)
    {
        if (typed.Length == 0) return [];
        var number = long.TryParse(Digits(typed), out var n) ? n : (long?)null;
        return known
            .Select(k => (k.Code, k.Name,
                ByName: k.Name.Contains(typed, StringComparison.CurrentCultureIgnoreCase) ? 0 : 1,
                Distance: CodeDistance.Between(typed, k.Code),
                // The same characters in another order (3170 for 3107) is the likeliest slip.
                Shuffled: string.Concat(typed.ToUpperInvariant().Order()) == string.Concat(k.Code.ToUpperInvariant().Order()) ? 0 : 1,
                Gap: number is { } t && long.TryParse(Digits(k.Code), out var c) ? Math.Abs(c - t) : long.MaxValue))
            .Where(k => k.ByName == 0 || k.Distance <= Math.Max(2, typed.Length / 2))
            .OrderBy(k => k.ByName).ThenBy(k => k.Distance).ThenBy(k => k.Shuffled).ThenBy(k => k.Gap).ThenBy(k => k.Code, StringComparer.Ordinal)
            .Take(Suggestions)
            .Select(k => $"{k.Code} {k.Name}")
            .ToList();
    }

    private static string Digits(string text) => new([.. text.Where(char.IsAsciiDigit)]);

    private static string KindName(UnitKind kind) => kind switch
    {
        UnitKind.Municipality => "en kommune",
        UnitKind.District => "en bydel",
        UnitKind.County => "et fylke",
        UnitKind.Country => "hele landet",
        _ => "et NAV-kontor",
    };

    private static string KindList(IReadOnlyCollection<UnitKind> allowed)
    {
        var names = Enum.GetValues<UnitKind>().Where(allowed.Contains).Select(KindName).ToList();
        return names.Count == 1 ? names[0] : string.Join(", ", names[..^1]) + " eller " + names[^1];
    }
}
