using Malekort.Web.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace Malekort.Web.Assets;

/// <summary>Serves the style sheets and the tab's icon from memory; the app loads nothing from anywhere else.</summary>
internal static class AssetsApi
{
    public const string IconPath = "/favicon.svg";

    // An «M» on NAV red. Browsers ask for an icon with every new page; without one each page logs a 404 in the console.
    private static readonly byte[] Icon =
        """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#c30000"/><path d="M7 24V8h4l5 8 5-8h4v16h-4v-9l-5 8-5-8v9z" fill="#fff"/></svg>"""u8.ToArray();

    public static IEndpointRouteBuilder MapAssets(this IEndpointRouteBuilder app)
    {
        // Public: the sign-in page needs its style sheets before anyone is signed in.
        app.MapGet(StyleSheets.Aksel.Path, (HttpContext context) => Serve(context, StyleSheets.Aksel)).Public();
        app.MapGet(StyleSheets.Own.Path, (HttpContext context) => Serve(context, StyleSheets.Own)).Public();
        app.MapGet(IconPath, (HttpContext context) =>
        {
            context.Response.GetTypedHeaders().CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromDays(7) };
            return Results.Bytes(Icon, "image/svg+xml");
        }).Public();
        // Pages name the icon, but a browser opening anything else (an export, the API) still asks for the old name.
        app.MapGet("/favicon.ico", () => Results.Redirect(IconPath, permanent: true)).Public();
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
