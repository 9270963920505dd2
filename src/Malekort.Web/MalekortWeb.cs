using Malekort.Storage;
using Malekort.Web.Access;
using Malekort.Web.Explain;
using Malekort.Web.Federation;
using Malekort.Storage.Faults;
using Malekort.Web.Api;
using Malekort.Web.ApiDocs;
using Malekort.Web.Assets;
using Malekort.Web.Capture;
using Malekort.Web.Definitions;
using Malekort.Web.Leader;
using Malekort.Web.Publishing;
using Malekort.Web.Report;
using Malekort.Web.Operations;
using Malekort.Web.Pages;
using Malekort.Web.Parameters;
using Malekort.Web.Scorecard;
using Malekort.Web.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Malekort.Web;

/// <summary>The scorecard server: the Norwegian pages and the JSON API over one store.</summary>
public static class MalekortWeb
{
    /// <summary>
    /// Builds the server. The scorecard is computed when it starts (before it takes requests) and again, in the
    /// background, whenever the store's data version changes. The caller starts and disposes the application; the
    /// store stays the caller's.
    /// </summary>
    /// <param name="options">The server's options.</param>
    /// <param name="store">The database.</param>
    /// <param name="clock">The server's clock.</param>
    /// <param name="log">A log sink besides the console's (a test reads what the server logged); null for none.</param>
    public static WebApplication Build(MalekortWebOptions options, IMalekortStore store, TimeProvider clock, ILoggerProvider? log = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(MalekortWeb).Assembly.GetName().Name });
        builder.WebHost.UseUrls(options.Urls);
        // No request body is read whole beyond this; the upload endpoint raises it for itself, to the upload limit.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = options.RequestLimitBytes);
        if (options.Certificate is { } certificate)
        {
            // The slim builder leaves HTTPS out; a central instance takes deliveries over it (docs/federation.md).
            builder.WebHost.UseKestrelHttpsConfiguration();
            builder.WebHost.ConfigureKestrel(k => k.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate));
        }
        // Request by request logging is noise on a scorecard; warnings and our own recompute messages are kept.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        if (log is not null) builder.Logging.AddProvider(log);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(clock);
        builder.AddOperations(options);
        builder.Services.AddScorecardState();
        builder.Services.AddPublishing();
        builder.Services.AddCapture(options);
        builder.Services.AddApiDocumentation();
        builder.Services.AddAccess(options);
        builder.Services.AddFederation(options, store);
        // Pages are Razor components rendered on the server (Pages/).
        builder.Services.AddSingleton(Page.Encoder);
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            // Statuses the framework writes itself (404, 405 …) get Norwegian titles; our own problems have theirs.
            if (context.ProblemDetails.Detail is null) context.ProblemDetails.Title = ApiProblems.TitleOf(context.ProblemDetails.Status ?? 500);
        });
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Encoder = ApiJson.Encoder;
            // The API's own types from generated metadata; anything else (problem details, server mode's JSON) by reflection.
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
        });

        var app = builder.Build();
        app.UseOperations();
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = WriteError });
        app.UseStatusCodePages();
        var policy = ContentSecurityPolicy(options);
        app.Use((context, next) => SecurityHeaders(context, next, policy));
        // Deny by default: every endpoint below needs a signed-in user unless it says otherwise (Access/).
        app.UseAccess();
        app.MapSignIn(options);
        app.MapAssets();
        app.MapPrintScript();
        // Every page and API endpoint: a query parameter that does not read is answered before its handler (Parameters/).
        var endpoints = app.MapGroup("").WithQueryCheck();
        endpoints.MapScorecardPages();
        endpoints.MapUnitsApi();
        endpoints.MapScorecardApi();
        endpoints.MapIndicatorsApi();
        // A central instance shows what the offices delivered where a local one approves its own months.
        endpoints.MapPublishing(approvals: !options.Central);
        if (options.Central) endpoints.MapCentral();
        endpoints.MapAuditLog();
        endpoints.MapReportPages();
        endpoints.MapApiDocumentation();
        endpoints.MapLeader();
        endpoints.MapDefinitions();
        endpoints.MapExplanations();
        app.MapCapture(options);
        app.MapFallback(NotFound);
        return app;
    }

    // Nothing but this server's own pages and style sheets: no scripts, no external requests, no framing. Forms post only
    // here, and to the OpenID Connect provider: the sign-in form's answer is a redirect there, which form-action also governs.
    private static string ContentSecurityPolicy(MalekortWebOptions options)
    {
        var formAction = options.OpenIdConnect is { IsConfigured: true } oidc
            ? $"'self' {new Uri(oidc.Authority).GetLeftPart(UriPartial.Authority)}"
            : "'self'";
        return $"default-src 'none'; style-src 'self'; img-src 'self'; form-action {formAction}; base-uri 'none'; frame-ancestors 'none'";
    }

    private static Task SecurityHeaders(HttpContext context, Func<Task> next, string policy)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = policy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        return next();
    }

    private static Task NotFound(HttpContext context)
    {
        var result = Errors.IsApi(context)
            ? ApiProblems.NotFound($"Ingen API-adresse heter {context.Request.Path}.")
            : Errors.Page(context, StatusCodes.Status404NotFound, $"Siden {context.Request.Path} finnes ikke.");
        return result.ExecuteAsync(context);
    }

    private static Task WriteError(HttpContext context)
    {
        // A database fault (full, read-only, locked, unreachable) is said in Norwegian as 503: the request may succeed later,
        // and the pages meanwhile show the last computation. Anything else is the program's fault and is only logged.
        var fault = context.Features.Get<IExceptionHandlerFeature>()?.Error is { } error ? StorageFault.Of(error) : null;
        var (status, message) = fault is null
            ? (StatusCodes.Status500InternalServerError, "Noe gikk galt på serveren. Feilen er logget.")
            : (StatusCodes.Status503ServiceUnavailable, fault.Message);
        if (fault is not null) context.Response.Headers.RetryAfter = "60";
        var result = Errors.IsApi(context)
            ? Results.Problem(detail: message, statusCode: status, title: ApiProblems.TitleOf(status))
            : Errors.Page(context, status, message);
        return result.ExecuteAsync(context);
    }
}
