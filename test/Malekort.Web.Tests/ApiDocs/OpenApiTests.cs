using System.Net;
using System.Text.Json;
using Malekort.Web.Exports;
using Microsoft.Playwright;

namespace Malekort.Web.ApiDocs;

/// <summary>The OpenAPI document ASP.NET Core generates from the endpoints, and the reference page made from it.</summary>
public sealed class OpenApiTests(ScorecardServer server, BrowserFixture browser) : IClassFixture<ScorecardServer>
{
    private async Task<JsonElement> Document()
    {
        using var response = await server.Client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();
    }

    private static JsonElement Get(JsonElement document, string path) => document.GetProperty("paths").GetProperty(path).GetProperty("get");

    [Fact]
    public async Task The_document_lists_the_api_and_no_page()
    {
        var document = await Document();
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Equal("Målekort API", document.GetProperty("info").GetProperty("title").GetString());
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/indikatorer", paths);
        Assert.Contains("/api/malekort", paths);
        Assert.Contains("/api/enheter", paths);
        Assert.All(paths, p => Assert.StartsWith("/api/", p, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Query_parameters_are_described_by_their_type_in_the_words_of_their_errors()
    {
        var parameters = Get(await Document(), "/api/indikatorer").GetProperty("parameters").EnumerateArray()
            .ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.Equal(["enhet", "indikator", "fra", "til", "format"], parameters.Keys);
        Assert.All(parameters.Values, p => Assert.Equal("query", p.GetProperty("in").GetString()));
        Assert.Equal(["json", "csv", "xlsx", "jsonstat"], parameters["format"].GetProperty("schema").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("B.101", parameters["indikator"].GetProperty("schema").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("ÅÅÅÅ-MM", parameters["fra"].GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_rows_schema_and_the_file_formats_come_from_the_tables_columns()
    {
        var ok = Get(await Document(), "/api/indikatorer").GetProperty("responses").GetProperty("200").GetProperty("content");
        Assert.True(ok.TryGetProperty("text/csv", out _));
        Assert.True(ok.TryGetProperty(XlsxExport.ContentType, out _));
        var properties = ok.GetProperty("application/json").GetProperty("schema").GetProperty("items").GetProperty("properties");
        Assert.Equal(IndicatorExport.Table.Columns.Select(c => c.Name), properties.EnumerateObject().Select(p => p.Name));
        Assert.Contains("attainment", properties.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task The_reference_page_lists_every_operation_of_the_document()
    {
        var document = await Document();
        var page = await browser.NewPageAsync(server.BaseAddress, 1400, server.Token);
        var response = await page.GotoAsync("/api-dokumentasjon");
        Assert.Equal(200, response?.Status);
        var headings = await page.GetByRole(AriaRole.Heading, new() { Level = 2 }).AllInnerTextsAsync();
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => $"{o.Name.ToUpperInvariant()} {p.Name}")).Order(StringComparer.Ordinal);
        Assert.Equal(operations, headings.Order(StringComparer.Ordinal));
    }
}
