using System.Collections.Frozen;
using System.Reflection;

namespace Malekort.Units;

/// <summary>A named place in the register.</summary>
/// <param name="Code">Its code.</param>
/// <param name="Name">Its Norwegian name.</param>
public sealed record Unit(UnitCode Code, string Name);

/// <summary>
/// Municipalities (2024 numbering), Oslo districts and counties, from SSB's register
/// (Kilde: Statistisk sentralbyrå (SSB)), shipped with the product.
/// </summary>
public sealed class UnitRegister
{
    private readonly FrozenDictionary<UnitCode, Unit> byCode;

    private UnitRegister(IReadOnlyList<Unit> counties, IReadOnlyList<Unit> municipalities, IReadOnlyList<Unit> districts,
        IReadOnlyDictionary<string, string> renumbered)
    {
        Counties = counties;
        Municipalities = municipalities;
        Districts = districts;
        byCode = counties.Concat(municipalities).Concat(districts).Append(new Unit(UnitCode.Country, "Hele landet"))
            .ToFrozenDictionary(u => u.Code);
        Renumbered = renumbered;
    }

    /// <summary>The register valid from 1 January 2024.</summary>
    public static UnitRegister Default { get; } = Load();

    /// <summary>The 15 counties.</summary>
    public IReadOnlyList<Unit> Counties { get; }

    /// <summary>The 357 municipalities.</summary>
    public IReadOnlyList<Unit> Municipalities { get; }

    /// <summary>Oslo's 15 districts (bydeler), the only districts data is captured for.</summary>
    public IReadOnlyList<Unit> Districts { get; }

    /// <summary>Older municipality numbers (2020–2023 and before) that map to one 2024 number; split municipalities are absent.</summary>
    public IReadOnlyDictionary<string, string> Renumbered { get; }

    /// <summary>Whether the code is a capture unit in the register.</summary>
    public bool IsKnownCaptureUnit(UnitCode code) => code.IsCaptureUnit && byCode.ContainsKey(code);

    /// <summary>The unit with this code, if the register has it.</summary>
    public Unit? Find(UnitCode code) => byCode.GetValueOrDefault(code);

    /// <summary>The unit's name, or its code when the register does not have it.</summary>
    public string NameOf(UnitCode code) => byCode.TryGetValue(code, out var unit) ? unit.Name : code.Value;

    /// <summary>The districts of a municipality (only Oslo has any).</summary>
    public IEnumerable<Unit> DistrictsOf(UnitCode municipality) =>
        Districts.Where(d => d.Code.Value.StartsWith(municipality.Value, StringComparison.Ordinal));

    private static UnitRegister Load()
    {
        var counties = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var municipalities = new List<Unit>();
        foreach (var row in ReadResource("kommuner_2024.csv"))
        {
            // kommunenummer,kommunenavn,fylkesnummer,fylkesnavn
            municipalities.Add(new Unit(UnitCode.Parse(row[0]), row[1]));
            counties[row[2]] = row[3];
        }
        var districts = ReadResource("bydeler_2024.csv")
            // bydel_kode,ssb_10826_kode,bydelsnavn,kommunenummer,type
            .Where(row => row[3] == "0301" && row[4] == "bydel")
            .Select(row => new Unit(UnitCode.Parse(row[0]), row[2]))
            .ToList();
        var renumbered = new Dictionary<string, string>(StringComparer.Ordinal);
        var split = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in ReadResource("kommuneendringer_2020_og_2024.csv"))
        {
            // reform_aar,gammel_kode,gammelt_navn,gammelt_fylke,ny_kode,kode_2024,delt
            // A 2024 code like "1508|1580" means the municipality was later split: no single successor.
            var (old, intermediate, current) = (row[1], row[4], row[5]);
            var isSplit = row[6] == "ja" || current.Contains('|', StringComparison.Ordinal);
            foreach (var code in new[] { old, intermediate })
            {
                if (code == current) continue;
                if (isSplit) split.Add(code);
                else renumbered[code] = current;
            }
        }
        foreach (var code in split) renumbered.Remove(code);
        return new UnitRegister(
            counties.Select(c => new Unit(UnitCode.Parse(c.Key), c.Value)).ToList(),
            municipalities.OrderBy(m => m.Code.Value, StringComparer.Ordinal).ToList(),
            districts,
            renumbered);
    }

    private static IEnumerable<string[]> ReadResource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Malekort.Units." + name)
            ?? throw new InvalidOperationException($"Registeret {name} mangler i programmet.");
        using var reader = new StreamReader(stream);
        reader.ReadLine(); // header
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0) yield return line.Split(',');
        }
    }
}
