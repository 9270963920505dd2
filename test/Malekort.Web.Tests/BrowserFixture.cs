using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Playwright;
using Xunit.v3;

[assembly: AssemblyFixture(typeof(Malekort.Web.BrowserFixture))]
[assembly: AssemblyFixture(typeof(Malekort.Testing.TestResources))]
[assembly: Malekort.Web.ClosePagesAfterEachTest]

namespace Malekort.Web;

/// <summary>
/// One headless Chromium for every browser test: Debian's <c>/usr/bin/chromium</c>, driven by Playwright. No browser is
/// ever downloaded.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? playwright;

    // The contexts each test opened, closed when it ends (ClosePagesAfterEachTestAttribute): left open, every page's renderer
    // stayed alive until the last test, and the browser grew through the run.
    private static readonly ConcurrentDictionary<string, ConcurrentBag<IBrowserContext>> OpenContexts = new(StringComparer.Ordinal);

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath)) throw new InvalidOperationException($"Nettleseren {ChromiumPath} mangler: installer Debian-pakken chromium.");
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>
    /// A fresh page in its own context, Norwegian locale; a desktop window unless a width is given; signed in with the token
    /// (sent as <c>Authorization: Bearer</c> with every request) when one is given.
    /// </summary>
    public async Task<IPage> NewPageAsync(Uri baseAddress, int width = 1280, string? token = null)
    {
        var context = await NewContextAsync(baseAddress, width, token);
        if (TestContext.Current.Test?.UniqueID is { } test) OpenContexts.GetOrAdd(test, _ => []).Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// As <see cref="NewPageAsync"/>, but the page outlives the test that opened it: the caller closes its context. For a
    /// class whose tests only read, one page per window width that every test navigates afresh shows each test a document of its
    /// own while the browser starts no new renderer process per test.
    /// </summary>
    public async Task<IPage> NewLastingPageAsync(Uri baseAddress, int width, string? token) =>
        await (await NewContextAsync(baseAddress, width, token)).NewPageAsync();

    private async Task<IBrowserContext> NewContextAsync(Uri baseAddress, int width, string? token)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = baseAddress.ToString(),
            Locale = "nb-NO",
            ViewportSize = new() { Width = width, Height = 900 },
            ExtraHTTPHeaders = token is null ? null : new Dictionary<string, string> { ["Authorization"] = "Bearer " + token },
        });
        // A guard against a hang, not a measure of speed: on a machine busy with a parallel build a page has taken over 30 s to load.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        return context;
    }

    /// <summary>Closes the contexts the test opened through <see cref="NewPageAsync"/>.</summary>
    internal static async Task CloseContextsOf(string test)
    {
        if (!OpenContexts.TryRemove(test, out var contexts)) return;
        foreach (var context in contexts) await context.CloseAsync();
    }

    /// <summary>
    /// A fresh page signed in through the sign-in form, so the session is a cookie: what the browser itself fetches (a download)
    /// carries no extra header, but it carries the cookie.
    /// </summary>
    public async Task<IPage> SignedInPageAsync(Uri baseAddress, string user, string password, int width = 1280)
    {
        var page = await NewPageAsync(baseAddress, width);
        await page.GotoAsync("/logg-inn");
        await page.GetByLabel("Brukernavn", new() { Exact = true }).FillAsync(user);
        await page.GetByLabel("Passord", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logg inn", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/logg-inn", StringComparison.Ordinal));
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
    }
}

/// <summary>After each test, closes the browser contexts it opened (<see cref="BrowserFixture.NewPageAsync"/>).</summary>
[AttributeUsage(AttributeTargets.Assembly)]
internal sealed class ClosePagesAfterEachTestAttribute : BeforeAfterTestAttribute
{
    // Not waited for: Playwright's replies come back on the test framework's threads, and a hook that blocked one of them
    // until the close was confirmed stopped the whole web run once every thread was blocked that way.
    public override void After(MethodInfo methodUnderTest, IXunitTest test) => _ = Task.Run(() => Close(test.UniqueID));

    private static async Task Close(string test)
    {
        try
        {
            await BrowserFixture.CloseContextsOf(test);
        }
        catch (PlaywrightException)
        {
            // The browser itself closes after the last test, and a context still closing then has nothing left to release.
        }
    }
}
