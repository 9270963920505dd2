using System.Buffers;
using System.Text;

namespace Malekort.Web.Pages;

/// <summary>
/// A <see cref="TextWriter"/> into one pooled UTF-8 buffer: a page is rendered into it whole and then sent in one write with
/// its length, without a page-sized string on the large object heap. The renderer writes many short strings (a tag name, an
/// attribute, a word), so they are gathered as chars and encoded a few thousand at a time.
/// </summary>
internal sealed class Utf8TextWriter : TextWriter
{
    private const int CharsPerEncode = 4096;

    private readonly Encoder encoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetEncoder();
    private char[] chars = ArrayPool<char>.Shared.Rent(CharsPerEncode);
    private int charCount;
    private byte[] bytes;
    private int byteCount;

    public Utf8TextWriter(int capacity) => bytes = ArrayPool<byte>.Shared.Rent(capacity);

    public override Encoding Encoding => Encoding.UTF8;

    /// <summary>Everything written, as UTF-8; valid until <see cref="IDisposable.Dispose"/>.</summary>
    public ReadOnlyMemory<byte> Written
    {
        get
        {
            Encode(flush: true);
            return bytes.AsMemory(0, byteCount);
        }
    }

    public override void Write(char value)
    {
        if (charCount == chars.Length) Encode(flush: false);
        chars[charCount++] = value;
    }

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        while (!buffer.IsEmpty)
        {
            if (charCount == chars.Length) Encode(flush: false);
            var n = Math.Min(buffer.Length, chars.Length - charCount);
            buffer[..n].CopyTo(chars.AsSpan(charCount));
            charCount += n;
            buffer = buffer[n..];
        }
    }

    // Without flush, a high surrogate at the end waits in the encoder for its other half.
    private void Encode(bool flush)
    {
        var needed = Encoding.GetMaxByteCount(charCount + 1);
        if (bytes.Length - byteCount < needed)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(bytes.Length * 2, byteCount + needed));
            bytes.AsSpan(0, byteCount).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(bytes);
            bytes = larger;
        }
        byteCount += encoder.GetBytes(chars.AsSpan(0, charCount), bytes.AsSpan(byteCount), flush);
        charCount = 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && bytes.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
            bytes = [];
            chars = [];
        }
        base.Dispose(disposing);
    }
}
