using System.Security.Cryptography;
using System.Text;

namespace Malekort.Web.Explain;

/// <summary>
/// How a counted person is named on screen and in the audit log: <c>P-</c> and the first 10 hex digits of the SHA-256 of the
/// stored pseudonym. Derived from what the store holds (never from a fødselsnummer), the same on every page and in every audit
/// entry, and short enough to read aloud; 40 bits leave a collision between two of a unit's persons very unlikely.
/// </summary>
internal static class ShortPseudonym
{
    public static string Of(string storedKey)
    {
        ArgumentNullException.ThrowIfNull(storedKey);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(storedKey), hash);
        return "P-" + Convert.ToHexStringLower(hash[..5]);
    }
}
