using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Malekort.Web.Scorecard;

/// <summary>
/// HTML written straight as UTF-8 into one pooled buffer, with the same rule as <see cref="Html.Of"/>: in
/// <see cref="Write"/> the literals are markup and the holes are encoded unless they are <see cref="Html"/> already.
/// A page is written once, into bytes the response sends as they are, instead of strings nested in strings: a page of
/// 120 KiB built as strings was copied several times and every copy went to the large object heap.
/// </summary>
internal sealed class HtmlWriter : IDisposable
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
    private byte[] buffer;
    private int length;

    public HtmlWriter(int capacity = 16 * 1024) => buffer = ArrayPool<byte>.Shared.Rent(capacity);

    /// <summary>The bytes written so far.</summary>
    public int Length => length;

    /// <summary>What has been written. Valid until the next write or <see cref="Dispose"/>.</summary>
    public ReadOnlySpan<byte> Written => buffer.AsSpan(0, length);

    /// <summary>What has been written, for an asynchronous write. Valid until the next write or <see cref="Dispose"/>.</summary>
    public ReadOnlyMemory<byte> WrittenMemory => buffer.AsMemory(0, length);

    /// <summary>Markup with encoded holes: <c>writer.Write($"&lt;p&gt;{text}&lt;/p&gt;")</c>.</summary>
    public void Write([InterpolatedStringHandlerArgument("")] HtmlWriterTemplate template)
    {
        // The handler has written everything as the compiler called it.
    }

    /// <summary>Markup the caller vouches for: constants written in this project, or bytes this class wrote before.</summary>
    public void Markup(ReadOnlySpan<byte> utf8)
    {
        utf8.CopyTo(Reserve(utf8.Length));
        length += utf8.Length;
    }

    /// <summary>Markup the caller vouches for (see <see cref="Html.Trusted"/>).</summary>
    public void Markup(ReadOnlySpan<char> markup)
    {
        var written = Utf8.GetBytes(markup, Reserve(Utf8.GetMaxByteCount(markup.Length)));
        length += written;
    }

    /// <summary>Safe HTML made elsewhere.</summary>
    public void Append(Html html) => Markup(html.ToString());

    /// <summary>Text, encoded exactly as <see cref="Html.Text"/> encodes it.</summary>
    public void Text(ReadOnlySpan<char> text)
    {
        // Encoded as chars and then made UTF-8, the order Html.Text takes, so even a lone surrogate comes out the same
        // (&#xFFFD;); the encoder writes whole characters, so a chunk never ends inside one.
        Span<char> chunk = stackalloc char[1024];
        while (!text.IsEmpty)
        {
            var status = Html.Encoder.Encode(text, chunk, out var consumed, out var written);
            Markup(chunk[..written]);
            text = text[consumed..];
            if (status != OperationStatus.DestinationTooSmall) break;
        }
    }

    /// <summary>A number or other value in Norwegian (nb-NO), encoded: what <see cref="Html.Of"/> writes for a hole.</summary>
    public void Value<T>(T value)
    {
        switch (value)
        {
            case null:
                return;
            case ISpanFormattable formattable:
                Span<char> chars = stackalloc char[64];
                if (formattable.TryFormat(chars, out var written, default, NorwegianFormat.Culture))
                {
                    Text(chars[..written]);
                    return;
                }
                Text(formattable.ToString(null, NorwegianFormat.Culture));
                return;
            case IFormattable formattable:
                Text(formattable.ToString(null, NorwegianFormat.Culture));
                return;
            default:
                Text(value.ToString());
                return;
        }
    }

    /// <summary>A number in invariant culture as markup (SVG coordinates): digits, sign and point need no encoding.</summary>
    public void Invariant(double value, string format)
    {
        var span = Reserve(32);
        if (!value.TryFormat(span, out var written, format, CultureInfo.InvariantCulture))
            throw new InvalidOperationException("A coordinate did not fit in 32 bytes.");
        length += written;
    }

    /// <summary>The text as <see cref="Html"/>, for the callers that nest fragments as strings.</summary>
    public Html ToHtml() => Html.Trusted(Utf8.GetString(Written));

    /// <summary>A copy of the bytes, to keep after this writer's buffer has gone back to the pool.</summary>
    public byte[] ToArray() => Written.ToArray();

    public void Dispose()
    {
        var returned = buffer;
        buffer = [];
        length = 0;
        if (returned.Length > 0) ArrayPool<byte>.Shared.Return(returned);
    }

    private Span<byte> Reserve(int count)
    {
        ObjectDisposedException.ThrowIf(buffer.Length == 0, this);
        if (buffer.Length - length < count)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(buffer.Length * 2, length + count));
            buffer.AsSpan(0, length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = larger;
        }
        return buffer.AsSpan(length);
    }
}

/// <summary>The interpolated-string handler behind <see cref="HtmlWriter.Write"/>: literals are markup, holes are encoded.</summary>
[InterpolatedStringHandler]
internal readonly ref struct HtmlWriterTemplate
{
    private readonly HtmlWriter writer;

    public HtmlWriterTemplate(int literalLength, int formattedCount, HtmlWriter writer)
    {
        _ = literalLength;
        _ = formattedCount;
        this.writer = writer;
    }

    public void AppendLiteral(string markup) => writer.Markup(markup);

    public void AppendFormatted(Html html) => writer.Append(html);

    public void AppendFormatted(string? text) => writer.Text(text);

    /// <summary>Any other value is written in Norwegian (nb-NO) and encoded.</summary>
    public void AppendFormatted<T>(T value) => writer.Value(value);
}
