namespace Malekort.Web.Access;

/// <summary>Signing in with a local account in a real browser: the form, the cookie, the way back, a wrong password.</summary>
public sealed class SignInBrowserTests(ScorecardServer server, BrowserFixture browser) : IClassFixture<ScorecardServer>
{
    [Fact]
    public async Task A_visitor_is_sent_to_the_sign_in_page_and_back_to_the_page_asked_for_after_signing_in()
    {
        var page = await browser.NewPageAsync(server.BaseAddress);

        await page.GotoAsync("/malekort?enhet=3110&maned=2024-12");
        Assert.StartsWith(new Uri(server.BaseAddress, "/logg-inn").ToString(), page.Url, StringComparison.Ordinal);
        Assert.Equal("Logg inn – Målekort", await page.TitleAsync());

        await page.GetByLabel("Brukernavn", new() { Exact = true }).FillAsync("bruker");
        await page.GetByLabel("Passord", new() { Exact = true }).FillAsync(TestUsers.Password);
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Logg inn", Exact = true }).ClickAsync();

        Assert.EndsWith("/malekort?enhet=3110&maned=2024-12", page.Url, StringComparison.Ordinal);
        Assert.Contains("Hvaler", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        var cookie = Assert.Single(await page.Context.CookiesAsync(), c => c.Name == AccessServices.CookieName);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(Microsoft.Playwright.SameSiteAttribute.Lax, cookie.SameSite);
    }

    [Fact]
    public async Task A_wrong_password_shows_a_Norwegian_message_and_signs_nobody_in()
    {
        var page = await browser.NewPageAsync(server.BaseAddress);
        await page.GotoAsync("/logg-inn");

        await page.GetByLabel("Brukernavn", new() { Exact = true }).FillAsync("bruker");
        await page.GetByLabel("Passord", new() { Exact = true }).FillAsync("et helt annet passord");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Logg inn", Exact = true }).ClickAsync();

        Assert.Contains("Feil brukernavn eller passord.", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == AccessServices.CookieName);
    }
}
