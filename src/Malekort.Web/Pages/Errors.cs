using Malekort.Web.Access;
using Malekort.Web.Api;
using Malekort.Web.State;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Malekort.Web.Pages;

/// <summary>How an error is answered: a Norwegian page for a page, problem details (<see cref="ApiProblems"/>) for the API.</summary>
internal static class Errors
{
    // The OpenAPI document is read by programs, as the API is: refusals and errors there are problem details, not pages.
    public static bool IsApi(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal)
        || context.Request.Path.StartsWithSegments(ApiDocs.ApiDocumentation.DocumentFolder, StringComparison.Ordinal);

    /// <summary>The error page, with the footer of the numbers the server shows.</summary>
    public static IResult Page(ScorecardSnapshot? snapshot, int status, string message) =>
        Pages.Page.Result<ErrorPage, ErrorView>(new ErrorView(status, message, PageFooter.Of(snapshot)), status);

    /// <summary>
    /// The error page for a request whose handler had no snapshot at hand (a filter, the fallback, the exception handler, a
    /// refusal), with the footer as the signed-in user (or nobody) sees it.
    /// </summary>
    public static IResult Page(HttpContext context, int status, string message) =>
        Page(context.RequestServices.GetService<ScorecardState>()?.Shown?.For(context.User.Viewer()), status, message);

    /// <summary>A wrong query parameter (400), or one naming what is not there (404), as a page or as problem details.</summary>
    public static IResult BadParameter(HttpContext context, string parameter, string message, int status = StatusCodes.Status400BadRequest)
    {
        if (!IsApi(context)) return Page(context, status, message);
        return status == StatusCodes.Status404NotFound ? ApiProblems.NotFound(message) : ApiProblems.BadParameter(parameter, message);
    }
}
