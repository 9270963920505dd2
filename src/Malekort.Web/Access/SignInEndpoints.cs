using System.Security.Claims;
using Malekort.Confidentiality;
using Malekort.Storage;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Malekort.Web.Access;

/// <summary>
/// <c>POST /logg-inn</c> (a local account), <c>POST /logg-inn/oidc</c> (off to the OpenID Connect provider),
/// <c>POST /logg-inn/demo</c> (a demo user, only in <c>malekort demo</c>) and <c>POST /logg-ut</c>. Every form carries an
/// anti-forgery token; failures count against <see cref="SignInThrottle"/>.
/// </summary>
internal static partial class SignInEndpoints
{
    public const string SignOutPath = "/logg-ut";
    public const string OidcPath = "/logg-inn/oidc";
    public const string DemoPath = "/logg-inn/demo";

    /// <summary>The form fields.</summary>
    public const string NameField = "brukernavn";
    public const string PasswordField = "passord";
    public const string ReturnField = "retur";
    public const string DemoField = "demobruker";

    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder app, MalekortWebOptions options)
    {
        app.MapGet(Refusals.SignInPath, (HttpContext context, IAntiforgery antiforgery, string? feil, string? retur, string? utlogget) =>
            SignInView.Get(context, antiforgery, options, feil, retur, utlogget)).Public();
        app.MapPost(Refusals.SignInPath, SignIn).Public().DisableAntiforgery();
        app.MapPost(SignOutPath, SignOut).DisableAntiforgery();
        if (options.OpenIdConnect is { IsConfigured: true }) app.MapPost(OidcPath, ToProvider).Public().DisableAntiforgery();
        if (options.DemoSignIn) app.MapPost(DemoPath, AsDemoUser).Public().DisableAntiforgery();
        return app;
    }

    /// <summary>The address to go to after signing in: a path on this server, never another site.</summary>
    public static string SafeReturn(string? target) =>
        target is { Length: > 0 } t && t[0] == '/' && !t.StartsWith("//", StringComparison.Ordinal) && !t.StartsWith("/\\", StringComparison.Ordinal)
            && Uri.IsWellFormedUriString(t, UriKind.Relative)
            ? t
            : "/";

    private static async Task<IResult> SignIn(HttpContext context, IAntiforgery antiforgery, IMalekortStore store, SignInThrottle throttle,
        ILogger<SignInThrottle> logger)
    {
        if (await FormProblem(context, antiforgery) is { } problem) return problem;
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var name = form[NameField].ToString().Trim();
        var back = SafeReturn(form[ReturnField]);
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "-";
        if (!throttle.MayTry(address, name))
        {
            LogThrottled(logger, name, address);
            return Again(back, "for-mange");
        }
        var account = name.Length == 0 ? null : await Task.Run(() => store.FindUser(name), context.RequestAborted);
        var password = form[PasswordField].ToString();
        if (account is null) LocalAccounts.VerifyNobody(password);
        if (account is null || !LocalAccounts.Verify(account, password))
        {
            throttle.Failed(address, name);
            LogFailed(logger, name, address);
            return Again(back, "passord");
        }
        return await SignedIn(context, Signed.Identity(account.Name, account.Role, account.Unit, "lokal", CookieAuthenticationDefaults.AuthenticationScheme),
            back, logger);
    }

    private static async Task<IResult> AsDemoUser(HttpContext context, IAntiforgery antiforgery, ILogger<SignInThrottle> logger)
    {
        if (await FormProblem(context, antiforgery) is { } problem) return problem;
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (DemoUsers.Find(form[DemoField]) is not { } user) return Again("/", "demo");
        return await SignedIn(context, Signed.Identity(user.Name, user.Role, user.Unit, "demo", CookieAuthenticationDefaults.AuthenticationScheme),
            SafeReturn(form[ReturnField]), logger);
    }

    private static async Task<IResult> ToProvider(HttpContext context, IAntiforgery antiforgery)
    {
        if (await FormProblem(context, antiforgery) is { } problem) return problem;
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        return Results.Challenge(new AuthenticationProperties { RedirectUri = SafeReturn(form[ReturnField]) }, [AccessServices.OpenIdConnectScheme]);
    }

    private static async Task<IResult> SignOut(HttpContext context, IAntiforgery antiforgery)
    {
        if (await FormProblem(context, antiforgery) is { } problem) return problem;
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.Redirect(Refusals.SignInPath + "?utlogget=1");
    }

    private static async Task<IResult> SignedIn(HttpContext context, ClaimsIdentity identity, string back, ILogger logger)
    {
        var principal = new ClaimsPrincipal(identity);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        LogSignedIn(logger, principal.UserName(), principal.Role()?.Name() ?? "-", principal.Unit()?.Value ?? "-",
            identity.FindFirst(Signed.MethodClaim)?.Value ?? "-");
        return Results.Redirect(back);
    }

    /// <summary>Back to the sign-in page with the reason, keeping the way back.</summary>
    private static IResult Again(string back, string reason) => Results.Redirect(
        $"{Refusals.SignInPath}?{OpenIdConnectSignIn.FailureParameter}={reason}&{ReturnField}={Uri.EscapeDataString(back)}");

    /// <summary>A form whose anti-forgery token is missing or wrong is refused before anything else is read.</summary>
    internal static async Task<IResult?> FormProblem(HttpContext context, IAntiforgery antiforgery)
    {
        if (!context.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(context))
            return Results.Redirect($"{Refusals.SignInPath}?{OpenIdConnectSignIn.FailureParameter}=skjema");
        return null;
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Innlogget: {User} ({Role}, {Unit}) via {Method}.")]
    private static partial void LogSignedIn(ILogger logger, string user, string role, string unit, string method);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Mislykket innlogging som {User} fra {Address}.")]
    private static partial void LogFailed(ILogger logger, string user, string address);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning,
        Message = "For mange mislykkede innlogginger som {User} eller fra {Address}: forsøket er avvist uten å sjekke passordet.")]
    private static partial void LogThrottled(ILogger logger, string user, string address);
}
