using System.Security.Cryptography;
using System.Text;

namespace Malekort.Import.Pseudonyms;

/// <summary>
/// Replaces a fødselsnummer by a keyed pseudonym: HMAC-SHA256 with the installation's key, truncated to 128 bits, as <c>p</c>
/// and 32 lower-case hex digits. A rotated key applies each later generation to the pseudonym of the one before
/// (<see cref="Rotate"/>), so a pseudonym stored before the rotation becomes, with one more step, the one a new import makes.
/// The same number and key always give the same pseudonym, so imports link up; without the key the pseudonym cannot be
/// recomputed from a guessed number.
/// </summary>
/// <param name="key">The installation's key.</param>
public sealed class Pseudonymizer(PseudonymKey key)
{
    /// <summary>The length of a pseudonym: the prefix and 32 hex digits.</summary>
    public const int PseudonymLength = 33;

    private const int TruncatedBytes = 16;
    private readonly byte[][] generations = [.. key.GenerationBytes.Select(g => g.ToArray())];

    /// <summary>The pseudonym of the number.</summary>
    public string Of(ReadOnlySpan<char> fnr)
    {
        var maxBytes = Encoding.UTF8.GetMaxByteCount(fnr.Length);
        Span<byte> text = maxBytes <= 256 ? stackalloc byte[maxBytes] : new byte[maxBytes];
        var written = Encoding.UTF8.GetBytes(fnr, text);
        Span<char> pseudonym = stackalloc char[PseudonymLength];
        Step(generations[0], text[..written], pseudonym);
        Span<byte> previous = stackalloc byte[PseudonymLength];
        for (var g = 1; g < generations.Length; g++)
        {
            Encoding.ASCII.GetBytes(pseudonym, previous);
            Step(generations[g], previous, pseudonym);
        }
        return new string(pseudonym);
    }

    /// <summary>
    /// The pseudonym a stored one becomes when the key gains <paramref name="newKey"/>'s last generation; null when the stored
    /// value is not a pseudonym (a source system's own id, which no key made).
    /// </summary>
    public static string? Rotate(string stored, PseudonymKey newKey)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(newKey);
        if (!IsPseudonym(stored)) return null;
        Span<byte> text = stackalloc byte[PseudonymLength];
        Encoding.ASCII.GetBytes(stored, text);
        Span<char> pseudonym = stackalloc char[PseudonymLength];
        Step(newKey.GenerationBytes[^1], text, pseudonym);
        return new string(pseudonym);
    }

    /// <summary>Whether the text has a pseudonym's form: <c>p</c> and 32 lower-case hex digits.</summary>
    public static bool IsPseudonym(ReadOnlySpan<char> text)
    {
        if (text.Length != PseudonymLength || text[0] != 'p') return false;
        foreach (var c in text[1..])
        {
            if (!char.IsAsciiDigit(c) && c is not (>= 'a' and <= 'f')) return false;
        }
        return true;
    }

    private static void Step(byte[] key, ReadOnlySpan<byte> text, Span<char> pseudonym)
    {
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, text, mac);
        pseudonym[0] = 'p';
        Convert.TryToHexStringLower(mac[..TruncatedBytes], pseudonym[1..], out _);
    }
}
