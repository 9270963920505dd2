using Malekort.Storage;
using Malekort.Units;
using Malekort.Web.Access;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Malekort.Web.Federation;

/// <summary>
/// An office's delivery key at a central instance (<c>malekort central key --office NAV-nnnn</c>): 256 random bits made like an
/// API token (<see cref="LocalAccounts.NewToken"/>) and stored only as its hash, so the central's database never holds a secret
/// that delivers. The key is the office's credential, not a user's: it may deliver that office's months and nothing else.
/// </summary>
public static class DeliveryKeys
{
    /// <summary>Makes a new key for the office and stores its hash; the office's old key stops working. Returns the key, shown once.</summary>
    public static string Create(IMalekortStore store, UnitCode office, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (office.Kind != UnitKind.Office) throw new ArgumentException($"{office} er ikke et NAV-kontor (NAV-nnnn).", nameof(office));
        var (key, hash) = LocalAccounts.NewToken();
        store.SetDeliveryKey(office, hash, at);
        return key;
    }

    /// <summary>The office whose key the request carries (<c>Authorization: Bearer …</c>), or null without a known key.</summary>
    internal static UnitCode? OfficeOf(HttpRequest request, IMalekortStore store)
    {
        var header = request.Headers[HeaderNames.Authorization].ToString();
        const string Prefix = "Bearer ";
        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)) return null;
        var key = header[Prefix.Length..].Trim();
        return key.Length == 0 ? null : store.DeliveryKeyOffice(LocalAccounts.TokenHash(key));
    }
}
