using System.Text;
using Malekort.DataQuality;
using Malekort.Import.Capture;
using Malekort.Import.Detection;
using Malekort.Import.Offices;
using Malekort.Import.Population;

namespace Malekort.Import.Fuzzing;

/// <summary>The inputs the fuzzer found that broke a reader, each kept as the smallest input that did.</summary>
public sealed class FuzzRegressionTests
{
    [Fact]
    public void Batch_json_with_half_a_surrogate_pair_is_a_fatal_finding_not_an_unexpected_error()
    {
        using var batch = BatchFolder.Copy(CaptureFixture.PersonIds);
        batch.Edit("batch.json", text => text.Replace("\"Testsystem 1.0\"", "\"Test\\ud800\"", StringComparison.Ordinal));

        var result = CaptureFixture.Read(batch.Path);

        var finding = CaptureFixture.SingleError(result);
        Assert.Equal((Severity.Fatal, "batch.json", 4), (finding.Severity, finding.File, finding.Line));
        Assert.Contains("\\u-escape", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Child_in_family_csv_without_the_member_birth_date_column_rejects_the_batch_instead_of_dropping_the_row()
    {
        using var batch = BatchFolder.Copy(CaptureFixture.PersonIds);
        batch.Write("family.csv", "person_id,member_id,relation\nP001,M001,BARN\nP001,M002,SAMBOER\n");

        var result = CaptureFixture.Read(batch.Path);

        var finding = CaptureFixture.SingleError(result);
        Assert.Equal(("family.csv", 2, "member_birth_date"), (finding.File, finding.Line, finding.Column));
    }

    [Theory]
    [InlineData("\"3107\": \"0\"")]
    [InlineData("\"3107\": true")]
    [InlineData("\"3107\": [0]")]
    public void Json_stat_category_position_that_is_not_a_number_is_a_fatal_finding(string position)
    {
        var result = ReadJsonStat(JsonStat(regionIndex: "{" + position + "}"));

        Assert.Contains(result.Findings, f => f is { Severity: Severity.Fatal, Column: "dimension.Region.category.index" });
        Assert.Null(result.Value);
    }

    [Fact]
    public void Json_stat_size_that_is_not_a_number_is_a_fatal_finding()
    {
        var result = ReadJsonStat(JsonStat(size: "[null, 1, 1, 1]"));

        Assert.Contains(result.Findings, f => f is { Severity: Severity.Fatal, Column: "id" });
        Assert.Null(result.Value);
    }

    [Theory]
    [InlineData(new byte[] { 0xC3, 0x28 })] // a lead byte without its continuation
    [InlineData(new byte[] { 0x5C, 0x75, 0x64, 0x38, 0x30, 0x30 })] // \ud800: half a surrogate pair
    public void Json_stat_with_text_that_is_not_text_is_a_fatal_finding(byte[] label)
    {
        var json = Encoding.UTF8.GetBytes(JsonStat()).ToList();
        var at = json.IndexOf((byte)'F'); // inside "Fredrikstad", a category label
        json.InsertRange(at, label);

        var result = ReadJsonStat([.. json]);

        var finding = Assert.Single(result.Findings, f => f.Rejects);
        Assert.Equal(Severity.Fatal, finding.Severity);
        Assert.Contains("UTF-8", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_with_a_name_that_is_not_utf8_is_not_recognised_and_does_not_throw()
    {
        using var file = new TemporaryFile("data.json", [.. "{\"cl"u8, 0xC3, .. "ass\": \"dataset\"}"u8]);

        Assert.Equal(InputFormat.Unknown, InputFormats.Recognise(file.Path));
    }

    [Fact]
    public void Ssb_csv_export_whose_header_names_a_column_twice_is_a_fatal_finding()
    {
        var text = "\"07459: Befolkning\"\n\n\"region\";\"alder\";\"Personer 2024\";\"region\"\n\"3107 Fredrikstad\";\"18 år\";100;\"x\"\n";
        using var file = new TemporaryFile("eksport.csv", text, Encoding.Latin1);

        var result = new SsbPopulationReader().Read(file.Path);

        var finding = Assert.Single(result.Findings);
        Assert.Equal((Severity.Fatal, 3), (finding.Severity, finding.Line));
        Assert.Null(result.Value);
    }

    [Fact]
    public void Office_register_whose_header_names_a_column_twice_is_a_fatal_finding()
    {
        using var file = new TemporaryFile("kontorer.csv", "office_number,office_name,units,units\n0106,NAV Fredrikstad,3107,3107\n");

        var result = new OfficeRegisterReader().Read(file.Path);

        var finding = Assert.Single(result.Findings);
        Assert.Equal((Severity.Fatal, 1), (finding.Severity, finding.Line));
        Assert.Null(result.Value);
    }

    private static ReadResult<IReadOnlyList<Malekort.Population.PopulationFigure>> ReadJsonStat(string json) =>
        ReadJsonStat(Encoding.UTF8.GetBytes(json));

    private static ReadResult<IReadOnlyList<Malekort.Population.PopulationFigure>> ReadJsonStat(byte[] json)
    {
        using var file = new TemporaryFile("07459.json", json);
        return new SsbPopulationReader().Read(file.Path);
    }

    /// <summary>A one-region, one-age JSON-stat 2.0 dataset of table 07459, with the parts a test breaks given as raw JSON.</summary>
    private static string JsonStat(string regionIndex = "{\"3107\": 0}", string size = "[1, 1, 1, 1]") => $$"""
        {
          "class": "dataset", "version": "2.0", "label": "07459: Befolkning",
          "id": ["Region", "Alder", "ContentsCode", "Tid"], "size": {{size}},
          "dimension": {
            "Region": {"category": {"index": {{regionIndex}}, "label": {"3107": "Fredrikstad"} } },
            "Alder": {"category": {"index": {"018": 0} } },
            "ContentsCode": {"category": {"index": {"Personer1": 0} } },
            "Tid": {"category": {"index": {"2024": 0} } }
          },
          "value": [100]
        }
        """;
}
