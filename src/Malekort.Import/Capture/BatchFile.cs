using System.Buffers;
using System.Security.Cryptography;
using System.Text.Unicode;
using Malekort.Import.Limits;

namespace Malekort.Import.Capture;

/// <summary>
/// One file of a batch, from a folder or a zip entry. When the batch is loaded each file is read through once for the batch's
/// content hash and for what its reader must know before it parses (<see cref="Scan"/>). A file of at most
/// <see cref="WholeFileBytes"/> is kept from that read and parsed from memory; a larger one is never held whole (issue 13: a
/// persons.csv of 5 M rows in a zip was, and the import peaked at 1,1 GiB): it is scanned in a buffer of fixed size and opened
/// again as a stream by its reader.
/// </summary>
/// <remarks>
/// Why two ways (issue 14): streaming every file cost each one a second open and about 400 KiB of buffers, which on a batch's
/// dozen small files was more than the files (a 1/8 national import allocated 11,7 GB and ran 2 500 full collections for
/// 77 MiB of CSV, and capture import ran at half its speed). Above <see cref="WholeFileBytes"/> those fixed costs are under a
/// twentieth of the file's own bytes, so streaming costs little there.
/// </remarks>
internal sealed class BatchFile
{
    /// <summary>How much of a streamed file is in memory at a time while it is scanned and parsed.</summary>
    internal const int BufferBytes = 64 * 1024;

    /// <summary>
    /// The largest file read whole: 95 % of the national benchmark's CSV bytes are in files below it (its largest file is
    /// 7 MB, Bergen's payments over 15 months), and it keeps what one batch holds small (<see cref="WholeBatchBytes"/>).
    /// </summary>
    internal const long WholeFileBytes = 4L * 1024 * 1024;

    /// <summary>
    /// The most one batch holds whole at a time, all its whole files together (the largest national batch is 11 MB); a file
    /// that would pass it is streamed, so a batch's files in memory never exceed this whatever the batch holds.
    /// </summary>
    internal const long WholeBatchBytes = 16L * 1024 * 1024;

    /// <summary>
    /// The reader's buffer for a file held whole: <see cref="StreamReader"/>'s default. It decodes into the CSV reader's own
    /// buffer, so a larger one only costs allocation (4 KiB cost a 1/8 national import 270 MiB more).
    /// </summary>
    private const int WholeReaderBufferBytes = 1024;

    private readonly Func<Stream> open;
    private byte[]? whole;

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

    /// <summary>Whether the file was kept whole when it was scanned (else it is streamed).</summary>
    public bool IsWhole => whole is not null;

    /// <summary>The size of buffer a text reader of <see cref="Open"/> needs.</summary>
    public int ReaderBufferBytes => whole is null ? BufferBytes : WholeReaderBufferBytes;

    /// <summary>The file from its start, never past <see cref="Length"/>.</summary>
    public Stream Open() =>
        whole is not null ? new MemoryStream(whole, writable: false) : new LengthLimitedStream(open(), Length);

    /// <summary>The whole file, for the small ones read as a document (batch.json).</summary>
    public byte[] ReadAll()
    {
        if (whole is not null) return whole;
        var bytes = new byte[Length];
        using var stream = Open();
        stream.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>
    /// Reads the file through once: adds it to the batch hash (<see cref="BatchHash"/>: name, NUL, length, bytes) and records
    /// whether it is UTF-8 (and the line of the first byte that is not), how many quotes and line feeds it has. With
    /// <paramref name="keep"/> the bytes are kept for the reader (a file of at most <see cref="WholeFileBytes"/>); the scan's
    /// findings are the same either way (<c>WholeAndStreamedFilesTests</c>).
    /// </summary>
    /// <exception cref="InputLimitException">It does not hold as many bytes as it says (a lying zip header).</exception>
    public void ScanInto(IncrementalHash hash, string shown, bool keep)
    {
        BatchHash.AppendHeader(hash, Name, Length);
        if (keep) ScanWhole(hash, shown);
        else ScanStreamed(hash, shown);
    }

    private void ScanWhole(IncrementalHash hash, string shown)
    {
        var bytes = new byte[Length];
        using (var stream = open())
        {
            if (stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false) != bytes.Length) throw SizeDiffers(shown);
            // One byte more than it says is as wrong as one less.
            Span<byte> past = stackalloc byte[1];
            if (stream.Read(past) != 0) throw SizeDiffers(shown);
        }
        hash.AppendData(bytes);
        var body = bytes.AsSpan(bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0);
        var invalidLine = Utf8.IsValid(body) ? 0 : LineOfInvalidUtf8(body);
        Scan = new BatchFileScan(invalidLine == 0, invalidLine, bytes.AsSpan().Count((byte)'"'), bytes.AsSpan().Count((byte)'\n'));
        whole = bytes;
    }

    /// <summary>The line of the first byte of <paramref name="body"/> (known not to be UTF-8) that does not begin a character.</summary>
    private static int LineOfInvalidUtf8(ReadOnlySpan<byte> body)
    {
        var chars = ArrayPool<char>.Shared.Rent(BufferBytes);
        try
        {
            var offset = 0;
            while (offset < body.Length)
            {
                var status = Utf8.ToUtf16(body[offset..], chars, out var read, out _, replaceInvalidSequences: false);
                offset += read;
                // A character the file never finishes (need more data at its end) is not UTF-8 either, on the line it starts.
                if (status is OperationStatus.InvalidData or OperationStatus.NeedMoreData) break;
            }
            return body[..offset].Count((byte)'\n') + 1;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private void ScanStreamed(IncrementalHash hash, string shown)
    {
        // Pooled: a batch of many files would otherwise allocate these for each, and the char buffer is a large object.
        var buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
        var chars = ArrayPool<char>.Shared.Rent(BufferBytes);
        try
        {
            Scan = ScanStreamed(hash, shown, buffer.AsSpan(0, BufferBytes), chars.AsSpan(0, BufferBytes));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private BatchFileScan ScanStreamed(IncrementalHash hash, string shown, Span<byte> buffer, Span<char> chars)
    {
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
                    : stream.Read(buffer[carried..]);
                if (read == 0) break;
                total += read;
                if (total > Length) throw SizeDiffers(shown);
                var fresh = buffer.Slice(carried, read);
                hash.AppendData(fresh);
                quotes += fresh.Count((byte)'"');
                var chunk = buffer[..(carried + read)];
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
        return new BatchFileScan(invalidLine == 0, (int)Math.Min(int.MaxValue, invalidLine), quotes, lineFeeds);
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
