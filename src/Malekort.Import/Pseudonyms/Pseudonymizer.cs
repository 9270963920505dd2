using System.Security.Cryptography;
using System.Text;

namespace Malekort.Import.Pseudonyms;

/// <summary>
/// Replaces a fødselsnummer by a keyed pseudonym: HMAC-SHA256 with the installation's key, truncated to 128 bits,
/// as <c>p</c> and 32 lower-case hex digits. The same number and key always give the same pseudonym, so imports
/// link up; without the key the pseudonym cannot be recomputed from a guessed number.
/// </summary>
/// <param name="key">The installation's key.</param>
public sealed class Pseudonymizer(PseudonymKey key)
{
    /// <summary>The length of a pseudonym: the prefix and 32 hex digits.</summary>
    public const int PseudonymLength = 33;

    private const int TruncatedBytes = 16;
    private readonly byte[] keyBytes = key.Bytes.ToArray();

    /// <summary>The pseudonym of the number.</summary>
    public string Of(ReadOnlySpan<char> fnr)
    {
        var maxBytes = Encoding.UTF8.GetMaxByteCount(fnr.Length);
        Span<byte> text = maxBytes <= 256 ? stackalloc byte[maxBytes] : new byte[maxBytes];
        var written = Encoding.UTF8.GetBytes(fnr, text);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(keyBytes, text[..written], mac);
        Span<char> pseudonym = stackalloc char[PseudonymLength];
        pseudonym[0] = 'p';
        Convert.TryToHexStringLower(mac[..TruncatedBytes], pseudonym[1..], out _);
        return new string(pseudonym);
    }
}
