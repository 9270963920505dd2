using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Malekort.Units;

namespace Malekort.Web.Capture;

/// <summary>
/// A bearer token that may deliver data: the service's own (any unit, reference data, publishing) or a unit's (only that
/// unit's extracts; an office's token covers the units it serves, and may publish that office). Only a hash is kept, and
/// <see cref="ToString"/> never shows the secret, so a token cannot reach a log by accident.
/// </summary>
public sealed class UploadToken
{
    /// <summary>Shorter secrets can be guessed over the network.</summary>
    public const int MinimumLength = 16;

    private readonly byte[] hash;

    private UploadToken(byte[] hash, UnitCode? unit)
    {
        this.hash = hash;
        Unit = unit;
    }

    /// <summary>The unit (municipality, district or office) the token is for; null for the service token.</summary>
    public UnitCode? Unit { get; }

    /// <summary>Whether this is the service token.</summary>
    public bool IsService => Unit is null;

    /// <summary>The service token: any unit, reference data and publishing.</summary>
    /// <exception cref="ArgumentException">The secret is shorter than <see cref="MinimumLength"/>.</exception>
    public static UploadToken ForService(string secret) => new(HashOf(Checked(secret)), null);

    /// <summary>A unit's token.</summary>
    /// <exception cref="ArgumentException">The secret is shorter than <see cref="MinimumLength"/>.</exception>
    public static UploadToken ForUnit(UnitCode unit, string secret) => new(HashOf(Checked(secret)), unit);

    /// <summary>Whether the presented secret is this token's, in time that does not depend on where they differ.</summary>
    internal bool Matches(ReadOnlySpan<byte> presentedHash) => CryptographicOperations.FixedTimeEquals(hash, presentedHash);

    /// <summary>SHA-256 of the secret: comparing hashes makes the comparison independent of the secret's length too.</summary>
    internal static byte[] HashOf(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <inheritdoc />
    public override string ToString() => IsService ? "tjenestenøkkel" : $"nøkkel for {Unit}";

    /// <summary>
    /// Reads a token file: one token a line, <c>ENHET HEMMELIGHET</c> (a unit code, or <c>*</c> for the service token);
    /// blank lines and lines starting with <c>#</c> are skipped. Errors name the line, never the secret.
    /// </summary>
    /// <exception cref="InvalidDataException">A line is not of that form.</exception>
    public static IReadOnlyList<UploadToken> Load(string path)
    {
        var tokens = new List<UploadToken>();
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var where = string.Create(CultureInfo.InvariantCulture, $"{path}:{lineNumber}");
            if (parts.Length != 2)
                throw new InvalidDataException($"{where}: forventet «ENHET HEMMELIGHET» (enhetskode eller * og nøkkelen), fant {parts.Length} felt.");
            if (parts[1].Length < MinimumLength)
                throw new InvalidDataException($"{where}: nøkkelen er kortere enn {MinimumLength} tegn.");
            if (parts[0] == "*")
            {
                tokens.Add(ForService(parts[1]));
            }
            else if (UnitCode.TryParse(parts[0], out var unit) && unit.Kind is UnitKind.Municipality or UnitKind.District or UnitKind.Office)
            {
                tokens.Add(ForUnit(unit, parts[1]));
            }
            else
            {
                throw new InvalidDataException(
                    $"{where}: «{parts[0]}» er verken * (tjenesten), en kommune, en bydel eller et NAV-kontor (NAV-nnnn).");
            }
        }
        return tokens;
    }

    private static string Checked(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (secret.Length < MinimumLength) throw new ArgumentException($"Nøkkelen må ha minst {MinimumLength} tegn.", nameof(secret));
        return secret;
    }
}
