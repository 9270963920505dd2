using System.Security.Cryptography;
using System.Text;
using static System.FormattableString;

namespace Malekort.Import.Pseudonyms;

/// <summary>
/// The secret key behind the fødselsnummer pseudonyms. It lives outside the database, so a copy of the database alone cannot
/// be linked back to people by hashing candidate numbers. A key has one or more generations of 32 random bytes: rotation
/// (<see cref="Rotated"/>) adds one, and a pseudonym is the chain of HMACs through every generation (<see cref="Pseudonymizer"/>),
/// so stored pseudonyms can be carried to the new key without the numbers they came from, and neither the old key file nor a
/// database copy alone is enough to link them.
/// </summary>
public sealed class PseudonymKey
{
    /// <summary>The length of one generation in bytes.</summary>
    public const int Length = 32;

    /// <summary>The environment variable that names the key file when no path is given.</summary>
    public const string FileVariable = "MALEKORT_PSEUDONYM_KEY_FILE";

    /// <summary>The fixed text whose pseudonym is the key's fingerprint: it is no fødselsnummer, so it reveals nothing.</summary>
    private const string FingerprintText = "malekort:nøkkelens-fingeravtrykk";

    private static readonly UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly byte[][] generations;

    private PseudonymKey(byte[][] generations, string? path)
    {
        this.generations = generations;
        Path = path;
        Fingerprint = new Pseudonymizer(this).Of(FingerprintText)[1..17];
    }

    /// <summary>The file the key was read from or written to; <c>null</c> for a key made in memory.</summary>
    public string? Path { get; }

    /// <summary>
    /// 16 hex digits that name the key (all its generations) without revealing it: stored in the database, shown in messages,
    /// compared before every import.
    /// </summary>
    public string Fingerprint { get; }

    /// <summary>How many generations the key has: 1, and one more per rotation.</summary>
    public int Generations => generations.Length;

    internal IReadOnlyList<byte[]> GenerationBytes => generations;

    /// <summary>A key from its 32 bytes (tests and synthetic data; real installations use a key file).</summary>
    /// <exception cref="ArgumentException">The key is not 32 bytes.</exception>
    public static PseudonymKey FromBytes(ReadOnlySpan<byte> key) => key.Length == Length
        ? new PseudonymKey([key.ToArray()], null)
        : throw new ArgumentException(Invariant($"Pseudonymnøkkelen må være {Length} byte, ikke {key.Length}."), nameof(key));

    /// <summary>This key with one more generation of random bytes, not yet saved anywhere.</summary>
    public PseudonymKey Rotated() => new([.. generations, RandomNumberGenerator.GetBytes(Length)], null);

    /// <summary>
    /// Reads the key from <paramref name="path"/>, else the file named by <c>MALEKORT_PSEUDONYM_KEY_FILE</c>, else
    /// <c>$XDG_CONFIG_HOME/malekort/pseudonym.key</c> (<c>~/.config/malekort/pseudonym.key</c>). A missing file is created with
    /// 32 random bytes, readable by its owner only. Imports use <see cref="StoreKey"/>, which creates a key only for a database
    /// without persons.
    /// </summary>
    /// <exception cref="InvalidDataException">The file exists but does not hold base64 32-byte keys.</exception>
    /// <exception cref="IOException">The file cannot be read or created.</exception>
    public static PseudonymKey LoadOrCreate(string? path = null)
    {
        var resolved = ResolvePath(path);
        return File.Exists(resolved) ? Load(resolved) : Create(resolved) ?? Load(resolved);
    }

    /// <summary>Where the key file is, by the order <see cref="LoadOrCreate"/> documents.</summary>
    public static string ResolvePath(string? path) => ResolvePath(path, Environment.GetEnvironmentVariable);

    internal static string ResolvePath(string? path, Func<string, string?> environment)
    {
        if (!string.IsNullOrWhiteSpace(path)) return path;
        var fromVariable = environment(FileVariable);
        if (!string.IsNullOrWhiteSpace(fromVariable)) return fromVariable;
        var configHome = environment("XDG_CONFIG_HOME");
        if (string.IsNullOrWhiteSpace(configHome))
            configHome = System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        return System.IO.Path.Combine(configHome, "malekort", "pseudonym.key");
    }

    /// <summary>Reads a key file: one generation a line, oldest first, each 32 bytes in base64.</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidDataException">A line is not a base64 32-byte key, or there is none.</exception>
    public static PseudonymKey Load(string path)
    {
        var generations = new List<byte[]>();
        foreach (var line in File.ReadLines(path))
        {
            var text = line.Trim();
            if (text.Length == 0) continue;
            var key = new byte[Length];
            if (!Convert.TryFromBase64String(text, key, out var written) || written != Length)
                throw new InvalidDataException(Invariant($"Pseudonymnøkkelen i {path} er ikke {Length} byte i base64 (linje {generations.Count + 1}). ")
                    + "Uten riktig nøkkel kan ikke data kobles til tidligere importer.");
            generations.Add(key);
        }
        if (generations.Count == 0)
            throw new InvalidDataException($"Nøkkelfilen {path} er tom. Uten riktig nøkkel kan ikke data kobles til tidligere importer.");
        return new PseudonymKey([.. generations], path);
    }

    /// <summary>
    /// Creates the key file with a new random key, readable by its owner only; <c>null</c> when the file exists already (another
    /// process created it first).
    /// </summary>
    public static PseudonymKey? Create(string path)
    {
        var key = new PseudonymKey([RandomNumberGenerator.GetBytes(Length)], path);
        return key.TryWrite(path) ? key : null;
    }

    /// <summary>
    /// Writes the key to a new file (never over an existing one), readable by its owner only, and flushed to disk; false when
    /// the file exists.
    /// </summary>
    public bool TryWrite(string path)
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
            else Directory.CreateDirectory(folder, OwnerOnly | UnixFileMode.UserExecute);
        }
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnly;
        try
        {
            using var stream = new FileStream(path, options);
            using var writer = new StreamWriter(stream, new UTF8Encoding(false));
            foreach (var generation in generations)
            {
                writer.Write(Convert.ToBase64String(generation));
                writer.Write('\n');
            }
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
        return true;
    }

    /// <summary>The key as read from <paramref name="path"/> after it was written there.</summary>
    public PseudonymKey At(string path) => new(generations, path);
}
