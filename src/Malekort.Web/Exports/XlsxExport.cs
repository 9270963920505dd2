using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace Malekort.Web.Exports;

/// <summary>
/// A table as an Excel workbook (SpreadCheetah, streamed): one sheet, the Norwegian headings in bold as a frozen first row, numbers as number cells, no value as an empty cell and a hidden one as «:». Text is written as text, never as a formula, so no
/// guard is needed as in CSV.
/// </summary>
public static class XlsxExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task WriteAsync<TRow>(Stream output, ExportTable<TRow> table, IEnumerable<TRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rows);
        await using var spreadsheet = await Spreadsheet.CreateNewAsync(output, cancellationToken: cancellationToken);
        var options = new WorksheetOptions { FrozenRows = 1 };
        for (var i = 0; i < table.Columns.Count; i++) options.Column(i + 1).Width = table.Columns[i].Width;
        await spreadsheet.StartWorksheetAsync(table.SheetName, options, cancellationToken);
        var heading = spreadsheet.AddStyle(new Style { Font = { Bold = true } });
        await spreadsheet.AddHeaderRowAsync(table.Columns.Select(c => c.Heading).ToList(), heading, cancellationToken);
        var cells = new DataCell[table.Columns.Count];
        foreach (var row in rows)
        {
            for (var i = 0; i < cells.Length; i++) cells[i] = Cell(table.Columns[i].Cell(row));
            await spreadsheet.AddRowAsync(cells, cancellationToken);
        }
        await spreadsheet.FinishAsync(cancellationToken);
    }

    private static DataCell Cell(ExportCell cell) => cell.Type switch
    {
        null => cell.IsHidden ? new DataCell(ExportCell.HiddenText) : default,
        ColumnType.Text => new DataCell(cell.Text),
        ColumnType.Integer => new DataCell(cell.Integer),
        ColumnType.Decimal => new DataCell(cell.Decimal),
        _ => new DataCell(cell.Boolean),
    };
}
