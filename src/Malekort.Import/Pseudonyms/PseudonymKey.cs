using System.Security.Cryptography;
using static System.FormattableString;

namespace Malekort.Import.Pseudonyms;

/// <summary>
/// The secret key behind the fødselsnummer pseudonyms. It lives outside the database, so a copy of the database
/// alone cannot be linked back to people by hashing candidate numbers.
/// </summary>
public sealed class PseudonymKey
{
    /// <summary>The key length in bytes.</summary>
    public const int Length = 32;

    /// <summary>The environment variable that names the key file when no path is given.</summary>
    public const string FileVariable = "MALEKORT_PSEUDONYM_KEY_FILE";

    private readonly byte[] bytes;

    private PseudonymKey(byte[] bytes, string? path)
    {
        this.bytes = bytes;
        Path = path;
    }

    /// <summary>The file the key was read from or written to; <c>null</c> for a key made in memory.</summary>
    public string? Path { get; }

    internal ReadOnlySpan<byte> Bytes => bytes;

    /// <summary>A key from its 32 bytes (tests and synthetic data; real installations use <see cref="LoadOrCreate"/>).</summary>
    /// <exception cref="ArgumentException">The key is not 32 bytes.</exception>
    public static PseudonymKey FromBytes(ReadOnlySpan<byte> key) => key.Length == Length
        ? new PseudonymKey(key.ToArray(), null)
        : throw new ArgumentException(Invariant($"Pseudonymnøkkelen må være {Length} byte, ikke {key.Length}."), nameof(key));

    /// <summary>
    /// Reads the key (base64 of 32 bytes) from <paramref name="path"/>, else the file named by
    /// <c>MALEKORT_PSEUDONYM_KEY_FILE</c>, else <c>$XDG_CONFIG_HOME/malekort/pseudonym.key</c>
    /// (<c>~/.config/malekort/pseudonym.key</c>). A missing file is created with 32 random bytes, readable by its owner only.
    /// </summary>
    /// <exception cref="InvalidDataException">The file exists but does not hold a base64 32-byte key.</exception>
    /// <exception cref="IOException">The file cannot be read or created.</exception>
    public static PseudonymKey LoadOrCreate(string? path = null) =>
        LoadOrCreateAt(ResolvePath(path, Environment.GetEnvironmentVariable));

    /// <summary>Where the key file is, by the order <see cref="LoadOrCreate"/> documents.</summary>
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

    private static PseudonymKey LoadOrCreateAt(string path)
    {
        if (!File.Exists(path) && TryCreate(path) is { } created) return created;
        return Load(path);
    }

    private static PseudonymKey Load(string path)
    {
        var text = File.ReadAllText(path).Trim();
        var key = new byte[Length];
        if (!Convert.TryFromBase64String(text, key, out var written) || written != Length)
            throw new InvalidDataException(Invariant($"Pseudonymnøkkelen i {path} er ikke {Length} byte i base64. ")
                + "Uten riktig nøkkel kan ikke data kobles til tidligere importer.");
        return new PseudonymKey(key, path);
    }

    /// <summary>Creates the key file; <c>null</c> when another process created it first (then it is read instead).</summary>
    private static PseudonymKey? TryCreate(string path)
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
            else Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var key = RandomNumberGenerator.GetBytes(Length);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using var stream = new FileStream(path, options);
            using var writer = new StreamWriter(stream);
            writer.Write(Convert.ToBase64String(key));
            writer.Write('\n');
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }
        catch (IOException) when (File.Exists(path))
        {
            return null;
        }
        return new PseudonymKey(key, path);
    }
}
