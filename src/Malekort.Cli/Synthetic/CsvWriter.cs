using System.Text;

namespace Malekort.Cli.Synthetic;

/// <summary>
/// A small streaming CSV writer for capture batches (docs/capture-format.md, "CSV rules"): UTF-8 without BOM,
/// comma-separated, RFC 4180 quoting only where needed, <c>YYYY-MM-DD</c> dates, <c>.</c> decimals, <c>true</c>/<c>false</c>.
/// Formats numbers and dates by hand into its own buffer, so national volumes write without per-cell strings.
/// </summary>
internal sealed class CsvWriter : IDisposable
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private readonly StreamWriter writer;
    private readonly char[] buffer = new char[1 << 16];
    private int length;
    private bool rowStarted;

    public CsvWriter(string path, params ReadOnlySpan<string> header)
    {
        writer = new StreamWriter(path, append: false, Utf8NoBom, bufferSize: 1 << 16);
        foreach (var name in header) Text(name);
        EndRow();
    }

    public void Text(string? value)
    {
        Separator();
        if (string.IsNullOrEmpty(value)) return;
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            Append(value);
            return;
        }
        Append("\"");
        Append(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        Append("\"");
    }

    public void Empty() => Separator();

    public void Integer(long value)
    {
        Separator();
        Ensure(24);
        if (value < 0)
        {
            buffer[length++] = '-';
            value = -value;
        }
        var start = length;
        do
        {
            buffer[length++] = (char)('0' + value % 10);
            value /= 10;
        } while (value > 0);
        Array.Reverse(buffer, start, length - start);
    }

    /// <summary>An amount given in øre, written as kroner: <c>7210</c> or <c>1234.50</c>.</summary>
    public void Kroner(long ore)
    {
        Integer(ore / 100);
        var rest = ore % 100;
        if (rest == 0) return;
        Ensure(3);
        buffer[length++] = '.';
        buffer[length++] = (char)('0' + rest / 10);
        buffer[length++] = (char)('0' + rest % 10);
    }

    /// <summary>A date given as <see cref="DateOnly.DayNumber"/>; <see cref="SimDay.None"/> writes an empty cell.</summary>
    public void Date(int dayNumber)
    {
        Separator();
        if (dayNumber == SimDay.None) return;
        var date = DateOnly.FromDayNumber(dayNumber);
        Ensure(10);
        Digits(date.Year, 4);
        buffer[length++] = '-';
        Digits(date.Month, 2);
        buffer[length++] = '-';
        Digits(date.Day, 2);
    }

    public void Boolean(bool value)
    {
        Separator();
        Append(value ? "true" : "false");
    }

    public void EndRow()
    {
        Ensure(1);
        buffer[length++] = '\n';
        rowStarted = false;
    }

    public void Dispose()
    {
        Flush();
        writer.Dispose();
    }

    private void Separator()
    {
        if (rowStarted)
        {
            Ensure(1);
            buffer[length++] = ',';
        }
        rowStarted = true;
    }

    private void Digits(int value, int width)
    {
        for (var i = width - 1; i >= 0; i--)
        {
            buffer[length + i] = (char)('0' + value % 10);
            value /= 10;
        }
        length += width;
    }

    private void Append(string text)
    {
        if (text.Length > buffer.Length)
        {
            Flush();
            writer.Write(text);
            return;
        }
        Ensure(text.Length);
        text.CopyTo(0, buffer, length, text.Length);
        length += text.Length;
    }

    private void Ensure(int count)
    {
        if (length + count > buffer.Length) Flush();
    }

    private void Flush()
    {
        writer.Write(buffer, 0, length);
        length = 0;
    }
}
