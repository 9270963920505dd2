using Malekort.Web.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace Malekort.Web.Assets;

/// <summary>Serves the style sheets from memory; the app loads nothing from anywhere else.</summary>
internal static class AssetsApi
{
    public static IEndpointRouteBuilder MapAssets(this IEndpointRouteBuilder app)
    {
        // Public: the sign-in page needs its style sheets before anyone is signed in.
        app.MapGet(StyleSheets.Aksel.Path, (HttpContext context) => Serve(context, StyleSheets.Aksel)).Public();
        app.MapGet(StyleSheets.Own.Path, (HttpContext context) => Serve(context, StyleSheets.Own)).Public();
        return app;
    }

    private static IResult Serve(HttpContext context, StyleSheet sheet)
    {
        var etag = new EntityTagHeaderValue($"\"{sheet.Hash}\"");
        var headers = context.Response.GetTypedHeaders();
        headers.ETag = etag;
        // A URL with the current hash never changes; anything else is checked each time.
        var versioned = string.Equals(context.Request.Query["v"], sheet.Hash, StringComparison.Ordinal);
        headers.CacheControl = versioned
            ? new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromDays(365), Extensions = { new NameValueHeaderValue("immutable") } }
            : new CacheControlHeaderValue { NoCache = true };
        var requested = context.Request.GetTypedHeaders().IfNoneMatch;
        if (requested.Any(t => t.Compare(etag, useStrongComparison: false))) return Results.StatusCode(StatusCodes.Status304NotModified);
        return Results.Bytes(sheet.Content, "text/css; charset=utf-8");
    }
}
