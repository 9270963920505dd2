using System.Text.RegularExpressions;
using Malekort.Units;

namespace Malekort.Import.Population;

/// <summary>What a region of an SSB population table is to Målekort.</summary>
internal enum RegionKind
{
    /// <summary>A municipality (2024 numbering) or one of Oslo's 15 districts: a capture unit.</summary>
    Unit,
    /// <summary>
    /// The country, a county or another aggregate: <c>0</c>, <c>F-31</c>, <c>31</c>, <c>EAK</c>, <c>21-22</c>, <c>Rest</c>.
    /// </summary>
    Aggregate,
    /// <summary>A district of Bergen, Stavanger or Trondheim: not a capture unit.</summary>
    OtherCityDistrict,
    /// <summary>Oslo's total, its unknown district, Sentrum or Marka: not among the 15 districts.</summary>
    OsloOutsideDistricts,
    /// <summary>A municipality number that was split: its people cannot be moved to one 2024 number.</summary>
    Split,
    /// <summary>A municipality or district number that is in no register.</summary>
    Unknown,
}

/// <summary>A region resolved: its kind and, for a capture unit, the unit and any older number it came from.</summary>
/// <param name="Kind">What the region is.</param>
/// <param name="Code">The code as the file wrote it, e.g. <c>K-3004</c>.</param>
/// <param name="Unit">The capture unit, when <paramref name="Kind"/> is <see cref="RegionKind.Unit"/>.</param>
/// <param name="RenumberedFrom">The older municipality number mapped to <paramref name="Unit"/>; empty when the code is current.</param>
/// <param name="SplitInto">For a split municipality: the numbers it became.</param>
internal sealed record RegionResolution(RegionKind Kind, string Code, UnitCode Unit, string RenumberedFrom, string SplitInto);

/// <summary>
/// Turns the region codes of SSB tables 07459 and 10826 into capture units: municipality numbers before 2024
/// through <see cref="UnitRegister.Renumbered"/>, table 10826's district codes (<c>030101a</c>) through the
/// district list <c>bydeler_2024.csv</c> (column <c>ssb_10826_kode</c>), the same SSB register Core ships.
/// </summary>
internal sealed partial class RegionResolver
{
    private const string Oslo = "0301";

    private readonly UnitRegister register;
    private readonly Dictionary<string, (string District, string Municipality, bool IsDistrict)> districts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedSet<string>> splitInto = new(StringComparer.Ordinal);

    private RegionResolver(UnitRegister register)
    {
        this.register = register;
        foreach (var row in ReadRegisterResource("bydeler_2024.csv"))
        {
            // bydel_kode,ssb_10826_kode,bydelsnavn,kommunenummer,type
            var entry = (row[0], row[3], row[4] == "bydel");
            districts[row[0]] = entry;
            districts[row[1]] = entry;
        }
        foreach (var row in ReadRegisterResource("kommuneendringer_2020_og_2024.csv"))
        {
            // reform_aar,gammel_kode,gammelt_navn,gammelt_fylke,ny_kode,kode_2024,delt
            // Split in that reform ("ja"), or merged first and split later (a 2024 code like "1508|1580").
            if (row[6] != "ja" && !row[5].Contains('|', StringComparison.Ordinal)) continue;
            if (!splitInto.TryGetValue(row[1], out var into)) splitInto[row[1]] = into = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var code in row[5].Split('|')) into.Add(code);
        }
    }

    /// <summary>The resolver over the 2024 register.</summary>
    public static RegionResolver Default { get; } = new(UnitRegister.Default);

    /// <summary>Splits a CSV export's region label, <c>K-3101 Halden</c> or <c>030101a Gamle Oslo</c>, into code and name.</summary>
    public static (string Code, string Name) SplitLabel(string label)
    {
        var text = label.Trim();
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (text, "") : (text[..space], text[(space + 1)..].Trim());
    }

    /// <summary>Resolves a region code as written in an SSB file.</summary>
    public RegionResolution Resolve(string code)
    {
        var text = code.Trim();
        var number = text.StartsWith("K-", StringComparison.Ordinal) ? text[2..] : text;
        if (number.Length == 4 && number.All(char.IsAsciiDigit))
            return ResolveMunicipality(text, number);
        if (districts.TryGetValue(number, out var district))
        {
            if (district.Municipality != Oslo)
                return new RegionResolution(RegionKind.OtherCityDistrict, text, default, "", "");
            if (!district.IsDistrict || !UnitCode.TryParse(district.District, out var unit) || !register.IsKnownCaptureUnit(unit))
                return new RegionResolution(RegionKind.OsloOutsideDistricts, text, default, "", "");
            return new RegionResolution(RegionKind.Unit, text, unit, "", "");
        }
        if (DistrictLike().IsMatch(number))
            return new RegionResolution(RegionKind.Unknown, text, default, "", "");
        return new RegionResolution(RegionKind.Aggregate, text, default, "", "");
    }

    private RegionResolution ResolveMunicipality(string text, string number)
    {
        var code = UnitCode.Parse(number);
        if (register.IsKnownCaptureUnit(code))
            return new RegionResolution(RegionKind.Unit, text, code, "", "");
        if (register.Renumbered.TryGetValue(number, out var current))
        {
            // A number whose successor was split later maps to several codes ("1508|1580"): that is a split too.
            return UnitCode.TryParse(current, out var mapped) && register.IsKnownCaptureUnit(mapped)
                ? new RegionResolution(RegionKind.Unit, text, mapped, number, "")
                : new RegionResolution(RegionKind.Split, text, default, "", string.Join(", ", current.Split('|')));
        }
        if (splitInto.TryGetValue(number, out var into))
            return new RegionResolution(RegionKind.Split, text, default, "", string.Join(", ", into));
        return new RegionResolution(RegionKind.Unknown, text, default, "", "");
    }

    private static IEnumerable<string[]> ReadRegisterResource(string name)
    {
        // Core embeds SSB's register files; reading them from there keeps one copy of the register in the product.
        using var stream = typeof(UnitRegister).Assembly.GetManifestResourceStream("Malekort.Units." + name)
            ?? throw new InvalidOperationException($"Registeret {name} mangler i programmet.");
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0) yield return line.Split(',');
        }
    }

    [GeneratedRegex(@"^\d{6}[a-z]{0,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex DistrictLike();
}
