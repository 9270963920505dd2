using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace Malekort.Web.Exports;

/// <summary>
/// A table as the response, in the format asked for: CSV and xlsx as a download named <c>{name}.{ext}</c>, JSON rows and
/// JSON-stat inline. The rows are written as they are enumerated; nothing is held whole but the JSON-stat cube.
/// </summary>
internal sealed class ExportResult<TRow>(ExportFormat format, ExportTable<TRow> table, JsonStatShape<TRow> shape, IEnumerable<TRow> rows,
    string name, DateTimeOffset updated, IReadOnlyList<string> notes) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.ContentType = format switch
        {
            ExportFormat.Csv => "text/csv; charset=utf-8",
            ExportFormat.Xlsx => XlsxExport.ContentType,
            _ => "application/json; charset=utf-8",
        };
        // The zip inside an xlsx ends each part with a small synchronous write (its data descriptor), which Kestrel allows
        // only when asked; the rows themselves are written asynchronously as they are made.
        if (format == ExportFormat.Xlsx && httpContext.Features.Get<IHttpBodyControlFeature>() is { } body) body.AllowSynchronousIO = true;
        if (format is ExportFormat.Csv or ExportFormat.Xlsx)
        {
            response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = $"{name}.{format.Extension()}" }.ToString();
        }
        // A download of CSV is opened in a spreadsheet, which reads UTF-8 only after a byte order mark.
        await format.WriteAsync(response.Body, table, shape, rows, updated, notes, byteOrderMark: true, httpContext.RequestAborted);
    }
}
