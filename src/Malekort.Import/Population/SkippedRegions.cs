using System.Globalization;
using static System.FormattableString;

namespace Malekort.Import.Population;

/// <summary>
/// Regions a population file has that are not capture units. They are reported once per kind (aggregates and
/// other cities' districts as one Info each, with codes and row count) or once per code (split or unknown
/// municipalities: Warning), never once per row. A row is a CSV line or a JSON-stat value, as the reader names it.
/// </summary>
internal sealed class SkippedRegions(string oneRow, string manyRows)
{
    private const int CodesShown = 12;

    private readonly Dictionary<RegionKind, SortedDictionary<string, Tally>> byKind = [];

    /// <summary>Notes <paramref name="rows"/> rows (or values) of a region that is not a capture unit.</summary>
    public void Note(RegionResolution region, string name, int line, string column, int rows = 1)
    {
        if (!byKind.TryGetValue(region.Kind, out var codes))
            byKind[region.Kind] = codes = new SortedDictionary<string, Tally>(StringComparer.Ordinal);
        if (codes.TryGetValue(region.Code, out var tally)) tally.Rows += rows;
        else codes[region.Code] = new Tally(region, name, line, column) { Rows = rows };
    }

    public void Report(FileFindings findings)
    {
        Summarise(findings, RegionKind.Aggregate, "som er landet, fylker eller andre samleregioner, ikke kommuner");
        Summarise(findings, RegionKind.OsloOutsideDistricts,
            "i Oslo som ikke er blant de 15 bydelene (Oslo i alt, uoppgitt bydel, Sentrum, Marka)");
        Summarise(findings, RegionKind.OtherCityDistrict, "som er bydeler utenfor Oslo; bare Oslos bydeler er enheter i Målekort");
        foreach (var tally in byKind.GetValueOrDefault(RegionKind.Split)?.Values ?? Enumerable.Empty<Tally>())
        {
            findings.Warning(tally.Line, tally.Column,
                $"Kommunenummer {Named(tally)} ble delt (til {tally.Region.SplitInto}) " +
                "og kan ikke føres over til ett kommunenummer i 2024-inndelingen; " +
                $"{Rows(tally.Rows)} er hoppet over, og de nye kommunene får ikke befolkningstall fra denne filen.");
        }
        foreach (var tally in byKind.GetValueOrDefault(RegionKind.Unknown)?.Values ?? Enumerable.Empty<Tally>())
        {
            findings.Warning(tally.Line, tally.Column,
                $"Regionkoden {Named(tally)} finnes ikke i SSBs kommune- og bydelsregister for 2024 og har ingen kjent omnummerering; " +
                $"{Rows(tally.Rows)} er hoppet over.");
        }
    }

    private void Summarise(FileFindings findings, RegionKind kind, string what)
    {
        if (!byKind.TryGetValue(kind, out var codes)) return;
        var first = codes.Values.MinBy(t => t.Line)!;
        var shown = string.Join(", ", codes.Values.Take(CodesShown).Select(Named));
        var more = codes.Count > CodesShown ? $" og {codes.Count - CodesShown} til" : "";
        var rows = codes.Values.Sum(t => t.Rows);
        findings.Info(first.Line, first.Column,
            $"Hoppet over {Regions(codes.Count)} {what}: {shown}{more} ({Rows(rows)}).");
    }

    private static string Named(Tally tally) => tally.Name.Length > 0 ? $"{tally.Region.Code} {tally.Name}" : tally.Region.Code;

    private static string Regions(int count) => count == 1 ? "1 region" : Invariant($"{count} regioner");

    private string Rows(int rows) => rows == 1 ? $"1 {oneRow}" : Invariant($"{rows} {manyRows}");

    private sealed class Tally(RegionResolution region, string name, int line, string column)
    {
        public RegionResolution Region => region;
        public string Name => name;
        public int Line => line;
        public string Column => column;
        public int Rows { get; set; }
    }
}
