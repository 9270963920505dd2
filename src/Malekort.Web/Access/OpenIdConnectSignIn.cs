using System.Security.Claims;
using Malekort.Confidentiality;
using Malekort.Units;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Malekort.Web.Access;

/// <summary>
/// Sign-in with an OpenID Connect provider: the authorization code flow with PKCE, the answer by query (so the cookies can be
/// SameSite=Lax), and the provider's claims for name, role and unit mapped to Målekort's (<see cref="Signed"/>). A user whose
/// claims give no known role, or a unit that does not fit the role, is not signed in: the sign-in page says why.
/// </summary>
internal static partial class OpenIdConnectSignIn
{
    /// <summary>Where the sign-in page is sent after a failed provider sign-in, with the reason.</summary>
    public const string FailureParameter = "feil";

    public static AuthenticationBuilder AddMalekortOpenIdConnect(this AuthenticationBuilder authentication, OpenIdConnectSettings settings) =>
        authentication.AddOpenIdConnect(AccessServices.OpenIdConnectScheme, "OpenID Connect", o =>
        {
            o.Authority = settings.Authority;
            o.ClientId = settings.ClientId;
            o.ClientSecret = settings.ClientSecret;
            o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.UsePkce = true;
            o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            o.MapInboundClaims = false;
            o.SaveTokens = false;
            o.Scope.Clear();
            o.Scope.Add("openid");
            o.Scope.Add("profile");
            foreach (var cookie in new[] { o.CorrelationCookie, o.NonceCookie })
            {
                cookie.SameSite = SameSiteMode.Lax;
                cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            }
            o.Events.OnTokenValidated = context =>
            {
                var principal = context.Principal!;
                if (Map(principal, settings, out var identity) is { } problem)
                {
                    context.Fail(problem);
                    return Task.CompletedTask;
                }
                context.Principal = new ClaimsPrincipal(identity);
                return Task.CompletedTask;
            };
            o.Events.OnRemoteFailure = context =>
            {
                var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Malekort.Web.Access");
                LogFailed(logger, context.Failure?.Message ?? "ukjent feil");
                context.Response.Redirect($"{Refusals.SignInPath}?{FailureParameter}=oidc");
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });

    /// <summary>Målekort's identity from the provider's claims; the reason in Norwegian when there is none.</summary>
    internal static string? Map(ClaimsPrincipal provider, OpenIdConnectSettings settings, out ClaimsIdentity identity)
    {
        identity = new ClaimsIdentity();
        var name = provider.FindFirst(settings.NameClaim)?.Value ?? provider.FindFirst("sub")?.Value;
        if (string.IsNullOrWhiteSpace(name)) return $"Innloggingen mangler navn (kravet «{settings.NameClaim}»).";
        ViewerRole? role = null;
        foreach (var value in provider.FindAll(settings.RoleClaim).Select(c => c.Value))
        {
            var written = settings.RoleValues.GetValueOrDefault(value, value);
            if (ViewerRoles.TryParse(written, out var known))
            {
                role = known;
                break;
            }
        }
        if (role is not { } r) return $"{name} har ingen rolle i Målekort (kravet «{settings.RoleClaim}»).";
        UnitCode? unit = null;
        if (provider.FindFirst(settings.UnitClaim)?.Value is { Length: > 0 } unitText)
        {
            if (!UnitCode.TryParse(unitText, out var parsed)) return $"Enheten «{unitText}» for {name} er ingen enhetskode.";
            unit = parsed;
        }
        if (r.UnitProblem(unit) is { } problem) return $"{name}: {problem}";
        identity = Signed.Identity(name, r, unit, "oidc", CookieAuthenticationDefaults.AuthenticationScheme);
        return null;
    }

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Innlogging med OpenID Connect feilet: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
