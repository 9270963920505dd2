using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Malekort.DataQuality;
using static Malekort.Import.Population.PopulationFiles;

namespace Malekort.Import.Population;

public sealed class JsonStatTests
{
    [Fact]
    public void JsonStat_07459_gives_Fredrikstad_Moss_and_Rade_and_skips_the_county()
    {
        var result = Read(Fixture("ssb_07459_jsonstat2_2024.json"));

        var figures = Accepted(result);
        AssertFigure(Figure(figures, "3107", 2024), 53398, 7000, 85230);
        AssertFigure(Figure(figures, "3103", 2024), 32411, 3966, 52051);
        AssertFigure(Figure(figures, "3112", 2024), 4797, 620, 7883);
        Assert.Equal(3, figures.Count);
        Assert.Equal("SSB 07459 (JSON-stat, ssb_07459_jsonstat2_2024.json)", figures[0].Source);
        var county = Assert.Single(result.Findings);
        Assert.Equal((Severity.Info, 0, "Region=31"), (county.Severity, county.Line, county.Column));
        Assert.Contains("Hoppet over 1 region som er landet, fylker eller andre samleregioner, ikke kommuner: 31 Østfold (106 verdier)",
            county.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonStat_with_a_sex_dimension_adds_men_and_women()
    {
        var result = Read(Fixture("ssb_07459_jsonstat2_kjonn_2024.json"));

        var figures = Accepted(result);
        AssertFigure(Figure(figures, "3101", 2024), 19692, 2560, 31935);
        AssertFigure(Figure(figures, "1151", 2024), 136, 17, 215);
        var summed = Assert.Single(result.Findings);
        Assert.Equal("dimension.Kjonn", summed.Column);
        Assert.Contains("1 Menn, 2 Kvinner", summed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonStat_10826_gives_Gamle_Oslo_and_Alna_and_skips_Oslo_total_and_Bergen()
    {
        var result = Read(Fixture("ssb_10826_jsonstat2_2024.json"));

        var figures = Accepted(result);
        AssertFigure(Figure(figures, "030101", 2024), 49465, 4498, 63712);
        AssertFigure(Figure(figures, "030112", 2024), 33235, 3862, 50378);
        Assert.Equal(2, figures.Count);
        Assert.StartsWith("SSB 10826 (JSON-stat", figures[0].Source, StringComparison.Ordinal);
        Assert.Equal(2, result.Findings.Count);
        Assert.Contains(result.Findings, f => f.Message.Contains("030100aa Oslo i alt", StringComparison.Ordinal));
        Assert.Contains(result.Findings, f => f.Message.Contains("460102 Bergenhus", StringComparison.Ordinal));
    }

    [Fact]
    public void Real_JsonStat_05300_is_parsed_generically()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Ssb("ssb_jsonstat2_05300_data.json")));
        var findings = new FileFindings("ssb_jsonstat2_05300_data.json");

        var dataset = JsonStatDataset.Parse(document.RootElement, findings);

        Assert.NotNull(dataset);
        Assert.Empty(findings.Items);
        Assert.Equal("05300", dataset.TableId);
        Assert.Equal(["Avstand1", "Kulturtilbud", "ContentsCode", "Tid"], dataset.Dimensions.Select(d => d.Id));
        Assert.Equal([6, 8, 1, 9], dataset.Dimensions.Select(d => d.Codes.Count));
        Assert.Equal(432, dataset.Values.Count);
        // The last dimension (Tid) varies fastest: the second value is 1994's.
        Assert.Equal(14m, dataset.Values[dataset.Flat([0, 0, 0, 1])]);
        Assert.Equal("1994", dataset.Dimensions[3].Codes[1]);
        // 28 values are null, each with a status symbol (. or ..) in "status" as an object.
        Assert.Equal(28, dataset.Values.Count(v => v is null));
        Assert.All(Enumerable.Range(0, 432).Where(i => dataset.Values[i] is null), i => Assert.Contains(dataset.Status[i], new[] { ".",
            ".." }));
        Assert.Equal(["time", "metric"], dataset.Roles.Keys);
    }

    [Fact]
    public void Real_JsonStat_05300_is_rejected_as_not_a_population_table()
    {
        var result = Read(Ssb("ssb_jsonstat2_05300_data.json"));

        Assert.False(result.Accepted);
        Assert.Null(result.Value);
        var fatal = Assert.Single(result.Findings);
        Assert.Equal(Severity.Fatal, fatal.Severity);
        Assert.Contains("Tabell 05300", fatal.Message, StringComparison.Ordinal);
        Assert.Contains("ikke en befolkningstabell", fatal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Total_category_of_the_sex_dimension_is_never_added()
    {
        var fredrikstad = FredrikstadByAge();
        var json = Dataset(["0", "1", "2"], (sex, age) => sex switch
        {
            "0" => fredrikstad[age],
            "1" => fredrikstad[age] / 2,
            _ => fredrikstad[age] - fredrikstad[age] / 2,
        });
        using var file = new TemporaryFile("07459.json", json);

        var result = Read(file.Path);

        AssertFigure(Figure(Accepted(result), "3107", 2024), 53398, 7000, 85230);
        var summed = Assert.Single(result.Findings);
        Assert.Contains("0 Begge kjønn er en sum av de andre og hoppes over", summed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_for_an_adult_age_is_a_warning_naming_region_year_and_age_and_gives_no_figure()
    {
        var fredrikstad = FredrikstadByAge();
        var json = Dataset(["1", "2"], (sex, age) => sex == "2" && age == 30 ? null : fredrikstad[age] / 2, statusAt30: "..");
        using var file = new TemporaryFile("07459.json", json);

        var result = Read(file.Path);

        Assert.Empty(Accepted(result));
        var warning = Assert.Single(Findings(result, Severity.Warning));
        Assert.Equal((0, "Region=3107, Alder=030, Tid=2024"), (warning.Line, warning.Column));
        Assert.Contains("3107 Fredrikstad per 1.1.2024 mangler for alder 30 (verdi ..)", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Age_range_category_is_reported_and_never_added_to_single_ages()
    {
        var fredrikstad = FredrikstadByAge();
        var json = Dataset(["1"], (_, age) => fredrikstad[age], extraAge: ("018-066", "18-66 år", 53398));
        using var file = new TemporaryFile("07459.json", json);

        var result = Read(file.Path);

        AssertFigure(Figure(Accepted(result), "3107", 2024), 53398, 7000, 85230);
        var warning = Assert.Single(Findings(result, Severity.Warning));
        Assert.Contains("«018-066 18-66 år» er en gruppe av flere aldre", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-5, "negativt antall -5")]
    [InlineData(12.5, "12.5 er ikke et helt antall")]
    public void Negative_or_fractional_value_is_an_error_naming_the_cell(double value, string why)
    {
        var fredrikstad = FredrikstadByAge();
        var json = Dataset(["1"], (_, age) => age == 40 ? (decimal)value : fredrikstad[age]);
        using var file = new TemporaryFile("07459.json", json);

        var result = Read(file.Path);

        Assert.False(result.Accepted);
        var error = Assert.Single(result.Findings, f => f.Rejects);
        Assert.Equal("Region=3107, Kjonn=1, Alder=040, ContentsCode=Personer1, Tid=2024", error.Column);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"class\": \"dataset\", \"version\": \"2.0\", \"id\": [", "ikke gyldig JSON")]
    [InlineData("{\"class\": \"dataset\", \"version\": \"2.0\", \"label\": \"07459: Befolkning\"}",
        "mangler \"id\", \"size\" eller \"dimension\"")]
    [InlineData("{\"class\": \"collection\", \"version\": \"2.0\", \"link\": {}}", "«collection», ikke «dataset»")]
    [InlineData("{\"version\": \"2.0\", \"id\": [\"Tid\"], \"size\": [1], \"dimension\": {}}", "mangler \"class\": \"dataset\"")]
    public void Malformed_JsonStat_is_a_fatal_finding_not_an_exception(string json, string why)
    {
        using var file = new TemporaryFile("data.json", json);

        var result = Read(file.Path);

        var fatal = Assert.Single(result.Findings);
        Assert.Equal(Severity.Fatal, fatal.Severity);
        Assert.Contains(why, fatal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Value_count_that_does_not_match_the_sizes_is_fatal()
    {
        var json = JsonNode.Parse(Dataset(["1"], (_, _) => 1))!;
        json["value"]!.AsArray().RemoveAt(0);
        using var file = new TemporaryFile("07459.json", json.ToJsonString());

        var result = Read(file.Path);

        var fatal = Assert.Single(result.Findings);
        Assert.Equal((Severity.Fatal, "value"), (fatal.Severity, fatal.Column));
    }

    [Theory]
    [InlineData("0", "Begge kjønn", true)]
    [InlineData("999", "", true)]
    [InlineData("T", "", true)]
    [InlineData("x", "I alt", true)]
    [InlineData("1", "Menn", false)]
    [InlineData("2", "Kvinner", false)]
    public void Total_categories_are_recognised_by_code_or_label(string code, string label, bool total) =>
        Assert.Equal(total, JsonStatPopulationReader.IsTotalCategory(code, label));

    /// <summary>Fredrikstad's real population by single age 0–105 (1.1.2024).</summary>
    private static long[] FredrikstadByAge() =>
        File.ReadLines(Ssb("ssb_07459_personer_etter_alder_2024.csv"))
            .Where(l => l.StartsWith("2024,3107,", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(',')[4], CultureInfo.InvariantCulture))
            .ToArray();

    /// <summary>
    /// A JSON-stat 2.0 dataset of table 07459 for 3107 Fredrikstad in 2024 with dimensions Region, Kjonn, Alder,
    /// ContentsCode, Tid; <paramref name="value"/> gives each sex and age, null for a missing value.
    /// </summary>
    private static string Dataset(string[] sexes, Func<string, int, decimal?> value, string? statusAt30 = null,
        (string Code, string Label, decimal Value)? extraAge = null)
    {
        var ages = Enumerable.Range(0, 105).Select(a => a.ToString("000", CultureInfo.InvariantCulture)).Append("105+").ToList();
        if (extraAge is { } extra) ages.Add(extra.Code);
        var sexLabels = new Dictionary<string, string> { ["0"] = "Begge kjønn", ["1"] = "Menn", ["2"] = "Kvinner" };
        var values = new JsonArray();
        var status = new JsonObject();
        foreach (var sex in sexes)
        {
            for (var a = 0; a < ages.Count; a++)
            {
                var v = a < 106 ? value(sex, a) : extraAge!.Value.Value;
                if (v is null && statusAt30 is not null) status[values.Count.ToString(CultureInfo.InvariantCulture)] = statusAt30;
                values.Add(v is { } number ? JsonValue.Create(number) : null);
            }
        }
        var json = new JsonObject
        {
            ["class"] = "dataset",
            ["version"] = "2.0",
            ["label"] = "07459: Befolkning, etter region, kjønn, alder, statistikkvariabel og år",
            ["id"] = new JsonArray("Region", "Kjonn", "Alder", "ContentsCode", "Tid"),
            ["size"] = new JsonArray(1, sexes.Length, ages.Count, 1, 1),
            ["dimension"] = new JsonObject
            {
                ["Region"] = Dimension(["3107"], c => "Fredrikstad"),
                ["Kjonn"] = Dimension(sexes, c => sexLabels[c]),
                ["Alder"] = Dimension(ages, c => c == extraAge?.Code ? extraAge.Value.Label : c + " år"),
                ["ContentsCode"] = Dimension(["Personer1"], _ => "Personer"),
                ["Tid"] = Dimension(["2024"], c => c),
            },
            ["value"] = values,
            ["status"] = status,
            ["role"] = new JsonObject { ["time"] = new JsonArray("Tid"), ["metric"] = new JsonArray("ContentsCode") },
        };
        return json.ToJsonString();
    }

    private static JsonObject Dimension(IReadOnlyList<string> codes, Func<string, string> label)
    {
        var index = new JsonObject();
        var labels = new JsonObject();
        for (var i = 0; i < codes.Count; i++)
        {
            index[codes[i]] = i;
            labels[codes[i]] = label(codes[i]);
        }
        return new JsonObject { ["label"] = "", ["category"] = new JsonObject { ["index"] = index, ["label"] = labels } };
    }
}
