using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace Malekort.Web.Report;

/// <summary>
/// The one script the server has: the report's «Skriv ut» button (printing needs <c>window.print()</c>). It is served from the
/// server itself under a URL with its hash, and only the report's pages allow scripts from 'self' (<see cref="AllowOn"/>).
/// </summary>
internal static class PrintScript
{
    private static readonly byte[] Content = Load();

    private static readonly string Hash = Convert.ToHexStringLower(SHA256.HashData(Content))[..16];

    public const string Path = "/assets/skriv-ut.js";

    public static string Url { get; } = $"{Path}?v={Hash}";

    public static IEndpointRouteBuilder MapPrintScript(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, (HttpContext context) =>
        {
            context.Response.GetTypedHeaders().CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromDays(365) };
            return Results.Bytes(Content, "text/javascript; charset=utf-8");
        });
        return app;
    }

    /// <summary>Lets the response's page run the script, and nothing else: the server's policy (already set) with <c>script-src 'self'</c>.</summary>
    public static void AllowOn(HttpResponse response) =>
        response.Headers.ContentSecurityPolicy = response.Headers.ContentSecurityPolicy + "; script-src 'self'";

    private static byte[] Load()
    {
        using var stream = typeof(PrintScript).Assembly.GetManifestResourceStream("Malekort.Web.Report.print.js")
            ?? throw new InvalidOperationException("Skriptet print.js mangler i programmet.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
