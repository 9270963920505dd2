using System.Security.Cryptography;
using System.Text.Json;

namespace Malekort.Cli.Commands;

/// <summary>
/// What a backup folder holds (<c>manifest.json</c>): which database kind, the copy's file and its SHA-256, the data version it
/// was taken at, and which pseudonym key belongs to it (the first bytes of the key file's SHA-256, never the key). A restore
/// checks the copy against the hash and the key against the id before it changes anything.
/// </summary>
internal sealed record BackupManifest(
    string Format, DateTimeOffset CreatedAt, string Database, string File, string Sha256, long Bytes, long DataVersion, string? KeyId)
{
    public const string FileName = "manifest.json";
    public const string CurrentFormat = "malekort-backup/1";
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgresql";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public void Save(string folder) => System.IO.File.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, Json));

    /// <summary>The manifest of a backup folder; null when there is none or it is not one.</summary>
    public static BackupManifest? Load(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!System.IO.File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<BackupManifest>(System.IO.File.ReadAllText(path), Json) is { Format: CurrentFormat } manifest ? manifest : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string Sha256Of(string file)
    {
        using var stream = System.IO.File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>Names a key without revealing it: the first 16 hex digits of its file's SHA-256 (content trimmed).</summary>
    public static string KeyIdOf(string keyFile) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(System.IO.File.ReadAllText(keyFile).Trim())))[..16];
}
