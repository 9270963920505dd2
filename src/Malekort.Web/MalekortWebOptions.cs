namespace Malekort.Web;

/// <summary>How the scorecard server runs.</summary>
public sealed class MalekortWebOptions
{
    /// <summary>Where Kestrel listens; port 0 picks a free port.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:5000";

    /// <summary>
    /// The drop folder (<c>serve --drop</c>): one folder per unit, watched, and every input dropped anywhere under it imported
    /// (see <c>docs/server-mode.md</c>). Null: no drop folder.
    /// </summary>
    public string? DropDirectory { get; init; }

    /// <summary>How long a dropped file or folder must stay unchanged before it is read, so half-copied files are never read.</summary>
    public TimeSpan DropQuietPeriod { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the drop folder is scanned even without a file system event (watchers miss events).</summary>
    public TimeSpan DropRescanInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How many units' folders are imported at the same time.</summary>
    public int DropParallelism { get; init; } = 2;

    /// <summary>
    /// Whether the server takes uploads (<c>POST /api/leveranser</c>, <c>serve --uploads</c>): from signed-in users (usually a
    /// token from <c>malekort users token</c>), each only for the units its role and unit allow. Needs <see cref="PseudonymKey"/>.
    /// </summary>
    public bool AcceptUploads { get; init; }

    /// <summary>The largest upload accepted, in bytes.</summary>
    public long UploadLimitBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>The largest body of any other request (publishing, forms), in bytes: they are a few hundred bytes.</summary>
    public long RequestLimitBytes { get; init; } = 1024 * 1024;

    /// <summary>
    /// How many imports (uploads and drops together) run at the same time; the rest wait their turn. Each holds its input's
    /// records in memory, so this bounds the memory imports take.
    /// </summary>
    public int ImportsAtOnce { get; init; } = 2;

    /// <summary>
    /// The pseudonym key imports use, checked against the database's (<c>StoreKey</c>); needed for a drop folder, uploads, and a
    /// person look-up by fødselsnummer.
    /// </summary>
    public Malekort.Import.Pseudonyms.PseudonymKey? PseudonymKey { get; init; }

    /// <summary>When the previous month is recomputed and published for every office (<c>serve --schedule</c>); null: never.</summary>
    public Capture.MonthlySchedule? Schedule { get; init; }

    /// <summary>Sign-in with an OpenID Connect provider; null: local accounts only (docs/security.md).</summary>
    public Access.OpenIdConnectSettings? OpenIdConnect { get; init; }

    /// <summary>Whether the sign-in page offers the demo users (<c>malekort demo</c> only): anyone may then sign in as them.</summary>
    public bool DemoSignIn { get; init; }

    /// <summary>How long a sign-in lasts without use.</summary>
    public TimeSpan SessionLifetime { get; init; } = TimeSpan.FromHours(8);

    /// <summary>
    /// A central instance (<c>serve --central</c>, docs/federation.md): its picture is the offices' delivered aggregates, it takes
    /// deliveries at <c>POST /api/sentral/leveranser</c>, and it refuses every input with person-level data.
    /// </summary>
    public bool Central { get; init; }

    /// <summary>Where this local instance delivers its published months (<c>serve --deliver-to</c>); null: nowhere.</summary>
    public Federation.DeliveryTarget? DeliverTo { get; init; }

    /// <summary>The server's TLS certificate with its private key (<c>serve --tls-cert/--tls-key</c>), for <c>https://</c> addresses.</summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2? Certificate { get; init; }

    /// <summary>How the server logs to standard output: JSON lines in server mode, readable text otherwise.</summary>
    public Operations.LogFormat LogFormat { get; init; } = Operations.LogFormat.Text;
}
