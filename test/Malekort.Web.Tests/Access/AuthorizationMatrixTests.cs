using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using Malekort.Storage;
using Malekort.Web.Assets;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Malekort.Web.Access;

/// <summary>
/// Every route the app maps × every principal (nobody, a metrics-only token, each role) × the principal's own unit and
/// another: the status says whether the principal got in, and every answer carries the security headers and no trace of the
/// server's insides. The routes come from the app's route table, so a route added without a rule in <see cref="Matrix"/> fails.
/// </summary>
public sealed class AuthorizationMatrixTests(MatrixServer server) : IClassFixture<MatrixServer>
{
    private IReadOnlyDictionary<string, Rule> Rules { get; } = Matrix.Rules([StyleSheets.Aksel.Path, StyleSheets.Own.Path]);

    /// <summary>The routes as "METHOD pattern", <c>*</c> for a route that takes any method.</summary>
    private List<string> Routes() => server.Endpoints.OfType<RouteEndpoint>()
        .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods
            ? methods.Select(m => $"{m} {e.RoutePattern.RawText}")
            : [$"* {e.RoutePattern.RawText}"])
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .ToList();

    [Fact]
    public void Every_route_in_the_route_table_has_a_rule_and_every_rule_a_route()
    {
        var routes = Routes();

        var withoutRule = routes.Where(r => !Rules.ContainsKey(r)).ToList();
        var withoutRoute = Rules.Keys.Where(r => !routes.Contains(r)).ToList();
        Assert.True(withoutRule.Count == 0, "Ruter uten regel i Matrix: " + string.Join(", ", withoutRule));
        Assert.True(withoutRoute.Count == 0, "Regler uten rute: " + string.Join(", ", withoutRoute));
    }

    [Fact]
    public async Task Every_route_answers_every_principal_for_its_own_and_another_unit_as_its_rule_says()
    {
        var failures = new List<string>();
        var requests = 0;
        foreach (var route in Routes())
        {
            if (!Rules.TryGetValue(route, out var rule)) continue; // the test above names it
            foreach (var principal in Matrix.Principals)
            {
                foreach (var side in Enum.GetValues<Side>())
                {
                    requests++;
                    var request = rule.Request(side);
                    using var response = await Send(principal, request);
                    var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                    var problem = Judge(rule, principal, side, request, response, body);
                    if (problem is not null) failures.Add($"{route} som {principal}, {side}: {problem}");
                }
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"Matrisen: {Routes().Count} ruter × {Matrix.Principals.Count} brukere × 2 enheter = {requests} forespørsler.");
        Assert.Empty(failures);
    }

    private static string? Judge(Rule rule, Principal principal, Side side, MatrixRequest request, HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString ?? "";
        var toSignIn = status is 302 or 303 && location.StartsWith("/logg-inn?retur=", StringComparison.Ordinal);
        if (Leak(response, body) is { } leak) return leak;
        if (principal.IsAnonymous && !rule.Public)
        {
            // By path segment, as the server tells them apart: /api-dokumentasjon is a page.
            var api = new[] { "/api/", "/openapi/", "/metrics" }.Any(p => request.Path.StartsWith(p, StringComparison.Ordinal));
            if (api)
            {
                return status == 401 && response.Headers.WwwAuthenticate.Any(h => h.Scheme == "Bearer")
                    ? null
                    : $"ventet 401 med WWW-Authenticate: Bearer, fikk {status}";
            }
            return toSignIn ? null : $"ventet omdirigering til innloggingen, fikk {status} {location}";
        }
        if (rule.Allowed(principal, side))
            return status is 401 or 403 or >= 500 || toSignIn ? $"ventet tilgang, fikk {status} {location} {Excerpt(body)}" : null;
        return status == 403 ? null : $"ventet 403, fikk {status} {location} {Excerpt(body)}";
    }

    /// <summary>Security headers on every answer, and no stack trace, exception or file path in any body.</summary>
    private static string? Leak(HttpResponseMessage response, string body)
    {
        var headers = response.Headers;
        var csp = headers.TryGetValues("Content-Security-Policy", out var c) ? string.Join(' ', c) : "";
        if (!csp.Contains("frame-ancestors 'none'", StringComparison.Ordinal) || csp.Contains("'unsafe-inline'", StringComparison.Ordinal)
            || !csp.Contains("default-src 'none'", StringComparison.Ordinal))
            return $"mangler eller svak Content-Security-Policy: «{csp}»";
        if (!headers.TryGetValues("X-Content-Type-Options", out var nosniff) || !nosniff.Contains("nosniff")) return "mangler X-Content-Type-Options";
        if (!headers.Contains("Referrer-Policy")) return "mangler Referrer-Policy";
        foreach (var trace in new[] { "   at ", "Exception", "/work/", "/home/", "/tmp/", ".cs:line" })
        {
            if (body.Contains(trace, StringComparison.Ordinal)) return $"svaret viser «{trace.Trim()}»: {Excerpt(body)}";
        }
        return null;
    }

    private static string Excerpt(string body) => body.Length <= 200 ? body : body[..200];

    private async Task<HttpResponseMessage> Send(Principal principal, MatrixRequest request)
    {
        using var client = TestUsers.Client(server.BaseAddress, principal.IsAnonymous ? null : server.Tokens[principal.Name]);
        using var message = new HttpRequestMessage(request.Method, new Uri(request.Path, UriKind.Relative));
        var content = request.Body?.Invoke();
        if (request.Form && content is FormUrlEncodedContent)
        {
            // A real anti-forgery pair for this principal, as the page it would have posted from would have given it.
            var (cookie, field, token) = Antiforgery(principal);
            var fields = (await content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(f => f.Split('=')).ToDictionary(f => WebUtility.UrlDecode(f[0]), f => WebUtility.UrlDecode(f[1]));
            fields[field] = token;
            content = new FormUrlEncodedContent(fields);
            message.Headers.Add("Cookie", cookie);
        }
        if (content is ByteArrayContent and not FormUrlEncodedContent) content.Headers.ContentType ??= new MediaTypeHeaderValue("application/zip");
        message.Content = content;
        return await client.SendAsync(message, TestContext.Current.CancellationToken);
    }

    private (string Cookie, string Field, string Token) Antiforgery(Principal principal)
    {
        var antiforgery = server.Services.GetRequiredService<IAntiforgery>();
        var context = new DefaultHttpContext { RequestServices = server.Services };
        if (principal.Role is { } role)
        {
            // The identity the token handler gives the principal (TokenAuthentication).
            var identity = Signed.Identity(principal.Name, role, principal.Unit, "nøkkel", TokenAuthentication.SchemeName);
            if (principal.Scope == TokenScope.Metrics) identity.AddClaim(new Claim(Signed.MetricsOnlyClaim, "ja"));
            context.User = new ClaimsPrincipal(identity);
        }
        var tokens = antiforgery.GetTokens(context);
        return ($"malekort-skjema={tokens.CookieToken}", tokens.FormFieldName, tokens.RequestToken!);
    }
}
