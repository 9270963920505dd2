using System.Text;
using static Malekort.Import.Population.PopulationFiles;

namespace Malekort.Import.Population;

public sealed class PopulationFormatsTests
{
    [Theory]
    [InlineData("ssb_07459_csv_eksport_utdrag_2024_iso-8859-1.csv", PopulationFormat.SsbCsvExport)]
    [InlineData("ssb_07459_personer_etter_alder_2024.csv", PopulationFormat.MunicipalitiesByAge)]
    [InlineData("ssb_10826_bydel_personer_etter_alder_2024.csv", PopulationFormat.DistrictsByAge)]
    [InlineData("ssb_07459_nevnere_2024.csv", PopulationFormat.MunicipalitySums)]
    [InlineData("ssb_07459_nevnere_2023_kommuneinndeling2020.csv", PopulationFormat.MunicipalitySums)]
    [InlineData("ssb_10826_bydel_nevnere_2024.csv", PopulationFormat.DistrictSums)]
    [InlineData("ssb_jsonstat2_05300_data.json", PopulationFormat.JsonStat)]
    public void Real_SSB_files_are_recognised_by_their_content(string name, PopulationFormat format)
    {
        Assert.Equal(format, PopulationFormats.Detect(Ssb(name)));
        Assert.True(PopulationFormats.Recognise(Ssb(name)));
    }

    [Theory]
    [InlineData("ssb_07459_csv_eksport_nb_to_aar_iso-8859-1.csv", PopulationFormat.SsbCsvExport)]
    [InlineData("ssb_07459_jsonstat2_kjonn_2024.json", PopulationFormat.JsonStat)]
    public void Fixtures_are_recognised_by_their_content(string name, PopulationFormat format) =>
        Assert.Equal(format, PopulationFormats.Detect(Fixture(name)));

    [Theory]
    [InlineData("kommuner_2024.csv")]
    [InlineData("bydeler_2024.csv")]
    [InlineData("ssb_pxwebapi_v2_tables_05300.json")]
    [InlineData("ssb_pxwebapi_v0_05300_metadata.json")]
    [InlineData("PROVENANCE.md")]
    public void Other_files_are_not_population_files(string name) =>
        Assert.False(PopulationFormats.Recognise(Ssb(name)));

    [Fact]
    public void Missing_file_is_not_recognised_and_reading_it_is_a_fatal_finding()
    {
        var path = Path.Combine(Path.GetTempPath(), "malekort-finnes-ikke-" + Guid.NewGuid().ToString("N") + ".csv");

        Assert.False(PopulationFormats.Recognise(path));
        var fatal = Assert.Single(Read(path).Findings);
        Assert.True(fatal.Rejects);
    }

    [Fact]
    public void Recognition_looks_only_at_the_start_of_the_file()
    {
        // A valid JSON-stat start followed by more than the head's length of text that is not JSON at all.
        var text = "{\"class\":\"dataset\",\"version\":\"2.0\",\"label\":\"" + new string('x', 3 * PopulationFormats.HeadLength);
        using var file = new TemporaryFile("stor.json", text);

        Assert.Equal(PopulationFormat.JsonStat, PopulationFormats.Detect(file.Path));
    }

    [Fact]
    public void Latin1_and_UTF8_text_both_decode_to_the_same_letters()
    {
        const string text = "\"K-1508 Ålesund\";\"18 år\";720";

        Assert.Equal(text, PopulationFormats.Decode(Encoding.Latin1.GetBytes(text)));
        Assert.Equal(text, PopulationFormats.Decode(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray()));
    }
}
