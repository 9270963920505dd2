using System.Text.Json;
using Malekort.Web.Api;

namespace Malekort.Web.Exports;

/// <summary>How a category of a JSON-stat metric dimension is measured: its unit's label and the decimals to show.</summary>
public sealed record JsonStatUnit(string Label, int Decimals, string? Symbol = null);

/// <summary>
/// A dimension of a JSON-stat cube, read from a column of the table: the column's name is the dimension's id and its cells
/// the category ids, in the order they first appear.
/// </summary>
/// <param name="Column">The column whose cells are the category ids.</param>
/// <param name="Label">The dimension's Norwegian label.</param>
/// <param name="Role">JSON-stat's role: <c>geo</c>, <c>time</c> or <c>metric</c>.</param>
/// <param name="CategoryLabel">A category's label, from a row that has it.</param>
/// <param name="Unit">For a metric dimension: the unit of a category.</param>
/// <param name="Notes">Notes on a category (a source).</param>
public sealed record JsonStatDimension<TRow>(
    ExportColumn<TRow> Column,
    string Label,
    string Role,
    Func<TRow, string> CategoryLabel,
    Func<TRow, JsonStatUnit>? Unit = null,
    Func<TRow, IReadOnlyList<string>>? Notes = null);

/// <summary>
/// How a table's rows become a JSON-stat 2.0 dataset (https://json-stat.org/full/): its dimensions, the column whose cells
/// are the values, and the status of a row. A value that is empty is <c>null</c> and always has a status, never 0.
/// </summary>
/// <param name="Label">The dataset's label.</param>
/// <param name="Source">Who made it.</param>
/// <param name="Dimensions">The dimensions, outermost first (the order of <c>id</c> and <c>size</c>).</param>
/// <param name="Value">The column of the values.</param>
/// <param name="Status">A row's status code, or null for a plain value; an empty value without one gets <see cref="Missing"/>.</param>
/// <param name="StatusLabels">What each status code means, written under <c>extension.status</c>.</param>
/// <param name="Missing">The status of a combination without a row, or of an empty value without a status of its own.</param>
public sealed record JsonStatShape<TRow>(
    string Label,
    string Source,
    IReadOnlyList<JsonStatDimension<TRow>> Dimensions,
    ExportColumn<TRow> Value,
    Func<TRow, string?> Status,
    IReadOnlyDictionary<string, string> StatusLabels,
    string Missing);

/// <summary>Writes a table's rows as a JSON-stat 2.0 dataset by its <see cref="JsonStatShape{TRow}"/>.</summary>
public static class JsonStatExport
{
    public const string ContentType = "application/json; charset=utf-8";

    public static async Task WriteAsync<TRow>(Stream output, JsonStatShape<TRow> shape, IEnumerable<TRow> rows, DateTimeOffset updated,
        IReadOnlyList<string> notes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(notes);
        var dimensions = shape.Dimensions;
        // Categories in order of first appearance, each with the first row that has it (for its label, unit and notes).
        var categories = dimensions.Select(_ => new Dictionary<string, (int Index, TRow Row)>(StringComparer.Ordinal)).ToArray();
        var cells = new List<(int[] Position, TRow Row)>();
        foreach (var row in rows)
        {
            var position = new int[dimensions.Count];
            for (var d = 0; d < dimensions.Count; d++)
            {
                var id = dimensions[d].Column.Cell(row).Text ?? "";
                if (!categories[d].TryGetValue(id, out var category)) categories[d][id] = category = (categories[d].Count, row);
                position[d] = category.Index;
            }
            cells.Add((position, row));
        }
        var sizes = categories.Select(c => c.Count).ToArray();
        var count = sizes.Aggregate(1, (a, b) => checked(a * b));
        var values = new ExportCell?[count];
        var statuses = new string?[count];
        foreach (var (position, row) in cells)
        {
            var index = 0;
            for (var d = 0; d < sizes.Length; d++) index = index * sizes[d] + position[d];
            values[index] = shape.Value.Cell(row);
            statuses[index] = shape.Status(row);
        }
        for (var i = 0; i < count; i++)
        {
            if (values[i] is not { IsEmpty: false }) statuses[i] ??= shape.Missing;
        }

        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = ApiJson.Encoder, Indented = false });
        json.WriteStartObject();
        json.WriteString("version", "2.0");
        json.WriteString("class", "dataset");
        json.WriteString("label", shape.Label);
        json.WriteString("source", shape.Source);
        json.WriteString("updated", updated.ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture));
        if (notes.Count > 0) WriteStrings(json, "note", notes);
        WriteStrings(json, "id", dimensions.Select(d => d.Column.Name));
        json.WriteStartArray("size");
        foreach (var size in sizes) json.WriteNumberValue(size);
        json.WriteEndArray();
        json.WriteStartObject("role");
        foreach (var role in dimensions.GroupBy(d => d.Role)) WriteStrings(json, role.Key, role.Select(d => d.Column.Name));
        json.WriteEndObject();
        json.WriteStartObject("dimension");
        for (var d = 0; d < dimensions.Count; d++) WriteDimension(json, dimensions[d], categories[d]);
        json.WriteEndObject();
        json.WriteStartArray("value");
        foreach (var value in values)
        {
            if (value is { } cell) JsonRowsExport.WriteValue(json, cell);
            else json.WriteNullValue();
        }
        json.WriteEndArray();
        json.WriteStartObject("status");
        for (var i = 0; i < count; i++)
        {
            if (statuses[i] is { } status) json.WriteString(i.ToString(System.Globalization.CultureInfo.InvariantCulture), status);
        }
        json.WriteEndObject();
        json.WriteStartObject("extension");
        json.WriteStartObject("status");
        foreach (var (code, label) in shape.StatusLabels) json.WriteString(code, label);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }

    private static void WriteDimension<TRow>(Utf8JsonWriter json, JsonStatDimension<TRow> dimension, Dictionary<string, (int Index, TRow Row)> categories)
    {
        json.WriteStartObject(dimension.Column.Name);
        json.WriteString("label", dimension.Label);
        json.WriteStartObject("category");
        json.WriteStartObject("index");
        foreach (var (id, category) in categories) json.WriteNumber(id, category.Index);
        json.WriteEndObject();
        json.WriteStartObject("label");
        foreach (var (id, category) in categories) json.WriteString(id, dimension.CategoryLabel(category.Row));
        json.WriteEndObject();
        if (dimension.Unit is { } unitOf)
        {
            json.WriteStartObject("unit");
            foreach (var (id, category) in categories)
            {
                var unit = unitOf(category.Row);
                json.WriteStartObject(id);
                json.WriteString("label", unit.Label);
                json.WriteNumber("decimals", unit.Decimals);
                if (unit.Symbol is { } symbol)
                {
                    json.WriteString("symbol", symbol);
                    json.WriteString("position", "end");
                }
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        if (dimension.Notes is { } notesOf && categories.Any(c => notesOf(c.Value.Row).Count > 0))
        {
            json.WriteStartObject("note");
            foreach (var (id, category) in categories)
            {
                if (notesOf(category.Row) is { Count: > 0 } notes) WriteStrings(json, id, notes);
            }
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values) json.WriteStringValue(value);
        json.WriteEndArray();
    }
}
