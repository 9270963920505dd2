using System.Security.Claims;
using System.Text.Encodings.Web;
using Malekort.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Malekort.Web.Federation;

/// <summary>
/// The delivery endpoint's own scheme (<c>POST /api/sentral/leveranser</c>): the bearer token there is an office's delivery key
/// (<see cref="DeliveryKeys"/>), never a user's token, so the user-token handler is not asked about it. Before, it was, failed
/// on every delivery and logged «Bearer was not authenticated» each time. A missing or unknown key is no result, not a failure:
/// the endpoint answers 401 itself, in Norwegian, and a wrong key is in the run log, not in the server's log.
/// </summary>
internal sealed class DeliveryKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IMalekortStore store)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "leveringsnokkel";

    /// <summary>The claim that names the office whose key the request carries.</summary>
    public const string OfficeClaim = "malekort:leveringskontor";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (DeliveryKeys.OfficeOf(Request, store) is not { } office) return Task.FromResult(AuthenticateResult.NoResult());
        var identity = new ClaimsIdentity([new Claim(OfficeClaim, office.Value)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
