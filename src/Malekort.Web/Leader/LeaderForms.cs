using Malekort.Storage;
using Malekort.Units;
using Malekort.Web.Pages;
using Malekort.Web.Parameters;
using Malekort.Web.State;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace Malekort.Web.Leader;

/// <summary>What every form of a leader's page does alike: read the form, and show a save at once.</summary>
internal static class LeaderForms
{
    // How long a save waits for the scorecard to be computed with it, so the next page shows it.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>The posted form of a leader's page, or the page that refuses it (<see cref="PostedForm"/>).</summary>
    public static Task<(IFormCollection? Form, IResult? Problem)> ReadAsync(HttpContext context, ScorecardSnapshot snapshot, IAntiforgery antiforgery) =>
        PostedForm.ReadAsync(context, snapshot, antiforgery, "Ingenting er lagret.");

    /// <summary>The unit a posted form names in <paramref name="field"/>, or the page that refuses it missing or malformed.</summary>
    public static (UnitCode Unit, IResult? Problem) Unit(ScorecardSnapshot snapshot, IFormCollection posted, string field)
    {
        var unit = Query<UnitCode>.Read(field, posted[field]);
        if (unit.Text is null) return (default, Errors.Page(snapshot, StatusCodes.Status400BadRequest, QueryParameters.Missing(unit.Name)));
        return unit.Error is { } error ? (default, Errors.Page(snapshot, StatusCodes.Status400BadRequest, error)) : (unit.Value, null);
    }

    /// <summary>After a save that changed something: waits until the scorecard is computed with it, so the pages opened next show it.</summary>
    public static Task ShownAsync(ScorecardState state, IMalekortStore store, bool changed, CancellationToken token) =>
        changed ? state.WaitForAsync(store.DataVersion(), Patience, token) : Task.CompletedTask;
}
