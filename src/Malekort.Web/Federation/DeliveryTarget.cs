using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using Malekort.Units;

namespace Malekort.Web.Federation;

/// <summary>
/// An office's key at the central instance: the API token of the central account that may deliver for the office
/// (<c>malekort users token</c> there). <see cref="ToString"/> never shows the secret.
/// </summary>
internal sealed class DeliveryKey(UnitCode office, string secret)
{
    public UnitCode Office { get; } = office;

    public string Secret { get; } = secret;

    public override string ToString() => $"nøkkel for {Office}";
}

/// <summary>
/// Where a local instance delivers its published months (<c>serve --deliver-to</c>): the central instance's HTTPS address, one
/// key per office, and certificates to trust besides the system's (a county's own CA, or a test's self-signed certificate).
/// </summary>
public sealed class DeliveryTarget
{
    /// <summary>The first wait after a failed delivery; it doubles with every failure after it up to <see cref="LongestRetry"/>.</summary>
    public static readonly TimeSpan DefaultFirstRetry = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between two attempts at the same revision.</summary>
    public static readonly TimeSpan DefaultLongestRetry = TimeSpan.FromMinutes(10);

    private DeliveryTarget(Uri central, IReadOnlyList<DeliveryKey> keys, X509Certificate2Collection trusted)
    {
        Central = central;
        Keys = keys;
        Trusted = trusted;
    }

    /// <summary>The central instance's address (its root; the document goes to <c>api/sentral/leveranser</c> under it).</summary>
    public Uri Central { get; }

    /// <summary>The address with the delivery endpoint.</summary>
    public Uri Endpoint => new(Central, AggregateApi.Path.TrimStart('/'));

    /// <summary>Certificates trusted as roots besides the system's; empty: the system's only.</summary>
    public X509Certificate2Collection Trusted { get; }

    internal IReadOnlyList<DeliveryKey> Keys { get; }

    /// <summary>The offices this instance has a key for.</summary>
    public IEnumerable<UnitCode> Offices => Keys.Select(k => k.Office);

    /// <summary>The first wait after a failure.</summary>
    public TimeSpan FirstRetry { get; init; } = DefaultFirstRetry;

    /// <summary>The longest wait between attempts.</summary>
    public TimeSpan LongestRetry { get; init; } = DefaultLongestRetry;

    /// <summary>How long one attempt may take before it counts as failed.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(60);

    internal DeliveryKey? KeyOf(UnitCode office) => Keys.FirstOrDefault(k => k.Office == office);

    /// <summary>The wait after the <paramref name="failures"/>th failure in a row: first, twice that, … up to the longest.</summary>
    public TimeSpan RetryAfter(int failures)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        var wait = FirstRetry;
        for (var i = 1; i < failures && wait < LongestRetry; i++) wait += wait;
        return wait < LongestRetry ? wait : LongestRetry;
    }

    /// <summary>A target with the keys given.</summary>
    /// <param name="central">The central instance's address: <c>https://…</c>.</param>
    /// <param name="keys">One key per office.</param>
    /// <param name="trusted">Certificates to trust as roots besides the system's.</param>
    /// <param name="allowLoopbackHttp">Whether <c>http://</c> to this machine's own loopback address is allowed (<c>serve --allow-http-loopback</c>,
    /// tests and a central on the same host): nothing then leaves the machine unencrypted.</param>
    /// <exception cref="ArgumentException">The address is not HTTPS (nor allowed loopback HTTP), or a key is not an office's or is too short.</exception>
    public static DeliveryTarget Create(Uri central, IEnumerable<(UnitCode Office, string Secret)> keys, X509Certificate2Collection? trusted = null,
        bool allowLoopbackHttp = false)
    {
        ArgumentNullException.ThrowIfNull(central);
        var https = central.IsAbsoluteUri && central.Scheme == Uri.UriSchemeHttps;
        var loopback = central.IsAbsoluteUri && central.Scheme == Uri.UriSchemeHttp && central.IsLoopback;
        if (!https && !(loopback && allowLoopbackHttp))
            throw new ArgumentException(loopback
                    ? $"«{central}» er ukryptert http: det er bare tillatt til maskinens egen adresse når det er slått på (--allow-http-loopback)."
                    : $"Adressen til den sentrale instansen må være https://…, ikke «{central}»: tallene sendes bare kryptert.",
                nameof(central));
        var root = central.AbsoluteUri.EndsWith('/') ? central : new Uri(central.AbsoluteUri + "/");
        var list = new List<DeliveryKey>();
        foreach (var (office, secret) in keys)
        {
            if (office.Kind != UnitKind.Office) throw new ArgumentException($"{office} er ikke et NAV-kontor (NAV-nnnn).", nameof(keys));
            if (string.IsNullOrWhiteSpace(secret) || secret.Length < MinimumKeyLength)
                throw new ArgumentException($"Nøkkelen for {office} er kortere enn {MinimumKeyLength} tegn.", nameof(keys));
            if (list.Any(k => k.Office == office)) throw new ArgumentException($"{office} har to nøkler.", nameof(keys));
            list.Add(new DeliveryKey(office, secret));
        }
        if (list.Count == 0) throw new ArgumentException("Ingen kontorer har nøkkel til den sentrale instansen.", nameof(keys));
        return new DeliveryTarget(root, list, trusted ?? []);
    }

    /// <summary>Shorter secrets can be guessed over the network.</summary>
    public const int MinimumKeyLength = 16;

    /// <summary>
    /// Reads a key file: one office a line, <c>NAV-nnnn NØKKEL</c>; blank lines and lines starting with <c>#</c> are skipped.
    /// Errors name the file and line, never the secret.
    /// </summary>
    /// <exception cref="InvalidDataException">A line is not of that form.</exception>
    public static IReadOnlyList<(UnitCode Office, string Secret)> ReadKeys(string path)
    {
        var keys = new List<(UnitCode, string)>();
        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var where = string.Create(CultureInfo.InvariantCulture, $"{path}:{number}");
            if (parts.Length != 2)
                throw new InvalidDataException($"{where}: forventet «NAV-nnnn NØKKEL» (kontoret og nøkkelen det har hos den sentrale instansen).");
            if (!UnitCode.TryParse(parts[0], out var office) || office.Kind != UnitKind.Office)
                throw new InvalidDataException($"{where}: «{parts[0]}» er ikke et NAV-kontor (NAV-nnnn).");
            if (parts[1].Length < MinimumKeyLength) throw new InvalidDataException($"{where}: nøkkelen er kortere enn {MinimumKeyLength} tegn.");
            keys.Add((office, parts[1]));
        }
        return keys;
    }
}
