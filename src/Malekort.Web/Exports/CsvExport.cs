using Malekort.Export;

namespace Malekort.Web.Exports;

/// <summary>
/// A table as CSV (RFC 4180, comma, invariant numbers, an empty cell for no value, «:» for one the viewer may not see) through <see cref="CsvCells"/>, so no text
/// cell runs as a spreadsheet formula. The header row is the columns' machine names.
/// </summary>
public static class CsvExport
{
    public static async Task WriteAsync<TRow>(TextWriter output, ExportTable<TRow> table, IEnumerable<TRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rows);
        await output.WriteLineAsync(CsvCells.Row(table.Columns.Select(c => CsvCells.Text(c.Name))).AsMemory(), cancellationToken);
        foreach (var row in rows)
        {
            await output.WriteLineAsync(CsvCells.Row(table.Columns.Select(c => Cell(c.Cell(row)))).AsMemory(), cancellationToken);
        }
    }

    public static string Cell(ExportCell cell) => cell.Type switch
    {
        null => cell.IsHidden ? ExportCell.HiddenText : "",
        ColumnType.Text => CsvCells.Text(cell.Text),
        ColumnType.Integer => CsvCells.Number(cell.Integer),
        ColumnType.Decimal => CsvCells.Number(cell.Decimal, cell.Decimals),
        _ => cell.Boolean ? "true" : "false",
    };
}
