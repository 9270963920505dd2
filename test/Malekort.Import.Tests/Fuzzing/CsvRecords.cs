using System.Text;

namespace Malekort.Import.Fuzzing;

/// <summary>One record of a CSV text: its raw text and its cells with RFC 4180 quotes removed.</summary>
internal sealed record CsvRecord(string Raw, IReadOnlyList<string> Cells);

/// <summary>
/// An independent splitter for the fuzz oracle, written apart from the readers so a reader that drops or invents a row
/// is caught: a quote anywhere in a cell toggles quoting (as Sep does), and <c>\r\n</c>, <c>\n</c> or <c>\r</c> outside
/// quotes ends a record.
/// </summary>
internal static class CsvRecords
{
    public static List<CsvRecord> Split(string text, char separator)
    {
        var records = new List<CsvRecord>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var raw = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!quoted && (c == '\n' || c == '\r'))
            {
                cells.Add(cell.ToString());
                records.Add(new CsvRecord(raw.ToString(), [.. cells]));
                cells.Clear();
                cell.Clear();
                raw.Clear();
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                continue;
            }
            raw.Append(c);
            if (c == '"')
            {
                // A doubled quote inside quotes is one quote character.
                if (quoted && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    raw.Append('"');
                    i++;
                }
                else quoted = !quoted;
                continue;
            }
            if (!quoted && c == separator)
            {
                cells.Add(cell.ToString());
                cell.Clear();
                continue;
            }
            cell.Append(c);
        }
        if (raw.Length > 0 || cells.Count > 0)
        {
            cells.Add(cell.ToString());
            records.Add(new CsvRecord(raw.ToString(), [.. cells]));
        }
        return records;
    }

    /// <summary>The data records after the header that are not blank by <paramref name="blank"/>.</summary>
    public static int DataRows(string text, char separator, Func<CsvRecord, bool> blank) =>
        Split(text, separator).Skip(1).Count(r => !blank(r));

    /// <summary>Capture format v1 skips a line with nothing on it (spec "CSV rules"; <c>CsvTable.RowEnumerator</c>).</summary>
    public static bool EmptyLine(CsvRecord record) => record.Raw.Length == 0;

    /// <summary>The office register and SSB files also skip a line of only spaces.</summary>
    public static bool WhitespaceLine(CsvRecord record) => record.Cells.Count == 1 && record.Cells[0].Trim().Length == 0;

    /// <summary>UTF-8 text without its BOM.</summary>
    public static string Utf8(byte[] bytes) =>
        Encoding.UTF8.GetString(bytes.AsSpan().StartsWith("\uFEFF"u8) ? bytes.AsSpan(3) : bytes);
}
