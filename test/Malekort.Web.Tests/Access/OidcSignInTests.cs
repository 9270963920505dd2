using System.Security.Claims;
using Microsoft.Playwright;

namespace Malekort.Web.Access;

/// <summary>The scorecard with sign-in through a real OpenID Connect provider (<see cref="OidcProvider"/>) that knows NAV Fredrikstad's Kari.</summary>
public sealed class OidcScorecardServer : ScorecardServer
{
    private OidcProvider? provider;

    /// <summary>The claims the provider gives whoever signs in: Entra ID's app role and a unit claim.</summary>
    internal static IReadOnlyList<Claim> Kari { get; } =
    [
        new("sub", "kari-oid"), new("preferred_username", "kari.nordmann@nav.no"), new("roles", "Malekort.Kontor"),
        new("malekort_enhet", "NAV-0106"),
    ];

    protected override async ValueTask<MalekortWebOptions> Configure(MalekortWebOptions options)
    {
        provider = await OidcProvider.Start(Kari);
        return new MalekortWebOptions { Urls = options.Urls, OpenIdConnect = provider.Settings() };
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (provider is not null) await provider.DisposeAsync();
    }
}

/// <summary>Signing in with OpenID Connect in a real browser, end to end: Målekort, the provider and back, with the role and unit from the claims.</summary>
public sealed class OidcSignInTests(OidcScorecardServer server, BrowserFixture browser) : IClassFixture<OidcScorecardServer>
{
    // Four requests and a token exchange in two servers' first use of OpenID Connect: on a loaded 2-core machine that took
    // 35 s, so more than Playwright's default 30 s is allowed for the round trip.
    private const float Slow = 180_000;

    [Fact]
    public async Task A_user_signs_in_at_the_provider_and_comes_back_seeing_the_own_office_in_full()
    {
        var page = await browser.NewPageAsync(server.BaseAddress);

        await page.GotoAsync("/malekort?enhet=3110&maned=2024-12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Logg inn med OpenID Connect" }).ClickAsync(new() { Timeout = Slow });
        // Through the provider and back; a failed sign-in lands on the sign-in page with «feil».
        await page.WaitForURLAsync(url => url.Contains("/malekort?", StringComparison.Ordinal) || url.Contains("feil=", StringComparison.Ordinal),
            new() { Timeout = Slow });

        Assert.EndsWith("/malekort?enhet=3110&maned=2024-12", page.Url, StringComparison.Ordinal);
        var text = await page.InnerTextAsync("body");
        Assert.Contains("Hvaler", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        Assert.Contains("Visning for NAV Fredrikstad", text, StringComparison.Ordinal);
        Assert.Contains(await page.Context.CookiesAsync(), c => c.Name == AccessServices.CookieName && c.HttpOnly);
        // Hvaler's two recipients are the own office's: shown, not «:».
        await using var api = await page.APIRequest.GetAsync("/api/malekort?enhet=3110&maned=2024-12");
        Assert.Contains("\"restricted\":false", await api.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_provider_claims_map_to_a_role_and_unit_and_a_user_without_a_role_is_not_signed_in()
    {
        var settings = new OpenIdConnectSettings { RoleValues = new(StringComparer.Ordinal) { ["Malekort.Kontor"] = "kontor" } };
        var kari = new ClaimsPrincipal(new ClaimsIdentity(OidcScorecardServer.Kari));
        var nobody = new ClaimsPrincipal(new ClaimsIdentity([new Claim("preferred_username", "ola@nav.no")]));
        var wrongUnit = new ClaimsPrincipal(new ClaimsIdentity([new Claim("preferred_username", "ola@nav.no"), new Claim("roles", "kontor"),
            new Claim("malekort_enhet", "3107")]));

        Assert.Null(OpenIdConnectSignIn.Map(kari, settings, out var identity));
        Assert.Equal(("kari.nordmann@nav.no", "kontor", "NAV-0106"),
            (identity.Name, identity.FindFirst(Signed.RoleClaim)?.Value, identity.FindFirst(Signed.UnitClaim)?.Value));
        Assert.Contains("har ingen rolle", OpenIdConnectSignIn.Map(nobody, settings, out _), StringComparison.Ordinal);
        Assert.Contains("må ha et NAV-kontor", OpenIdConnectSignIn.Map(wrongUnit, settings, out _), StringComparison.Ordinal);
    }
}
