using System.Globalization;
using System.Net;
using System.Text.Json;
using Malekort.Indicators;
using Malekort.Testing.Exports;

namespace Malekort.Web.Exports;

/// <summary>
/// The tables as files: the xlsx (read from its XML) and the JSON-stat (read by its dimensions) hold exactly the cells of the
/// CSV, with no value empty or null and never 0.
/// </summary>
public sealed class ExportTests(ScorecardServer server) : IClassFixture<ScorecardServer>
{
    private async Task<HttpResponseMessage> Get(string path)
    {
        var response = await server.Client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    private async Task<List<string?[]>> Csv(string path) =>
        ExportFiles.Csv(await (await Get(path + "&format=csv")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

    private async Task<List<string?[]>> Xlsx(string path) =>
        ExportFiles.Xlsx(await (await Get(path + "&format=xlsx")).Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));

    private async Task<JsonElement> JsonStat(string path) =>
        JsonDocument.Parse(await (await Get(path + "&format=jsonstat")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();

    [Theory]
    [InlineData("/api/malekort?enhet=3107&maned=2024-12")]
    [InlineData("/api/malekort?enhet=NAV-0106&maned=2024-12")]
    [InlineData("/api/indikatorer?fra=2024-10&til=2024-12")]
    [InlineData("/api/indikatorer?indikator=B.101&fra=2024-12&til=2024-12")]
    public async Task The_xlsx_holds_the_same_cells_as_the_csv(string path)
    {
        var csv = await Csv(path);
        var xlsx = await Xlsx(path);
        Assert.Equal(csv.Count, xlsx.Count);
        Assert.Equal(IndicatorExport.Table.Columns.Select(c => c.Name), csv[0]);
        Assert.Equal(IndicatorExport.Table.Columns.Select(c => c.Heading), xlsx[0]);
        for (var r = 1; r < csv.Count; r++)
        {
            for (var c = 0; c < csv[0].Length; c++)
            {
                var expected = csv[r][c];
                var actual = c < xlsx[r].Length ? xlsx[r][c] : null;
                if (IndicatorExport.Table.Columns[c].Type is ColumnType.Integer or ColumnType.Decimal && expected is not (null or ExportCell.HiddenText))
                    Assert.Equal(double.Parse(expected, CultureInfo.InvariantCulture), double.Parse(actual!, CultureInfo.InvariantCulture), 9);
                else
                    Assert.True(expected == actual, $"Rad {r}, kolonne {csv[0][c]}: CSV «{expected}», xlsx «{actual}».");
            }
        }
    }

    [Theory]
    [InlineData("/api/malekort?enhet=3107&maned=2024-12")]
    [InlineData("/api/indikatorer?fra=2024-10&til=2024-12")]
    public async Task The_json_stat_has_a_value_for_every_cell_of_its_dimensions_and_each_is_the_csvs(string path)
    {
        var csv = await Csv(path);
        var dataset = await JsonStat(path);
        Assert.Equal("2.0", dataset.GetProperty("version").GetString());
        Assert.Equal("dataset", dataset.GetProperty("class").GetString());
        Assert.Equal(["unit", "month", "indicator"], dataset.GetProperty("id").EnumerateArray().Select(i => i.GetString()));
        var role = dataset.GetProperty("role");
        Assert.Equal("unit", role.GetProperty("geo")[0].GetString());
        Assert.Equal("month", role.GetProperty("time")[0].GetString());
        Assert.Equal("indicator", role.GetProperty("metric")[0].GetString());
        var product = dataset.GetProperty("size").EnumerateArray().Aggregate(1, (a, s) => a * s.GetInt32());
        Assert.Equal(product, dataset.GetProperty("value").GetArrayLength());
        Assert.Equal(csv.Count - 1, product);

        var header = csv[0].ToList();
        int unit = header.IndexOf("unit"), month = header.IndexOf("month"), indicator = header.IndexOf("indicator"), value = header.IndexOf("value");
        foreach (var row in csv.Skip(1))
        {
            var (cell, status) = ExportFiles.JsonStatCell(dataset, row[unit]!, row[month]!, row[indicator]!);
            if (row[value] is { } text)
            {
                Assert.Equal(double.Parse(text, CultureInfo.InvariantCulture), cell.GetDouble(), 9);
                Assert.Null(status);
            }
            else
            {
                // Not captured or not computed is null with a status, never 0.
                Assert.Equal(JsonValueKind.Null, cell.ValueKind);
                Assert.Equal(IndicatorCube.NoValueStatus, status);
            }
        }
    }

    [Fact]
    public async Task The_json_stat_credits_ssb_where_the_population_is_the_denominator()
    {
        var dataset = await JsonStat("/api/malekort?enhet=3107&maned=2024-12");
        Assert.Contains("Befolkningstall: Kilde: Statistisk sentralbyrå (SSB)", dataset.GetProperty("note").EnumerateArray().Select(n => n.GetString()));
        var category = dataset.GetProperty("dimension").GetProperty("indicator").GetProperty("category");
        Assert.Contains("Kilde: Statistisk sentralbyrå (SSB)", category.GetProperty("note").GetProperty("B.101")[0].GetString(), StringComparison.Ordinal);
        Assert.False(category.GetProperty("note").TryGetProperty("BL151", out _));
        Assert.Equal(1, category.GetProperty("unit").GetProperty("B.101").GetProperty("decimals").GetInt32());
        Assert.Equal("Fredrikstad", dataset.GetProperty("dimension").GetProperty("unit").GetProperty("category").GetProperty("label").GetProperty("3107").GetString());
    }

    [Fact]
    public async Task An_export_row_has_threshold_target_attainment_definition_coverage_and_suppression()
    {
        var csv = await Csv("/api/malekort?enhet=NAV-0106&maned=2024-12");
        var header = csv[0].ToList();
        string? Cell(string indicator, string column) => csv.Single(r => r[header.IndexOf("indicator")] == indicator)[header.IndexOf(column)];
        Assert.Equal("4", Cell("B.151", "target"));
        Assert.NotNull(Cell("B.151", "attainment"));
        Assert.Equal(IndicatorDefinition.DefinitionVersion, Cell("BL151", "definitionVersion"));
        Assert.Equal("false", Cell("BL151", "suppressed"));
        Assert.Equal("2", Cell("BL151", "unitsTotal"));

        var fredrikstad = await Csv("/api/malekort?enhet=3107&maned=2024-12");
        var bl151 = fredrikstad.Single(r => r[header.IndexOf("indicator")] == "BL151");
        Assert.Equal(["8", "12", "lowerIsBetter", "Fredrikstad kommune"],
            [bl151[header.IndexOf("thresholdGreen")], bl151[header.IndexOf("thresholdRed")], bl151[header.IndexOf("thresholdDirection")], bl151[header.IndexOf("thresholdSetBy")]]);
        Assert.Contains(bl151[header.IndexOf("status")], new[] { "green", "yellow", "red" });
    }

    [Theory]
    [InlineData("csv", "text/csv", "malekort-3107-2024-12.csv")]
    [InlineData("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "malekort-3107-2024-12.xlsx")]
    public async Task A_file_is_a_download_named_by_its_unit_and_month(string format, string mediaType, string fileName)
    {
        using var response = await Get($"/api/malekort?enhet=3107&maned=2024-12&format={format}");
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition?.FileName);
    }

    [Fact]
    public async Task The_csv_download_starts_with_a_byte_order_mark_so_a_spreadsheet_reads_norwegian_letters()
    {
        using var response = await Get("/api/malekort?enhet=3107&maned=2024-12&format=csv");
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
    }

    [Fact]
    public async Task An_unknown_format_is_400_naming_the_parameter()
    {
        using var response = await server.Client.GetAsync(new Uri("/api/indikatorer?format=pdf", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal("format", json.GetProperty("parameter").GetString());
        Assert.Contains("csv, xlsx eller jsonstat", json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}

/// <summary>
/// The exports as NAV Sarpsborg may see them: Hvaler's 2 recipients (another office's count of 1–2) stay hidden in every
/// format, as «:» where a format writes text, as on the page.
/// </summary>
public sealed class SuppressedExportTests(SarpsborgViewServer server) : IClassFixture<SarpsborgViewServer>
{
    private const string Hvaler = "/api/malekort?enhet=3110&maned=2024-12";

    private static async Task<List<string?[]>> Table(HttpClient client, string format)
    {
        var ct = TestContext.Current.CancellationToken;
        var uri = new Uri($"{Hvaler}&format={format}", UriKind.Relative);
        return format == "csv"
            ? ExportFiles.Csv(await client.GetStringAsync(uri, ct))
            : ExportFiles.Xlsx(await client.GetStreamAsync(uri, ct));
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task Another_offices_count_of_two_is_a_colon_in_the_file_never_the_number(string format)
    {
        var table = await Table(server.Client, format);
        var header = IndicatorExport.Table.Columns.Select(c => c.Name).ToList();
        string?[] Row(string indicator) => table.Skip(1).Single(r => r[header.IndexOf("indicator")] == indicator);

        var recipients = Row("BL151");
        Assert.Equal([":", ":", "suppressed", "true"],
            [recipients[header.IndexOf("value")], recipients[header.IndexOf("numerator")], recipients[header.IndexOf("status")], recipients[header.IndexOf("suppressed")]]);
        // The share built on it goes too; its SSB population is public and stays a number.
        var share = Row("B.101");
        Assert.Equal((":", "100"), (share[header.IndexOf("value")], share[header.IndexOf("denominator")]));
        // Zero is a value, not a small count.
        Assert.Equal("0", Row("BL153")[header.IndexOf("numerator")]);
    }

    [Fact]
    public async Task Another_offices_count_of_two_is_null_with_the_status_colon_in_json_stat()
    {
        var ct = TestContext.Current.CancellationToken;
        var dataset = JsonDocument.Parse(await server.Client.GetStringAsync(new Uri(Hvaler + "&format=jsonstat", UriKind.Relative), ct)).RootElement;
        var (value, status) = ExportFiles.JsonStatCell(dataset, "3110", "2024-12", "BL151");
        Assert.Equal(JsonValueKind.Null, value.ValueKind);
        Assert.Equal(":", status);
        Assert.StartsWith("Skjermet", dataset.GetProperty("extension").GetProperty("status").GetProperty(":").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_offices_count_of_two_is_a_colon_in_the_printed_report()
    {
        var html = await server.Client.GetStringAsync(new Uri("/rapport?enhet=3110&maned=2024-12", UriKind.Relative), TestContext.Current.CancellationToken);
        var row = System.Text.RegularExpressions.Regex.Match(html, "<tr[^>]*data-indicator=\"BL151\".*?</tr>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        Assert.Contains(">:<", row, StringComparison.Ordinal);
        Assert.DoesNotContain(">2<", row, StringComparison.Ordinal);
    }
}
