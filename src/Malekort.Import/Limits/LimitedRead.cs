using System.Globalization;
using System.IO.Compression;

namespace Malekort.Import.Limits;

/// <summary>
/// Keeps one input's files and zip entries within <see cref="InputLimits"/>: a file no larger than its limit, a zip entry no
/// larger than it says and no more expanded than <see cref="InputLimits.ZipExpansion"/>, and all of them together no more than
/// <see cref="InputLimits.InputBytes"/>. Past a limit it throws <see cref="InputLimitException"/> before reading or allocating
/// what the input asks for. Small documents are read whole (<see cref="File"/>); a batch's files are streamed.
/// </summary>
internal sealed class LimitedRead
{
    private static readonly CultureInfo Norwegian = CultureInfo.GetCultureInfo("nb-NO");
    private long total;

    /// <summary>A whole file of at most <paramref name="limit"/> bytes; <paramref name="shown"/> names it in the message.</summary>
    public byte[] File(string path, string shown, long limit = InputLimits.FileBytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var length = CheckFile(stream.Length, shown, limit);
        var bytes = new byte[length];
        stream.ReadExactly(bytes);
        // A file that grew while it was read is read as far as it was when opened; the drop folder only reads quiet files.
        return bytes;
    }

    /// <summary>
    /// A file's length within <paramref name="limit"/>, counted against the input's total before any of it is read; the file
    /// is then read as a stream (<see cref="Capture.BatchFile"/>).
    /// </summary>
    public long CheckFile(long length, string shown, long limit = InputLimits.FileBytes)
    {
        if (length > limit)
            throw new InputLimitException(string.Create(Norwegian,
                $"{shown} er {Size(length)}, mer enn grensen på {Size(limit)} for én fil; ingen ekte leveranse er så stor."));
        Spend(length, shown);
        return length;
    }

    /// <summary>
    /// A zip entry's declared size, refused before anything is unpacked when it is over the limit for one file or expands like
    /// a zip bomb, and counted against the input's total. Its reader reads it as a stream to exactly this size, never past it.
    /// </summary>
    public long CheckEntry(ZipArchiveEntry entry, string shown)
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
        return length;
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
