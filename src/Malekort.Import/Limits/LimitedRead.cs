using System.Globalization;
using System.IO.Compression;

namespace Malekort.Import.Limits;

/// <summary>
/// Reads whole files and zip entries of one input within <see cref="InputLimits"/>: a file no larger than its limit, a zip
/// entry no larger than it says and no more expanded than <see cref="InputLimits.ZipExpansion"/>, and all of them together
/// no more than <see cref="InputLimits.InputBytes"/>. Past a limit it throws <see cref="InputLimitException"/> before
/// allocating what the input asks for.
/// </summary>
internal sealed class LimitedRead
{
    private static readonly CultureInfo Norwegian = CultureInfo.GetCultureInfo("nb-NO");
    private long total;

    /// <summary>A whole file of at most <paramref name="limit"/> bytes; <paramref name="shown"/> names it in the message.</summary>
    public byte[] File(string path, string shown, long limit = InputLimits.FileBytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var length = stream.Length;
        if (length > limit)
            throw new InputLimitException(string.Create(Norwegian,
                $"{shown} er {Size(length)}, mer enn grensen på {Size(limit)} for én fil; ingen ekte leveranse er så stor."));
        Spend(length, shown);
        var bytes = new byte[length];
        stream.ReadExactly(bytes);
        // A file that grew while it was read is read as far as it was when opened; the drop folder only reads quiet files.
        return bytes;
    }

    /// <summary>A zip entry, read only as far as its declared size and refused when it expands like a zip bomb.</summary>
    public byte[] Entry(ZipArchiveEntry entry, string shown)
    {
        var length = entry.Length;
        var allowed = Math.Min(InputLimits.FileBytes,
            Math.Max(InputLimits.ZipExpansionFloorBytes, entry.CompressedLength * (long)InputLimits.ZipExpansion));
        if (length > allowed)
            throw new InputLimitException(length > InputLimits.FileBytes
                ? string.Create(Norwegian, $"{shown} pakker ut til {Size(length)}, mer enn grensen på {Size(InputLimits.FileBytes)} for én fil.")
                : string.Create(Norwegian, $"{shown} pakker ut til {Size(length)} fra {Size(entry.CompressedLength)}, mer enn ")
                  + string.Create(Norwegian, $"{InputLimits.ZipExpansion} ganger så mye; det ligner en zip-bombe og leses ikke."));
        Spend(length, shown);
        var bytes = new byte[length];
        using var stream = entry.Open();
        var read = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
        // Never past the size the entry declares: a lying header cannot make the reader unpack more.
        if (read < bytes.Length || stream.ReadByte() >= 0)
            throw new InputLimitException($"{shown} pakker ut til en annen størrelse enn zip-filen oppgir; filen leses ikke.");
        return bytes;
    }

    private void Spend(long length, string shown)
    {
        total += length;
        if (total > InputLimits.InputBytes)
            throw new InputLimitException(string.Create(Norwegian,
                $"Leveransen pakker ut til mer enn grensen på {Size(InputLimits.InputBytes)} i alt (ved {shown})."));
    }

    /// <summary>A size in the unit that reads best: «240 KB», «1,5 GB».</summary>
    internal static string Size(long bytes) => bytes switch
    {
        < 1024 => string.Create(Norwegian, $"{bytes} byte"),
        < 1024 * 1024 => string.Create(Norwegian, $"{bytes / 1024.0:0.#} KB"),
        < 1024L * 1024 * 1024 => string.Create(Norwegian, $"{bytes / 1048576.0:0.#} MB"),
        _ => string.Create(Norwegian, $"{bytes / 1073741824.0:0.#} GB"),
    };
}
