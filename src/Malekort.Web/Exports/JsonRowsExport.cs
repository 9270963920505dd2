using System.Text.Json;
using Malekort.Web.Api;

namespace Malekort.Web.Exports;

/// <summary>A table as a JSON array of objects, one property per column by its machine name; no value is <c>null</c>.</summary>
public static class JsonRowsExport
{
    // Written out in pieces of about this size, so a large table is never held whole.
    private const int FlushBytes = 32 * 1024;

    public static async Task WriteAsync<TRow>(Stream output, ExportTable<TRow> table, IEnumerable<TRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rows);
        var names = table.Columns.Select(c => JsonEncodedText.Encode(c.Name, ApiJson.Encoder)).ToArray();
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = ApiJson.Encoder, SkipValidation = true });
        json.WriteStartArray();
        foreach (var row in rows)
        {
            json.WriteStartObject();
            for (var i = 0; i < names.Length; i++)
            {
                json.WritePropertyName(names[i]);
                WriteValue(json, table.Columns[i].Cell(row));
            }
            json.WriteEndObject();
            if (json.BytesPending > FlushBytes) await json.FlushAsync(cancellationToken);
        }
        json.WriteEndArray();
        await json.FlushAsync(cancellationToken);
    }

    internal static void WriteValue(Utf8JsonWriter json, ExportCell cell)
    {
        switch (cell.Type)
        {
            case null: json.WriteNullValue(); break;
            case ColumnType.Text: json.WriteStringValue(cell.Text); break;
            case ColumnType.Integer: json.WriteNumberValue(cell.Integer); break;
            case ColumnType.Decimal: json.WriteNumberValue(cell.Decimal); break;
            default: json.WriteBooleanValue(cell.Boolean); break;
        }
    }
}
