using System.Buffers;
using System.Security.Cryptography;

namespace Malekort.Import.Kostra;

/// <summary>
/// The records of a KOSTRA file as SSB splits them (§1): ISO-8859-1, split on LF, one trailing CR trimmed, empty lines
/// dropped; line numbers are physical lines, so a finding points where an editor shows the record. The file is read in a
/// buffer of fixed size and each line kept in one of fixed size (issue 13: the reader held the file whole, as bytes, as one
/// string and as a string per line, five times its size): a line longer than <see cref="KeptChars"/> keeps only its start,
/// with its full length and first TAB, which is all rule 001 needs of a line no layout can read.
/// </summary>
internal sealed class KostraLines : IDisposable
{
    /// <summary>The characters kept of a line: more than the longest record (338), so a record is always kept whole.</summary>
    public const int KeptChars = 512;

    private readonly Stream stream;
    private readonly IncrementalHash? hash;
    private readonly byte[] buffer;
    private readonly char[] line = ArrayPool<char>.Shared.Rent(KeptChars);
    private int position;
    private int filled;
    private bool ended;
    // The line being read: its length so far, first TAB and last byte.
    private long length;
    private long tab = -1;
    private byte last;

    /// <param name="stream">The file from its start; disposed with this.</param>
    /// <param name="bufferBytes">How much of the file is read at a time.</param>
    /// <param name="hash">Takes every byte read, when given.</param>
    public KostraLines(Stream stream, int bufferBytes, IncrementalHash? hash)
    {
        this.stream = stream;
        this.hash = hash;
        buffer = ArrayPool<byte>.Shared.Rent(bufferBytes);
        BufferBytes = bufferBytes;
    }

    private int BufferBytes { get; }

    /// <summary>The physical line number of the current line, 1-based.</summary>
    public int Number { get; private set; }

    /// <summary>The current line's length in characters, without the trailing CR.</summary>
    public long Length { get; private set; }

    /// <summary>The 0-based position of the current line's first TAB, or -1.</summary>
    public long FirstTab { get; private set; }

    /// <summary>The current line's first <see cref="KeptChars"/> characters (all of it when shorter); valid until <see cref="Next"/>.</summary>
    public ReadOnlyMemory<char> Text => line.AsMemory(0, (int)Math.Min(Length, KeptChars));

    /// <summary>Moves to the next line that is not empty; false at the end of the file.</summary>
    public bool Next()
    {
        while (true)
        {
            if (position == filled)
            {
                if (ended) return false;
                filled = stream.Read(buffer, 0, BufferBytes);
                position = 0;
                if (filled == 0)
                {
                    // The text after the last LF is a line too (empty when the file ends with one, and then dropped).
                    ended = true;
                    if (EndLine()) return true;
                    continue;
                }
                hash?.AppendData(buffer, 0, filled);
            }
            var rest = buffer.AsSpan(position, filled - position);
            var lf = rest.IndexOf((byte)'\n');
            var segment = lf < 0 ? rest : rest[..lf];
            Append(segment);
            position += lf < 0 ? rest.Length : lf + 1;
            if (lf >= 0 && EndLine()) return true;
        }
    }

    private void Append(ReadOnlySpan<byte> segment)
    {
        if (segment.IsEmpty) return;
        if (length < KeptChars)
        {
            // ISO-8859-1 is the first 256 code points, one byte each.
            var kept = segment[..(int)Math.Min(segment.Length, KeptChars - length)];
            for (var i = 0; i < kept.Length; i++) line[length + i] = (char)kept[i];
        }
        if (tab < 0 && segment.IndexOf((byte)'\t') is var at and >= 0) tab = length + at;
        length += segment.Length;
        last = segment[^1];
    }

    /// <summary>Ends the line read so far; true when it is not empty.</summary>
    private bool EndLine()
    {
        Number++;
        Length = length > 0 && last == (byte)'\r' ? length - 1 : length;
        FirstTab = tab;
        length = 0;
        tab = -1;
        last = 0;
        return Length > 0;
    }

    public void Dispose()
    {
        stream.Dispose();
        ArrayPool<byte>.Shared.Return(buffer);
        ArrayPool<char>.Shared.Return(line);
    }
}
