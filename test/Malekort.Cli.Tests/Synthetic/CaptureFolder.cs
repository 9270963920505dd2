using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Malekort.Cli.Synthetic;

/// <summary>A CSV row: cells by column name. An empty cell reads as an empty string.</summary>
internal sealed class CsvRecord(IReadOnlyDictionary<string, int> columns, string[] cells, int line)
{
    public int Line { get; } = line;

    public string this[string column] => cells[columns[column]];

    public DateOnly Date(string column) => DateOnly.ParseExact(this[column], "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public DateOnly? OptionalDate(string column) => this[column].Length == 0 ? null : Date(column);
}

/// <summary>One CSV file of a batch, parsed with RFC 4180 quoting, independently of the generator's writer.</summary>
internal sealed class CsvTable
{
    private CsvTable(string[] header, List<CsvRecord> rows)
    {
        Header = header;
        Rows = rows;
    }

    public string[] Header { get; }

    public IReadOnlyList<CsvRecord> Rows { get; }

    public static CsvTable Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) throw new InvalidDataException($"{path}: has a BOM");
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        var records = Parse(text);
        var header = records[0];
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++) columns.Add(header[i], i);
        var rows = new List<CsvRecord>(records.Count - 1);
        for (var i = 1; i < records.Count; i++)
        {
            if (records[i].Length != header.Length)
                throw new InvalidDataException($"{path} line {i + 1}: {records[i].Length} cells, header has {header.Length}");
            rows.Add(new CsvRecord(columns, records[i], i + 1));
        }
        return new CsvTable(header, rows);
    }

    private static List<string[]> Parse(string text)
    {
        var records = new List<string[]>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"') cell.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else quoted = false;
                continue;
            }
            switch (c)
            {
                case '"': quoted = true; break;
                case ',': cells.Add(cell.ToString()); cell.Clear(); break;
                case '\r': break;
                case '\n':
                    cells.Add(cell.ToString());
                    cell.Clear();
                    records.Add([.. cells]);
                    cells.Clear();
                    break;
                default: cell.Append(c); break;
            }
        }
        if (cell.Length > 0 || cells.Count > 0) throw new InvalidDataException("the last row has no line end");
        return records;
    }
}

/// <summary>A generated batch folder read back: its batch.json and every CSV file in it.</summary>
internal sealed class CaptureFolder
{
    private CaptureFolder(string path, JsonElement header, Dictionary<string, CsvTable> files)
    {
        Path = path;
        Header = header;
        Files = files;
        Unit = header.GetProperty("unit").GetString()!;
        From = DateOnly.ParseExact(header.GetProperty("period_from").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        To = DateOnly.ParseExact(header.GetProperty("period_to").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        ExtractedAt = DateTimeOffset.Parse(header.GetProperty("extracted_at").GetString()!, CultureInfo.InvariantCulture);
    }

    public string Path { get; }
    public JsonElement Header { get; }
    public IReadOnlyDictionary<string, CsvTable> Files { get; }
    public string Unit { get; }
    public DateOnly From { get; }
    public DateOnly To { get; }
    public DateTimeOffset ExtractedAt { get; }

    public CsvTable this[string file] => Files[file];

    public static CaptureFolder Read(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(System.IO.Path.Combine(path, "batch.json")));
        var files = new Dictionary<string, CsvTable>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(path, "*.csv"))
            files.Add(System.IO.Path.GetFileName(file), CsvTable.Read(file));
        return new CaptureFolder(path, json.RootElement.Clone(), files);
    }
}
