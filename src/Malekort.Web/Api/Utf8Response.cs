using Microsoft.AspNetCore.Http;

namespace Malekort.Web.Api;

/// <summary>A JSON body that is already UTF-8 bytes (a cached API body): sent as it is, with its length, in one write.</summary>
/// <param name="body">Shared with the cache: never changed.</param>
internal sealed class Utf8Response(byte[] body) : IResult
{
    public static Utf8Response Json(byte[] body) => new(body);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, httpContext.RequestAborted);
    }
}
