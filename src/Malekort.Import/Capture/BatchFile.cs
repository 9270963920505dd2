using System.Buffers;
using System.Security.Cryptography;
using System.Text.Unicode;
using Malekort.Import.Limits;

namespace Malekort.Import.Capture;

/// <summary>
/// One file of a batch, from a folder or a zip entry, never held whole (issue 13: a persons.csv of 5 M rows in a zip was, and
/// the import peaked at 1,1 GiB). When the batch is loaded each file is read through once, in a buffer of fixed size, for what
/// its readers need to know before they parse it (<see cref="Scan"/>) and for the batch's content hash; a reader then opens it
/// again and parses it as a stream.
/// </summary>
internal sealed class BatchFile
{
    /// <summary>How much of a file is in memory at a time while it is scanned.</summary>
    internal const int BufferBytes = 64 * 1024;

    private readonly Func<Stream> open;

    public BatchFile(string name, long length, Func<Stream> open)
    {
        Name = name;
        Length = length;
        this.open = open;
    }

    /// <summary>The name inside the batch.</summary>
    public string Name { get; }

    /// <summary>The length in bytes, as the folder or the zip says it; the file is read to exactly this length.</summary>
    public long Length { get; }

    /// <summary>What the scan found; set when the batch is loaded.</summary>
    public BatchFileScan Scan { get; private set; } = BatchFileScan.None;

    /// <summary>The file from its start, never past <see cref="Length"/>.</summary>
    public Stream Open() => new LengthLimitedStream(open(), Length);

    /// <summary>The whole file, for the small ones read as a document (batch.json).</summary>
    public byte[] ReadAll()
    {
        var bytes = new byte[Length];
        using var stream = Open();
        stream.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>
    /// Reads the file through once: adds it to the batch hash (<see cref="BatchHash"/>: name, NUL, length, bytes) and records
    /// whether it is UTF-8 (and the line of the first byte that is not), how many quotes and line feeds it has.
    /// </summary>
    /// <exception cref="InputLimitException">It does not hold as many bytes as it says (a lying zip header).</exception>
    public void ScanInto(IncrementalHash hash, string shown)
    {
        BatchHash.AppendHeader(hash, Name, Length);

        var buffer = new byte[BufferBytes];
        var chars = new char[BufferBytes];
        long total = 0, quotes = 0, lineFeeds = 0;
        var carried = 0;
        var invalidLine = 0L;
        var first = true;
        using (var stream = open())
        {
            while (true)
            {
                // The first read takes at least three bytes, so a byte order mark is seen whole.
                var read = first
                    ? stream.ReadAtLeast(buffer, 3, throwOnEndOfStream: false)
                    : stream.Read(buffer, carried, buffer.Length - carried);
                if (read == 0) break;
                total += read;
                if (total > Length) throw SizeDiffers(shown);
                var fresh = buffer.AsSpan(carried, read);
                hash.AppendData(fresh);
                quotes += fresh.Count((byte)'"');
                var chunk = buffer.AsSpan(0, carried + read);
                var start = first && chunk.StartsWith("\uFEFF"u8) ? 3 : 0;
                first = false;
                carried = 0;
                if (invalidLine == 0)
                {
                    var text = chunk[start..];
                    var status = Utf8.ToUtf16(text, chars, out var used, out _, replaceInvalidSequences: false, isFinalBlock: false);
                    // Bytes carried from the last read are the start of a character, never a line feed.
                    if (status == OperationStatus.InvalidData) invalidLine = lineFeeds + text[..used].Count((byte)'\n') + 1;
                    else if (status == OperationStatus.NeedMoreData)
                    {
                        // A character cut by the read is taken again with the next one.
                        text[used..].CopyTo(buffer);
                        carried = text.Length - used;
                    }
                }
                lineFeeds += fresh.Count((byte)'\n');
            }
        }
        if (total != Length) throw SizeDiffers(shown);
        // Bytes left over are the start of a character the file never finishes.
        if (invalidLine == 0 && carried > 0) invalidLine = lineFeeds + 1;
        Scan = new BatchFileScan(invalidLine == 0, (int)Math.Min(int.MaxValue, invalidLine), quotes, lineFeeds);
    }

    private static InputLimitException SizeDiffers(string shown) =>
        new($"{shown} pakker ut til en annen størrelse enn zip-filen oppgir; filen leses ikke.");
}

/// <summary>What a batch file's scan found.</summary>
/// <param name="IsUtf8">Whether the bytes (after an optional BOM) are UTF-8.</param>
/// <param name="InvalidLine">The line of the first byte that is not UTF-8; 0 when all are.</param>
/// <param name="Quotes">How many <c>"</c> it has (an odd count leaves one open).</param>
/// <param name="LineFeeds">How many line feeds it has (about how many rows).</param>
internal sealed record BatchFileScan(bool IsUtf8, int InvalidLine, long Quotes, long LineFeeds)
{
    public static BatchFileScan None { get; } = new(false, 1, 0, 0);
}

/// <summary>A read-only stream that ends after a given number of bytes of another, which it disposes.</summary>
internal sealed class LengthLimitedStream(Stream inner, long limit) : Stream
{
    private readonly long length = limit;
    private long left = limit;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => length;
    public override long Position { get => length - left; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (left <= 0) return 0;
        var read = inner.Read(buffer[..(int)Math.Min(buffer.Length, left)]);
        left -= read;
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
