using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using System.Xml.Linq;
using nietras.SeparatedValues;

namespace Malekort.Testing.Exports;

/// <summary>
/// Reads what the exports write, as a reader of the formats would: CSV with Sep, an xlsx by opening its zip and reading the
/// sheet's XML, and JSON-stat by its dimensions. Each gives cells as text: numbers invariant, yes/no as <c>true</c>/<c>false</c>,
/// and no value as null, so the three can be compared cell by cell.
/// </summary>
public static class ExportFiles
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>The CSV's rows, header first; an empty cell is null.</summary>
    public static List<string?[]> Csv(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var reader = Sep.Reader(o => o with { Unescape = true, HasHeader = false }).FromText(text.TrimStart('\uFEFF'));
        var rows = new List<string?[]>();
        foreach (var row in reader)
        {
            var cells = new string?[row.ColCount];
            for (var i = 0; i < cells.Length; i++) cells[i] = row[i].ToString() is { Length: > 0 } cell ? cell : null;
            rows.Add(cells);
        }
        return rows;
    }

    /// <summary>The first sheet's rows, header first, by reading <c>xl/worksheets/sheet1.xml</c> (and shared strings, if any).</summary>
    public static List<string?[]> Xlsx(Stream workbook)
    {
        using var zip = new ZipArchive(workbook, ZipArchiveMode.Read);
        var shared = zip.GetEntry("xl/sharedStrings.xml") is { } entry
            ? XDocument.Load(entry.Open()).Root!.Elements(Main + "si").Select(si => string.Concat(si.Descendants(Main + "t").Select(t => t.Value))).ToList()
            : [];
        var sheet = XDocument.Load((zip.GetEntry("xl/worksheets/sheet1.xml") ?? throw new InvalidDataException("Regnearket har ikke sheet1.xml.")).Open());
        var rows = new List<string?[]>();
        foreach (var row in sheet.Descendants(Main + "row"))
        {
            var cells = new SortedDictionary<int, string?>();
            var next = 0;
            foreach (var c in row.Elements(Main + "c"))
            {
                var column = c.Attribute("r") is { } r ? ColumnIndex(r.Value) : next;
                next = column + 1;
                var value = c.Element(Main + "v")?.Value;
                cells[column] = (string?)c.Attribute("t") switch
                {
                    "inlineStr" => string.Concat(c.Descendants(Main + "t").Select(t => t.Value)),
                    "s" => shared[int.Parse(value!, CultureInfo.InvariantCulture)],
                    "str" => value,
                    "b" => value == "1" ? "true" : "false",
                    _ => value,
                };
            }
            var width = cells.Count == 0 ? 0 : cells.Keys.Max() + 1;
            rows.Add(Enumerable.Range(0, width).Select(i => cells.GetValueOrDefault(i) is { Length: > 0 } v ? v : null).ToArray());
        }
        return rows;
    }

    /// <summary>
    /// A JSON-stat 2.0 dataset's value at the categories named, by the row-major order of <c>id</c> and <c>size</c>; and its status.
    /// </summary>
    public static (JsonElement Value, string? Status) JsonStatCell(JsonElement dataset, params string[] categories)
    {
        var ids = dataset.GetProperty("id").EnumerateArray().Select(i => i.GetString()!).ToArray();
        var sizes = dataset.GetProperty("size").EnumerateArray().Select(s => s.GetInt32()).ToArray();
        var index = 0;
        for (var d = 0; d < ids.Length; d++)
        {
            var position = dataset.GetProperty("dimension").GetProperty(ids[d]).GetProperty("category").GetProperty("index").GetProperty(categories[d]).GetInt32();
            index = index * sizes[d] + position;
        }
        var status = dataset.TryGetProperty("status", out var s) && s.TryGetProperty(index.ToString(CultureInfo.InvariantCulture), out var st) ? st.GetString() : null;
        return (dataset.GetProperty("value")[index], status);
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var ch in reference.TakeWhile(char.IsLetter)) index = index * 26 + (ch - 'A' + 1);
        return index - 1;
    }
}
