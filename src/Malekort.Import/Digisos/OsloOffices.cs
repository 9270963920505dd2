using System.Collections.Frozen;
using Malekort.Units;

namespace Malekort.Import.Digisos;

/// <summary>
/// Oslo's 15 district NAV offices by NAV enhetsnummer (NORG), and the district (bydel, SSB 2024) each serves. Oslo
/// reports per district, and <c>tildeltNavKontor.navKontor</c> is the only place a Digisos file says which one.
/// Source of the numbers: navikt/veilarbvisittkortfs, <c>src/mock/api/alleKontor.ts</c> (commit 06d5afe4), the same list
/// <c>data/offices/README.md</c> cites; the districts are SSB's (<c>bydeler_2024.csv</c>).
/// </summary>
internal static class OsloOffices
{
    public const string Oslo = "0301";

    private static readonly FrozenDictionary<string, (string District, string Name)> Districts =
        new Dictionary<string, (string, string)>(StringComparer.Ordinal)
        {
            ["0316"] = ("030101", "NAV Gamle Oslo"),
            ["0315"] = ("030102", "NAV Grünerløkka"),
            ["0314"] = ("030103", "NAV Sagene"),
            ["0313"] = ("030104", "NAV St. Hanshaugen"),
            ["0312"] = ("030105", "NAV Frogner"),
            ["0335"] = ("030106", "NAV Ullern"),
            ["0334"] = ("030107", "NAV Vestre Aker"),
            ["0331"] = ("030108", "NAV Nordre Aker"),
            ["0330"] = ("030109", "NAV Bjerke"),
            ["0328"] = ("030110", "NAV Grorud"),
            ["0327"] = ("030111", "NAV Stovner"),
            ["0326"] = ("030112", "NAV Alna"),
            ["0321"] = ("030113", "NAV Østensjø"),
            ["0318"] = ("030114", "NAV Nordstrand"),
            ["0319"] = ("030115", "NAV Søndre Nordstrand"),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> Offices =
        Districts.ToFrozenDictionary(d => d.Value.District, d => d.Key, StringComparer.Ordinal);

    /// <summary>All office numbers, for tests.</summary>
    public static IEnumerable<string> OfficeNumbers => Districts.Keys;

    /// <summary>The district an Oslo office serves, and the office's name; <c>null</c> for any other office.</summary>
    public static (UnitCode District, string OfficeName)? DistrictOf(string? office) =>
        office is not null && Districts.TryGetValue(office, out var d) ? (UnitCode.Parse(d.District), d.Name) : null;

    /// <summary>The office serving an Oslo district (its six-digit code); <c>null</c> for any other unit.</summary>
    public static string? OfficeOf(string district) => Offices.GetValueOrDefault(district);
}
