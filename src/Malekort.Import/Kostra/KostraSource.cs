using System.Security.Cryptography;

namespace Malekort.Import.Kostra;

/// <summary>
/// A KOSTRA file the reader goes through more than once (<see cref="KostraReader"/>): held in memory, or opened again from
/// disk for each pass. A file on disk can change between passes, so each pass hashes what it reads and the reader compares.
/// </summary>
internal sealed class KostraSource
{
    /// <summary>How much of a file on disk is read at a time: <see cref="Capture.BatchFile"/>'s buffer.</summary>
    public const int FileBufferBytes = Capture.BatchFile.BufferBytes;

    private readonly byte[]? content;
    private readonly string? path;

    private KostraSource(byte[]? content, string? path, long length, int bufferBytes)
    {
        this.content = content;
        this.path = path;
        Length = length;
        BufferBytes = bufferBytes;
    }

    /// <summary>The file's length when the reading began.</summary>
    public long Length { get; }

    /// <summary>Whether the content can change between passes (a file read again from disk).</summary>
    public bool MayChange => content is null;

    /// <summary>How much is read at a time.</summary>
    public int BufferBytes { get; }

    public static KostraSource InMemory(byte[] content) => new(content, null, content.Length, Math.Clamp(content.Length, 1, FileBufferBytes));

    /// <param name="path">The file, opened again for each pass.</param>
    /// <param name="length">Its length when the reading began.</param>
    /// <param name="bufferBytes">Smaller than <see cref="FileBufferBytes"/> only in tests, to cut records across reads.</param>
    public static KostraSource OnDisk(string path, long length, int bufferBytes = FileBufferBytes) => new(null, path, length, bufferBytes);

    /// <summary>The first bytes, at most <paramref name="count"/>.</summary>
    public byte[] Head(int count)
    {
        if (content is not null) return content.AsSpan(0, (int)Math.Min(count, content.Length)).ToArray();
        using var stream = Open();
        var head = new byte[count];
        return head.AsSpan(0, stream.ReadAtLeast(head, count, throwOnEndOfStream: false)).ToArray();
    }

    /// <summary>The records from the start; <paramref name="hash"/> takes every byte read.</summary>
    public KostraLines Lines(IncrementalHash? hash = null) => new(Open(), BufferBytes, hash);

    /// <summary>The SHA-256 of the content held in memory; null for a file on disk, which is hashed as it is read.</summary>
    public byte[]? HashOfContent() => content is null ? null : SHA256.HashData(content);

    private Stream Open() => content is not null
        ? new MemoryStream(content, writable: false)
        // Read in the lines' own buffer, so the stream needs none.
        : new FileStream(path!, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
}
