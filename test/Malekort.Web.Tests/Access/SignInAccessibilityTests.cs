namespace Malekort.Web.Access;

/// <summary>
/// The sign-in page with everything on it (the local form, the OpenID Connect button, the demo's users) passes axe-core, as
/// do its messages.
/// </summary>
public sealed class SignInAccessibilityTests(MatrixServer server, BrowserFixture browser) : IClassFixture<MatrixServer>
{
    [Theory]
    [InlineData("/logg-inn", 1280)]
    [InlineData("/logg-inn?feil=passord", 1280)]
    [InlineData("/logg-inn?utlogget=ja", 400)]
    public async Task The_sign_in_page_has_no_serious_or_critical_wcag_violations(string path, int width)
    {
        var page = await browser.NewPageAsync(server.BaseAddress, width);
        await page.GotoAsync(path);

        Assert.Equal(1, await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Logg inn med OpenID Connect" }).CountAsync());
        Assert.Equal(DemoUsers.All.Count, await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "(demo)" }).CountAsync());
        await AccessibilityTests.AssertNoSeriousViolations(page);
    }
}
