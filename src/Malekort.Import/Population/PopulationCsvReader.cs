using System.Globalization;
using Malekort.Population;
using nietras.SeparatedValues;
using static System.FormattableString;

namespace Malekort.Import.Population;

/// <summary>
/// The comma-separated files reshaped from SSB's exports (UTF-8): by single age
/// (<c>aar,region_kode,region_navn,alder,personer</c>; table 10826 adds <c>ssb_region_kode,bydel_kode</c>)
/// or with the sums already made (<c>personer_18_66,personer_18_24,personer_alle</c>).
/// In the by-age files age 105 is SSB's top class "105 years or older".
/// </summary>
internal static class PopulationCsvReader
{
    public static IReadOnlyList<PopulationFigure> Read(string text, PopulationFormat format, FileFindings findings)
    {
        var districts = format is PopulationFormat.DistrictsByAge or PopulationFormat.DistrictSums;
        var byAge = format is PopulationFormat.MunicipalitiesByAge or PopulationFormat.DistrictsByAge;
        var regionColumn = districts ? "ssb_region_kode" : "region_kode";

        using var reader = Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true }).FromText(text);
        var expected = reader.Header.ColNames.Count;
        var accumulator = new PopulationAccumulator(findings);
        var skipped = new SkippedRegions("rad", "rader");
        var regions = new Dictionary<string, RegionResolution>(StringComparer.Ordinal);
        foreach (var row in reader)
        {
            var line = row.LineNumberFrom;
            if (row.ColCount == 1 && row[0].Span.Trim().Length == 0) continue;
            if (row.ColCount != expected)
            {
                findings.Error(line, "", Invariant($"Linjen har {row.ColCount} kolonner, overskriften {expected}."));
                continue;
            }
            var code = row[regionColumn].ToString().Trim();
            var name = row["region_navn"].ToString().Trim();
            if (!regions.TryGetValue(code, out var region)) regions[code] = region = RegionResolver.Default.Resolve(code);
            if (region.Kind != RegionKind.Unit)
            {
                skipped.Note(region, name, line, regionColumn);
                continue;
            }
            if (districts)
            {
                var district = row["bydel_kode"].ToString().Trim();
                if (district != region.Unit.Value)
                {
                    findings.Error(line, "bydel_kode",
                        $"bydel_kode {district} stemmer ikke med ssb_region_kode {code} (bydel {region.Unit}).");
                    continue;
                }
            }
            var yearText = row["aar"].ToString();
            if (!PopulationAccumulator.TryYear(yearText, out var year))
            {
                findings.Error(line, "aar", $"'{yearText}' er ikke et årstall (fire sifre).");
                continue;
            }
            if (byAge) AddAge(row, line, region, name, year, accumulator, findings);
            else AddSums(row, line, region, name, year, accumulator, findings);
        }
        skipped.Report(findings);
        var table = districts ? "10826" : "07459";
        var kind = byAge ? "etter alder" : "summer";
        return accumulator.Finish($"SSB {table} ({kind}, {findings.File})");
    }

    private static void AddAge(SepReader.Row row, int line, RegionResolution region, string name, int year,
        PopulationAccumulator accumulator, FileFindings findings)
    {
        var ageText = row["alder"].ToString().Trim();
        var age = SsbAge.FromByAgeColumn(ageText);
        if (!age.Counts)
        {
            findings.Error(line, "alder", $"'{ageText}' er ikke en alder (heltall 0–105, der 105 er «105 år eller eldre»).");
            return;
        }
        var count = SsbCount.Parse(row["personer"].Span);
        if (count.State == CountState.Invalid)
        {
            findings.Error(line, "personer", $"{region.Code} {name}, alder {ageText}: {count.Problem}.");
            return;
        }
        accumulator.AddAge(region, name, year, age, ageText, count, line, "personer");
    }

    private static void AddSums(SepReader.Row row, int line, RegionResolution region, string name, int year,
        PopulationAccumulator accumulator, FileFindings findings)
    {
        var counts = new SsbCount[3];
        string[] columns = ["personer_18_66", "personer_18_24", "personer_alle"];
        var valid = true;
        for (var i = 0; i < columns.Length; i++)
        {
            counts[i] = SsbCount.Parse(row[columns[i]].Span);
            if (counts[i].State != CountState.Invalid) continue;
            findings.Error(line, columns[i], $"{region.Code} {name}: {counts[i].Problem}.");
            valid = false;
        }
        if (valid) accumulator.AddSums(region, name, year, counts[0], counts[1], counts[2], line);
    }
}
