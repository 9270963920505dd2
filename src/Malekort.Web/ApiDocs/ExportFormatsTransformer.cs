using Malekort.Web.Exports;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Malekort.Web.ApiDocs;

/// <summary>
/// The columns of a table an endpoint gives, as endpoint metadata: the documentation's schema of its JSON rows is made from the
/// same declaration as the files (<see cref="ExportTable{TRow}"/>).
/// </summary>
internal sealed record ExportedColumns(IReadOnlyList<(string Name, ColumnType Type, string Description)> Columns)
{
    public static ExportedColumns Of<TRow>(ExportTable<TRow> table) => new(table.Columns.Select(c => (c.Name, c.Type, c.Description)).ToList());
}

/// <summary>
/// For an endpoint with a <c>format</c> parameter: its answer in each format (CSV and xlsx as files, JSON-stat and JSON rows
/// inline), and the JSON rows' schema from the table's columns when the endpoint names them (<see cref="ExportedColumns"/>).
/// </summary>
internal static class ExportFormatsTransformer
{
    public static Task Transform(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (QueryParameterTransformer.Handler(context) is not { } handler
            || !handler.GetParameters().Any(p => p.ParameterType == typeof(Parameters.Query<ExportFormat>))) return Task.CompletedTask;
        operation.Responses ??= [];
        var ok = operation.Responses.TryGetValue("200", out var found) && found is OpenApiResponse existing ? existing : new OpenApiResponse();
        ok.Description = "format=json (standard): JSON; format=csv: CSV (UTF-8, komma) som nedlasting; format=xlsx: regneark som nedlasting; " +
            "format=jsonstat: JSON-stat 2.0 med dimensjonene unit, month og indicator, der en tom verdi er null med status («:» skjermet, «.» ingen verdi).";
        ok.Content ??= new Dictionary<string, OpenApiMediaType>();
        var columns = context.Description.ActionDescriptor.EndpointMetadata.OfType<ExportedColumns>().FirstOrDefault();
        if (columns is not null) ok.Content["application/json"] = new OpenApiMediaType { Schema = Rows(columns) };
        ok.Content["text/csv"] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
        ok.Content[XlsxExport.ContentType] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } };
        operation.Responses["200"] = ok;
        return Task.CompletedTask;
    }

    private static OpenApiSchema Rows(ExportedColumns columns) => new()
    {
        Type = JsonSchemaType.Array,
        Items = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Properties = columns.Columns.ToDictionary(c => c.Name, c => (IOpenApiSchema)new OpenApiSchema
            {
                Type = c.Type switch
                {
                    ColumnType.Integer => JsonSchemaType.Integer,
                    ColumnType.Decimal => JsonSchemaType.Number,
                    ColumnType.Boolean => JsonSchemaType.Boolean,
                    _ => JsonSchemaType.String,
                } | (c.Type == ColumnType.Boolean ? 0 : JsonSchemaType.Null),
                Description = c.Description,
            }),
        },
    };
}
