using Malekort.Testing.Exports;
using Microsoft.Playwright;

namespace Malekort.Web.Exports;

/// <summary>A leader downloads the table they are looking at, in a real browser.</summary>
public sealed class DownloadBrowserTests(ScorecardServer server, BrowserFixture browser) : IClassFixture<ScorecardServer>
{
    [Theory]
    [InlineData("/malekort?enhet=3107&maned=2024-12", "malekort-3107-2024-12.xlsx", 1, false)]
    [InlineData("/sammenlign?indikator=B.101&maned=2024-12", "indikatorer-alle-B.101-2024-12-2024-12.xlsx", 7, true)]
    public async Task The_excel_link_under_a_table_downloads_that_table_as_a_spreadsheet(string path, string fileName, int units, bool oneIndicator)
    {
        var page = await browser.SignedInPageAsync(server.BaseAddress, "bruker", TestUsers.Password);
        await page.GotoAsync(path);
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Region, new() { Name = "Last ned tabellen" }).GetByRole(AriaRole.Link, new() { Name = "Excel (xlsx)" }).ClickAsync());
        Assert.Equal(fileName, download.SuggestedFilename);
        await using var stream = await download.CreateReadStreamAsync();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, TestContext.Current.CancellationToken);
        copy.Position = 0;
        var sheet = ExportFiles.Xlsx(copy);
        Assert.Equal(1 + units * (oneIndicator ? 1 : Indicators.IndicatorCatalog.All.Count), sheet.Count);
        Assert.Equal("Enhetskode", sheet[0][0]);
    }
}
