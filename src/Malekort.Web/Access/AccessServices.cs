using Malekort.Confidentiality;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Malekort.Web.Access;

/// <summary>
/// Sign-in and who may do what (docs/security.md). Deny by default: every endpoint needs a signed-in user with a role unless
/// it says otherwise (<see cref="Public"/> for health, style sheets and the sign-in itself; <see cref="Policies"/> for the
/// admin pages and <c>/metrics</c>). Finer scopes, a unit the user may not see or a person-level view outside the user's
/// office, are checked where the unit is known (<see cref="Scopes"/>).
/// </summary>
internal static class AccessServices
{
    /// <summary>The scheme that picks the token handler for <c>Authorization: Bearer</c> and the cookie otherwise.</summary>
    public const string Scheme = "malekort";

    /// <summary>The OpenID Connect scheme, when configured.</summary>
    public const string OpenIdConnectScheme = "oidc";

    public const string CookieName = "malekort-innlogging";

    public static IServiceCollection AddAccess(this IServiceCollection services, MalekortWebOptions options)
    {
        var authentication = services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Målekort", o => o.ForwardDefaultSelector = context =>
                // A central's delivery endpoint (POST; GET is the signed-in status) takes an office's delivery key, never a user's token or cookie (docs/federation.md).
                options.Central && HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals(Federation.AggregateApi.Path, StringComparison.OrdinalIgnoreCase)
                    ? Federation.DeliveryKeyAuthentication.SchemeName
                    : context.Request.Headers[HeaderNames.Authorization].ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? TokenAuthentication.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthentication>(TokenAuthentication.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, Federation.DeliveryKeyAuthentication>(Federation.DeliveryKeyAuthentication.SchemeName, null)
            .AddCookie(o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                // Lax, not Strict: the first page after an OpenID Connect sign-in is reached by a redirect from the provider.
                o.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = options.SessionLifetime;
                o.SlidingExpiration = true;
                o.LoginPath = Refusals.SignInPath;
                o.ReturnUrlParameter = "retur";
            });
        if (options.OpenIdConnect is { IsConfigured: true } oidc) authentication.AddMalekortOpenIdConnect(oidc);

        services.AddAuthorization(o =>
        {
            o.FallbackPolicy = Policies.User;
            o.AddPolicy(Policies.Admin, Policies.AdminPolicy);
            o.AddPolicy(Policies.Metrics, Policies.MetricsPolicy);
        });
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AccessResultHandler>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<TokenCache>();
        services.AddHttpContextAccessor();
        // Handlers take the request's viewer as a parameter; it is the signed-in user's role and unit.
        services.AddScoped(s => (s.GetRequiredService<IHttpContextAccessor>().HttpContext?.User ?? new System.Security.Claims.ClaimsPrincipal()).Viewer());
        return services;
    }

    /// <summary>Authentication, then authorization: after the security headers, so refusals carry them too.</summary>
    public static WebApplication UseAccess(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>Marks endpoints anyone may reach, signed in or not.</summary>
    public static TBuilder Public<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder => builder.AllowAnonymous();

    /// <summary>
    /// What the authorization middleware does with a refusal: the same 401 and 403 as every handler's own checks
    /// (<see cref="Refusals"/>), never the authentication handlers' redirects to an access-denied page.
    /// </summary>
    private sealed class AccessResultHandler : IAuthorizationMiddlewareResultHandler
    {
        private readonly AuthorizationMiddlewareResultHandler inner = new();

        public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
        {
            if (authorizeResult.Challenged)
            {
                // A wrong bearer token is a 401 too; a browser without a session goes to the sign-in page.
                return Refusals.NotSignedIn(context).ExecuteAsync(context);
            }
            if (authorizeResult.Forbidden)
            {
                var reason = context.User.IsMetricsOnly()
                    ? "Nøkkelen gir bare tilgang til /metrics."
                    : context.User.Role() is null
                        ? "Brukeren har ingen rolle i Målekort."
                        : $"Rollen {context.User.Role()!.Value.Name()} har ikke tilgang hit.";
                return Refusals.Forbidden(context, reason).ExecuteAsync(context);
            }
            return inner.HandleAsync(next, context, policy, authorizeResult);
        }
    }
}

/// <summary>The named policies, and the default every endpoint gets.</summary>
internal static class Policies
{
    public const string Admin = "admin";
    public const string Metrics = "metrics";

    /// <summary>Any signed-in user with a role; a metrics-only token is not a user.</summary>
    public static AuthorizationPolicy User { get; } = new AuthorizationPolicyBuilder(AccessServices.Scheme)
        .RequireAuthenticatedUser()
        .RequireAssertion(c => c.User.IsUser())
        .Build();

    /// <summary>Users, imports, the run log, publishing, the audit log: the admin role.</summary>
    public static AuthorizationPolicy AdminPolicy { get; } = new AuthorizationPolicyBuilder(AccessServices.Scheme)
        .RequireAuthenticatedUser()
        .RequireAssertion(c => c.User.IsUser() && c.User.Role() == ViewerRole.Admin)
        .Build();

    /// <summary><c>/metrics</c>: the admin role, or a metrics-only token of any user.</summary>
    public static AuthorizationPolicy MetricsPolicy { get; } = new AuthorizationPolicyBuilder(AccessServices.Scheme)
        .RequireAuthenticatedUser()
        .RequireAssertion(c => c.User.IsMetricsOnly() || (c.User.IsUser() && c.User.Role() == ViewerRole.Admin))
        .Build();
}
