using Malekort.Web.State;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace Malekort.Web.Pages;

/// <summary>How every form posted to a page of Målekort is read: the one place that refuses what is no form of this site.</summary>
internal static class PostedForm
{
    /// <summary>
    /// The posted form, or a Norwegian page saying why it was refused: not a form, or its anti-forgery token missing or wrong (a
    /// page rather than the framework's bare 400, and before anything of it is read).
    /// </summary>
    /// <param name="context">The request.</param>
    /// <param name="snapshot">The viewer's snapshot, for the error page's menu and footer.</param>
    /// <param name="antiforgery">Checks the form's token.</param>
    /// <param name="nothingDone">The sentence that tells the user what did not happen (e.g. «Ingenting er lagret.»).</param>
    public static async Task<(IFormCollection? Form, IResult? Problem)> ReadAsync(HttpContext context, ScorecardSnapshot snapshot,
        IAntiforgery antiforgery, string nothingDone)
    {
        if (!context.Request.HasFormContentType)
            return (null, Errors.Page(snapshot, StatusCodes.Status400BadRequest,
                $"Forespørselen er ikke et skjema (application/x-www-form-urlencoded). Bruk skjemaet på siden. {nothingDone}"));
        if (!await antiforgery.IsRequestValidAsync(context))
            return (null, Errors.Page(snapshot, StatusCodes.Status400BadRequest,
                $"Skjemaet var utløpt eller kom ikke fra denne siden. Last siden på nytt og prøv igjen. {nothingDone}"));
        return (await context.Request.ReadFormAsync(context.RequestAborted), null);
    }
}
