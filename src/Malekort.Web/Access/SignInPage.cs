using Malekort.Web.Scorecard;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace Malekort.Web.Access;

/// <summary>
/// <c>GET /logg-inn</c>: the sign-in form for a local account, the OpenID Connect button when a provider is configured, and —
/// only in <c>malekort demo</c> — a button per demo user, marked as demo. Every form carries its anti-forgery token.
/// </summary>
internal static class SignInPage
{
    public static IResult Get(HttpContext context, IAntiforgery antiforgery, MalekortWebOptions options, string? feil, string? retur, string? utlogget)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var back = SignInEndpoints.SafeReturn(retur);
        Html Hidden() => Html.Of($"""
            <input type="hidden" name="{tokens.FormFieldName}" value="{tokens.RequestToken}">
            <input type="hidden" name="{SignInEndpoints.ReturnField}" value="{back}">
            """);
        var notice = feil is null
            ? utlogget is null ? Html.Empty : Layout.Alert("info", Html.Of($"<p>Du er logget ut.</p>"))
            : Layout.Alert("warning", Html.Of($"<p>{Problem(feil)}</p>"), assertive: true);
        var provider = options.OpenIdConnect is { IsConfigured: true }
            ? Html.Of($"""
                <form method="post" action="{SignInEndpoints.OidcPath}" class="sign-in-provider">
                {Hidden()}
                <button type="submit" class="aksel-button" data-variant="secondary"><span class="aksel-label">Logg inn med OpenID Connect</span></button>
                </form>
                """)
            : Html.Empty;
        var demo = options.DemoSignIn
            ? Html.Of($"""
                <section aria-labelledby="demo-tittel">
                <h2 id="demo-tittel" class="aksel-heading aksel-heading--medium">Demo</h2>
                {Layout.Alert("info", Html.Of($"<p>Dette er en demo med oppdiktede data. Velg hvem du vil se målekortet som; ingen passord trengs.</p>"))}
                {Html.Join(DemoUsers.All.Select(u => Html.Of($"""
                    <form method="post" action="{SignInEndpoints.DemoPath}">
                    {Hidden()}
                    <input type="hidden" name="{SignInEndpoints.DemoField}" value="{u.Name}">
                    <button type="submit" class="aksel-button" data-variant="secondary"><span class="aksel-label">Logg inn som {u.Title} (demo)</span></button>
                    </form>
                    """)))}
                </section>
                """)
            : Html.Empty;
        return Layout.Page("Logg inn", Section.None, null, Html.Of($"""
            <h1 class="aksel-heading aksel-heading--large">Logg inn</h1>
            {notice}
            <form method="post" action="{Refusals.SignInPath}" class="sign-in" aria-label="Logg inn med brukernavn og passord">
            {Hidden()}
            <div class="aksel-form-field aksel-text-field">
            <label for="brukernavn" class="aksel-form-field__label aksel-label">Brukernavn</label>
            <input id="brukernavn" name="{SignInEndpoints.NameField}" type="text" required autocomplete="username" class="aksel-text-field__input aksel-body-short">
            </div>
            <div class="aksel-form-field aksel-text-field">
            <label for="passord" class="aksel-form-field__label aksel-label">Passord</label>
            <input id="passord" name="{SignInEndpoints.PasswordField}" type="password" required autocomplete="current-password" class="aksel-text-field__input aksel-body-short">
            </div>
            <button type="submit" class="aksel-button" data-variant="primary"><span class="aksel-label">Logg inn</span></button>
            </form>
            {provider}
            {demo}
            """), feil is "passord" ? StatusCodes.Status401Unauthorized : feil is "for-mange" ? StatusCodes.Status429TooManyRequests : StatusCodes.Status200OK);
    }

    private static string Problem(string code) => code switch
    {
        "passord" => "Feil brukernavn eller passord.",
        "for-mange" => "For mange mislykkede forsøk. Vent et kvarter og prøv igjen.",
        "skjema" => "Skjemaet var utløpt eller kom ikke fra denne siden. Prøv igjen.",
        "oidc" => "Innloggingen hos identitetsleverandøren lyktes ikke, eller brukeren har ingen rolle i Målekort.",
        _ => "Innloggingen lyktes ikke. Prøv igjen.",
    };
}
