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
        // A long run (a part of the page kept rendered) is encoded where it is, not copied into the chars first.
        if (buffer.Length >= CharsPerEncode)
        {
            Encode(flush: false);
            Encode(buffer, flush: false);
            return;
        }
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
        Encode(chars.AsSpan(0, charCount), flush);
        charCount = 0;
    }

    // As much as fits, then a buffer twice the size for the rest: the buffer grows only when the page outgrows it.
    private void Encode(ReadOnlySpan<char> text, bool flush)
    {
        while (true)
        {
            // Room for at least one character (4 bytes), or Convert refuses.
            if (bytes.Length - byteCount < 8) Grow();
            encoder.Convert(text, bytes.AsSpan(byteCount), flush, out var charsUsed, out var bytesUsed, out var completed);
            byteCount += bytesUsed;
            text = text[charsUsed..];
            // Without flush, a high surrogate at the end stays in the encoder and «completed» stays false: done all the same.
            if (completed || (text.IsEmpty && !flush)) return;
            Grow();
        }
    }

    private void Grow()
    {
        var larger = ArrayPool<byte>.Shared.Rent(bytes.Length * 2);
        bytes.AsSpan(0, byteCount).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(bytes);
        bytes = larger;
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
