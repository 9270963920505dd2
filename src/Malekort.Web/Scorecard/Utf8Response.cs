using Microsoft.AspNetCore.Http;

namespace Malekort.Web.Scorecard;

/// <summary>
/// A response body that is already UTF-8 bytes: sent as it is, with its length, in one write. The scorecard page's bytes
/// are a pooled <see cref="HtmlWriter"/>'s and go back to the pool once sent.
/// </summary>
internal sealed class Utf8Response : IResult
{
    private readonly ReadOnlyMemory<byte> body;
    private readonly string contentType;
    private readonly int status;
    private readonly HtmlWriter? owner;

    private Utf8Response(ReadOnlyMemory<byte> body, string contentType, int status, HtmlWriter? owner)
    {
        this.body = body;
        this.contentType = contentType;
        this.status = status;
        this.owner = owner;
    }

    /// <summary>The page the writer holds; the response disposes the writer when it has been sent.</summary>
    public static Utf8Response Html(HtmlWriter writer, int status = StatusCodes.Status200OK) =>
        new(writer.WrittenMemory, "text/html; charset=utf-8", status, writer);

    /// <summary>JSON bytes (shared with a cache: never changed).</summary>
    public static Utf8Response Json(byte[] body) => new(body, "application/json; charset=utf-8", StatusCodes.Status200OK, null);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        try
        {
            var response = httpContext.Response;
            response.StatusCode = status;
            response.ContentType = contentType;
            response.ContentLength = body.Length;
            await response.Body.WriteAsync(body, httpContext.RequestAborted);
        }
        finally
        {
            owner?.Dispose();
        }
    }
}
