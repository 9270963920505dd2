using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace Malekort.Web.Access;

/// <summary>
/// <c>GET /logg-inn</c>: the sign-in form for a local account, the OpenID Connect button when a provider is configured, and —
/// only in <c>malekort demo</c> — a button per demo user, marked as demo.
/// </summary>
/// <param name="Form">The anti-forgery token every form carries.</param>
/// <param name="Return">Where to go after signing in (a path on this server).</param>
/// <param name="Problem">Why the last attempt failed, in Norwegian; null when none did.</param>
/// <param name="SignedOut">Whether the user has just signed out.</param>
/// <param name="OpenIdConnect">Whether a provider is configured.</param>
/// <param name="DemoUsers">The demo's users; empty outside <c>malekort demo</c>.</param>
public sealed record SignInView(AntiforgeryTokenSet Form, string Return, string? Problem, bool SignedOut, bool OpenIdConnect,
    IReadOnlyList<DemoUser> DemoUsers)
{
    internal static IResult Get(HttpContext context, IAntiforgery antiforgery, MalekortWebOptions options, string? feil, string? retur,
        string? utlogget)
    {
        var view = new SignInView(antiforgery.GetAndStoreTokens(context), SignInEndpoints.SafeReturn(retur), feil is null ? null : ProblemText(feil),
            utlogget is not null, options.OpenIdConnect is { IsConfigured: true }, options.DemoSignIn ? Access.DemoUsers.All : []);
        var status = feil switch
        {
            "passord" => StatusCodes.Status401Unauthorized,
            "for-mange" => StatusCodes.Status429TooManyRequests,
            _ => StatusCodes.Status200OK,
        };
        return Pages.Page.Result<SignInPage, SignInView>(view, status);
    }

    private static string ProblemText(string code) => code switch
    {
        "passord" => "Feil brukernavn eller passord.",
        "for-mange" => "For mange mislykkede forsøk. Vent et kvarter og prøv igjen.",
        "skjema" => "Skjemaet var utløpt eller kom ikke fra denne siden. Prøv igjen.",
        "oidc" => "Innloggingen hos identitetsleverandøren lyktes ikke, eller brukeren har ingen rolle i Målekort.",
        _ => "Innloggingen lyktes ikke. Prøv igjen.",
    };
}
