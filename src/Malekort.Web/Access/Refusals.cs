using Malekort.Confidentiality;
using Malekort.Web.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Malekort.Web.Access;

/// <summary>
/// 401 and 403, the same for every route: an API client gets a Norwegian problem (401 with <c>WWW-Authenticate: Bearer</c>),
/// a browser the sign-in page or a Norwegian page that says why. Every refusal of a signed-in user is logged: who, what they
/// asked for, why.
/// </summary>
internal static partial class Refusals
{
    /// <summary>The path of the sign-in page; <c>?retur=</c> brings the user back after signing in.</summary>
    public const string SignInPath = "/logg-inn";

    /// <summary>Whether the request is a machine's: the JSON API and <c>/metrics</c> answer with status codes, never redirects.</summary>
    public static bool IsApi(HttpContext context) =>
        Pages.Errors.IsApi(context)
        || context.Request.Path.StartsWithSegments(Operations.OperationsServices.MetricsPath, StringComparison.Ordinal);

    /// <summary>Not signed in: 401 for the API, else the sign-in page with the way back.</summary>
    public static IResult NotSignedIn(HttpContext context)
    {
        if (IsApi(context))
            return new WithBearerChallenge(Results.Problem(detail: "Mangler gyldig innlogging: send «Authorization: Bearer <nøkkel>».",
                statusCode: StatusCodes.Status401Unauthorized, title: "Ikke autentisert"));
        var back = context.Request.Method == HttpMethods.Get ? (context.Request.Path + context.Request.QueryString).ToString() : "/";
        return Results.Redirect($"{SignInPath}?retur={Uri.EscapeDataString(back)}");
    }

    /// <summary>Signed in, but outside what the user may see or do: 403, logged with the reason.</summary>
    public static IResult Forbidden(HttpContext context, string reason)
    {
        var user = context.User;
        LogRefused(Logger(context), user.UserName(), user.Role()?.Name() ?? "(ingen rolle)", user.Unit()?.Value ?? "-",
            context.Request.Method, context.Request.Path + context.Request.QueryString, reason);
        return IsApi(context)
            ? Results.Problem(detail: reason, statusCode: StatusCodes.Status403Forbidden, title: "Ikke tillatt")
            : Pages.Errors.Page(context, StatusCodes.Status403Forbidden, reason);
    }

    private static ILogger Logger(HttpContext context) =>
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Malekort.Web.Access");

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning,
        Message = "Nektet: {User} ({Role}, {Unit}) ba om {Method} {Target}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string user, string role, string unit, string method, string target, string reason);

    /// <summary>A 401 that tells the client which scheme to use (RFC 6750).</summary>
    private sealed class WithBearerChallenge(IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.WWWAuthenticate = "Bearer realm=\"malekort\"";
            return inner.ExecuteAsync(httpContext);
        }
    }
}
