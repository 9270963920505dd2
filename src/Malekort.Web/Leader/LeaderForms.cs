using Malekort.Storage;
using Malekort.Web.Pages;
using Malekort.Web.State;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace Malekort.Web.Leader;

/// <summary>What every form of a leader's page does alike: refuse what is no form of this site, and show a save at once.</summary>
internal static class LeaderForms
{
    // How long a save waits for the scorecard to be computed with it, so the next page shows it.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The posted form, or a Norwegian page saying why it was refused: not a form, or its anti-forgery token missing or wrong (a
    /// page rather than the framework's bare 400, and before anything of it is read).
    /// </summary>
    public static async Task<(IFormCollection? Form, IResult? Problem)> ReadAsync(HttpContext context, ScorecardSnapshot snapshot, IAntiforgery antiforgery)
    {
        if (!context.Request.HasFormContentType)
            return (null, Errors.Page(snapshot, StatusCodes.Status400BadRequest,
                "Forespørselen er ikke et skjema (application/x-www-form-urlencoded). Bruk skjemaet på siden. Ingenting er lagret."));
        if (!await antiforgery.IsRequestValidAsync(context))
            return (null, Errors.Page(snapshot, StatusCodes.Status400BadRequest,
                "Skjemaet var utløpt eller kom ikke fra denne siden. Last siden på nytt og prøv igjen. Ingenting er lagret."));
        return (await context.Request.ReadFormAsync(context.RequestAborted), null);
    }

    /// <summary>After a save that changed something: waits until the scorecard is computed with it, so the pages opened next show it.</summary>
    public static Task ShownAsync(ScorecardState state, IMalekortStore store, bool changed, CancellationToken token) =>
        changed ? state.WaitForAsync(store.DataVersion(), Patience, token) : Task.CompletedTask;
}
