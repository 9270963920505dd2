using Microsoft.AspNetCore.Http;

namespace Malekort.Web.Api;

/// <summary>A body that is already UTF-8 bytes (a cached API body or page): sent as it is, with its length, in one write.</summary>
/// <param name="body">Shared with the cache: never changed.</param>
/// <param name="contentType">Its media type with the charset.</param>
internal sealed class Utf8Response(byte[] body, string contentType) : IResult
{
    public static Utf8Response Json(byte[] body) => new(body, "application/json; charset=utf-8");

    public static Utf8Response Html(byte[] body) => new(body, "text/html; charset=utf-8");

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, httpContext.RequestAborted);
    }
}
