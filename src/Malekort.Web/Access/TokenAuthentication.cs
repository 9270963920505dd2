using System.Security.Claims;
using System.Text.Encodings.Web;
using Malekort.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Malekort.Web.Access;

/// <summary>
/// <c>Authorization: Bearer mk_…</c>: a token made by <c>malekort users token</c>, looked up by its hash. It acts as its user
/// (uploads for the user's unit, the API as the user sees it), or, made with <c>--metrics-only</c>, may only read
/// <c>/metrics</c>. A missing header is no result (the cookie is tried); a wrong token fails.
/// </summary>

internal sealed class TokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IMalekortStore store, TokenCache tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers[HeaderNames.Authorization].ToString();
        const string Prefix = "Bearer ";
        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var token = header[Prefix.Length..].Trim();
        if (token.Length == 0) return AuthenticateResult.Fail("Tom nøkkel.");
        var hash = LocalAccounts.TokenHash(token);
        TokenOwner? owner;
        try
        {
            owner = await tokens.Find(hash, () => store.FindToken(hash), Context.RequestAborted);
        }
        catch (Exception e) when (e is not OperationCanceledException
            && Context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null)
        {
            // Authentication runs for every request: a database that is down must not turn the health checks into errors. On
            // every other endpoint the fault goes on to the error handling, which answers 503.
            return AuthenticateResult.Fail(e);
        }
        if (owner is null) return AuthenticateResult.Fail("Ukjent nøkkel.");
        var identity = Signed.Identity(owner.User.Name, owner.User.Role, owner.User.Unit, "nøkkel", SchemeName);
        if (owner.Scope == TokenScope.Metrics) identity.AddClaim(new Claim(Signed.MetricsOnlyClaim, "ja"));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        // RFC 6750: tell the client which scheme to use; the body is the problem the status pages write.
        Response.Headers.WWWAuthenticate = "Bearer realm=\"malekort\"";
        Response.StatusCode = Microsoft.AspNetCore.Http.StatusCodes.Status401Unauthorized;
        return Task.CompletedTask;
    }
}
