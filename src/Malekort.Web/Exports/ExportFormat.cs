namespace Malekort.Web.Exports;

/// <summary>The formats a table is given in (<c>format=</c>): JSON rows by default, or CSV, xlsx or JSON-stat 2.0.</summary>
public enum ExportFormat
{
    Json,
    Csv,
    Xlsx,
    JsonStat,
}

/// <summary>The formats' names in a query string or on the command line, and what a reader of an error is told they are.</summary>
public static class ExportFormats
{
    /// <summary>The words an error lists.</summary>
    public const string Expected = "json, csv, xlsx eller jsonstat";

    public static bool TryParse(string text, out ExportFormat format)
    {
        ArgumentNullException.ThrowIfNull(text);
        switch (text.ToLowerInvariant())
        {
            case "json": format = ExportFormat.Json; return true;
            case "csv": format = ExportFormat.Csv; return true;
            case "xlsx": format = ExportFormat.Xlsx; return true;
            case "jsonstat": format = ExportFormat.JsonStat; return true;
            default: format = default; return false;
        }
    }

    /// <summary>The format's name as <see cref="TryParse"/> reads it and a file's extension is written.</summary>
    public static string Name(this ExportFormat format) => format switch
    {
        ExportFormat.Csv => "csv",
        ExportFormat.Xlsx => "xlsx",
        ExportFormat.JsonStat => "jsonstat",
        _ => "json",
    };

    /// <summary>The file name's extension: JSON-stat is JSON.</summary>
    public static string Extension(this ExportFormat format) => format == ExportFormat.JsonStat ? "json" : format.Name();

    /// <summary>
    /// Writes the rows in the format. CSV is UTF-8 with a byte order mark when <paramref name="byteOrderMark"/> (Excel then reads
    /// æ, ø and å right); JSON-stat needs <paramref name="shape"/>.
    /// </summary>
    public static async Task WriteAsync<TRow>(this ExportFormat format, Stream output, ExportTable<TRow> table, JsonStatShape<TRow> shape,
        IEnumerable<TRow> rows, DateTimeOffset updated, IReadOnlyList<string> notes, bool byteOrderMark, CancellationToken cancellationToken)
    {
        switch (format)
        {
            case ExportFormat.Csv:
                await using (var writer = new StreamWriter(output, new System.Text.UTF8Encoding(byteOrderMark), leaveOpen: true))
                {
                    await CsvExport.WriteAsync(writer, table, rows, cancellationToken);
                }
                break;
            case ExportFormat.Xlsx: await XlsxExport.WriteAsync(output, table, rows, cancellationToken); break;
            case ExportFormat.JsonStat: await JsonStatExport.WriteAsync(output, shape, rows, updated, notes, cancellationToken); break;
            default: await JsonRowsExport.WriteAsync(output, table, rows, cancellationToken); break;
        }
    }
}
