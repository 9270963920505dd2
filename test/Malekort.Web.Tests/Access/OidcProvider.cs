using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Malekort.Web.Access;

/// <summary>
/// A real OpenID Connect provider for the tests: OpenIddict's server on a free loopback port (Kestrel), with discovery,
/// signing keys, the authorization code flow with PKCE and a token endpoint that checks the client's secret. It knows one
/// client (Målekort) and signs in one user with the claims given: a stand-in for Entra ID's login page, the protocol itself
/// untouched. Without stores (OpenIddict's degraded mode) the client and user are checked by the handlers below.
/// </summary>
internal sealed class OidcProvider : IAsyncDisposable
{
    public const string ClientId = "malekort";
    public const string ClientSecret = "en-hemmelighet-bare-testene-kjenner";

    private readonly WebApplication app;

    private OidcProvider(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    /// <summary>The issuer: where its discovery document is.</summary>
    public Uri Address { get; }

    /// <summary>Starts the provider; <paramref name="user"/> are the claims of whoever signs in.</summary>
    public static async Task<OidcProvider> Start(IReadOnlyList<Claim> user)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning).AddFilter("OpenIddict", LogLevel.Warning);
        builder.Services.AddOpenIddict().AddServer(o =>
        {
            o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
            o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
            o.DisableAccessTokenEncryption();
            o.RegisterScopes(OpenIddictConstants.Scopes.OpenId, OpenIddictConstants.Scopes.Profile);
            o.EnableDegradedMode();
            // Loopback HTTP in the test; a real provider is HTTPS, which Målekort requires unless told otherwise.
            o.UseAspNetCore().DisableTransportSecurityRequirement();
            o.AddEventHandler<ValidateAuthorizationRequestContext>(b => b.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId) context.Reject(Errors.InvalidClient, "Ukjent klient.");
                else if (context.RedirectUri is null || !context.RedirectUri.EndsWith("/signin-oidc", StringComparison.Ordinal))
                    context.Reject(Errors.InvalidRequest, "Ukjent redirect_uri.");
                return default;
            }));
            o.AddEventHandler<ValidateTokenRequestContext>(b => b.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId || context.ClientSecret != ClientSecret) context.Reject(Errors.InvalidClient, "Feil klient eller hemmelighet.");
                return default;
            }));
            o.AddEventHandler<HandleAuthorizationRequestContext>(b => b.UseInlineHandler(context =>
            {
                var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
                identity.AddClaims(user);
                foreach (var claim in identity.Claims) claim.SetDestinations(Destinations.IdentityToken, Destinations.AccessToken);
                var principal = new ClaimsPrincipal(identity);
                principal.SetScopes(context.Request.GetScopes());
                context.SignIn(principal);
                return default;
            }));
        });
        var app = builder.Build();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        // Its discovery document and keys once, so the sign-in under test does not pay for the provider's first start alone.
        using (var client = new HttpClient { BaseAddress = new Uri(address) })
        {
            (await client.GetAsync(new Uri("/.well-known/openid-configuration", UriKind.Relative))).EnsureSuccessStatusCode();
            (await client.GetAsync(new Uri("/.well-known/jwks", UriKind.Relative))).EnsureSuccessStatusCode();
        }
        return new OidcProvider(app, new Uri(address + "/"));
    }

    /// <summary>Målekort's settings for this provider, with the claims Entra ID would carry.</summary>
    public OpenIdConnectSettings Settings() => new()
    {
        Authority = Address.ToString(),
        ClientId = ClientId,
        ClientSecret = ClientSecret,
        RoleClaim = "roles",
        UnitClaim = "malekort_enhet",
        NameClaim = "preferred_username",
        RoleValues = new Dictionary<string, string>(StringComparer.Ordinal) { ["Malekort.Kontor"] = "kontor" },
        RequireHttpsMetadata = false,
    };

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
