using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Malekort.Import.Population;
using Malekort.Population;
using Malekort.Units;

namespace Malekort.Import.Fuzzing;

/// <summary>The SSB population reader over seeded mutations of every format it reads: CSV export, by-age, sums, JSON-stat.</summary>
public sealed class PopulationFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void Population_reader_is_total_all_or_nothing_and_deterministic_over_mutated_files()
    {
        using var target = new FileFuzzTarget<IReadOnlyList<PopulationFigure>>("population", Seeds(),
            new SsbPopulationReader().Read, Canonical, Invariants);

        new FuzzLoop(target, output).Run(FuzzSettings.CountPerFormat);
    }

    /// <summary>
    /// The fixtures and SSB files, cut to one or two regions each: a read costs in proportion to the rows, and a mutation
    /// finds as much in 110 rows as in 38 000.
    /// </summary>
    internal static List<FuzzSeed> Seeds() =>
    [
        Csv("ssb_07459_csv_eksport_utdrag_2024_iso-8859-1.csv", Lines(Ssb("ssb_07459_csv_eksport_utdrag_2024_iso-8859-1.csv"), 4 + 106),
            ';', latin1: true),
        Csv("ssb_07459_csv_eksport_nb_to_aar_iso-8859-1.csv", Lines(Fixture("ssb_07459_csv_eksport_nb_to_aar_iso-8859-1.csv"), 4 + 106),
            ';', latin1: true),
        Csv("ssb_07459_personer_etter_alder_2024.csv", Lines(Ssb("ssb_07459_personer_etter_alder_2024.csv"), 1 + 106)),
        Csv("ssb_10826_bydel_personer_etter_alder_2024.csv",
            Region(Ssb("ssb_10826_bydel_personer_etter_alder_2024.csv"), ",030101a,")),
        Csv("ssb_07459_nevnere_2024.csv", Lines(Ssb("ssb_07459_nevnere_2024.csv"), 40)),
        Csv("ssb_07459_nevnere_2023_kommuneinndeling2020.csv", Lines(Ssb("ssb_07459_nevnere_2023_kommuneinndeling2020.csv"), 40)),
        Csv("ssb_10826_bydel_nevnere_2024.csv", Ssb("ssb_10826_bydel_nevnere_2024.csv")),
        Csv("ssb_07459_nevnere_2019_konstruert.csv", Fixture("ssb_07459_nevnere_2019_konstruert.csv")),
        Json("ssb_07459_jsonstat2_2024.json", FirstRegion(Fixture("ssb_07459_jsonstat2_2024.json"))),
        Json("ssb_07459_jsonstat2_kjonn_2024.json", FirstRegion(Fixture("ssb_07459_jsonstat2_kjonn_2024.json"))),
        Json("ssb_10826_jsonstat2_2024.json", FirstRegion(Fixture("ssb_10826_jsonstat2_2024.json"))),
        Json("ssb_jsonstat2_05300_data.json", Ssb("ssb_jsonstat2_05300_data.json")),
    ];

    internal static string Canonical(IReadOnlyList<PopulationFigure> figures) => string.Join('\n', figures);

    /// <summary>Each figure is a known unit's, once per year, with 18–24 within 18–66 within all persons.</summary>
    internal static IEnumerable<string> Invariants(IReadOnlyList<PopulationFigure> figures, FuzzCase input)
    {
        foreach (var figure in figures)
        {
            if (!UnitRegister.Default.IsKnownCaptureUnit(figure.Unit)) yield return $"figure for {figure.Unit}, not a capture unit";
            if (figure.Year is < 1900 or > 2199) yield return $"figure for year {figure.Year}";
            if (figure.Aged18To24 < 0 || figure.Aged18To24 > figure.Aged18To66 || figure.Aged18To66 > figure.Total)
                yield return $"figure {figure.Unit} {figure.Year}: 18–24 {figure.Aged18To24}, 18–66 {figure.Aged18To66}, all {figure.Total}";
            if (figure.Source.Length == 0) yield return "a figure without a source";
        }
        if (figures.Select(f => (f.Unit, f.Year)).Distinct().Count() != figures.Count) yield return "two figures for the same unit and year";
    }

    private static FuzzSeed Csv(string name, byte[] bytes, char separator = ',', bool latin1 = false) =>
        new(name, bytes, SeedShape.Csv, separator, latin1);

    private static FuzzSeed Json(string name, byte[] bytes) => new(name, bytes, SeedShape.Json);

    private static byte[] Ssb(string name) => File.ReadAllBytes(PopulationFiles.Ssb(name));

    private static byte[] Fixture(string name) => File.ReadAllBytes(PopulationFiles.Fixture(name));

    /// <summary>The first lines, byte for byte (the export is ISO-8859-1).</summary>
    private static byte[] Lines(byte[] bytes, int count) =>
        Encoding.Latin1.GetBytes(string.Join('\n', Encoding.Latin1.GetString(bytes).Split('\n').Take(count)) + "\n");

    /// <summary>The header and the rows holding <paramref name="marker"/>.</summary>
    private static byte[] Region(byte[] bytes, string marker)
    {
        var lines = Encoding.UTF8.GetString(bytes).Split('\n');
        return Encoding.UTF8.GetBytes(string.Join('\n', lines.Take(1).Concat(lines.Where(l => l.Contains(marker, StringComparison.Ordinal))))
            + "\n");
    }

    /// <summary>A JSON-stat dataset cut to the first category of its first dimension (the region), values and all.</summary>
    private static byte[] FirstRegion(byte[] bytes)
    {
        var root = JsonNode.Parse(bytes)!.AsObject();
        var first = root["id"]![0]!.GetValue<string>();
        var size = root["size"]!.AsArray();
        var per = (int)(size.Select(n => n!.GetValue<long>()).Aggregate(1L, (a, b) => a * b) / size[0]!.GetValue<long>());
        size[0] = 1;
        var category = root["dimension"]![first]!["category"]!.AsObject();
        string kept;
        if (category["index"] is JsonArray list)
        {
            kept = list[0]!.GetValue<string>();
            category["index"] = new JsonArray(kept);
        }
        else
        {
            kept = category["index"]!.AsObject().First(p => p.Value!.GetValue<int>() == 0).Key;
            category["index"] = new JsonObject { [kept] = 0 };
        }
        if (category["label"] is JsonObject labels) category["label"] = new JsonObject { [kept] = labels[kept]?.DeepClone() };
        root["value"] = root["value"] switch
        {
            JsonArray values => new JsonArray(values.Take(per).Select(v => v?.DeepClone()).ToArray()),
            JsonObject values => new JsonObject(values.Where(p => int.Parse(p.Key, CultureInfo.InvariantCulture) < per)
                .Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))),
            var other => other?.DeepClone(),
        };
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }
}
