using Malekort.Confidentiality;
using Malekort.Storage;
using Malekort.Web.Api;
using Malekort.Web.Parameters;
using Malekort.Web.State;
using Microsoft.AspNetCore.Http;

namespace Malekort.Web.Publishing;

internal sealed record FindingJson(string Severity, string File, int Line, string Column, string Rule, string Message, int Count);

internal sealed record RunLogJson(
    long Id, string Kind, string Channel, DateTimeOffset StartedAt, double DurationMs, string Outcome, string OutcomeText, string Subject,
    string? Unit, string? Month, string Message, long FindingsCount, string Link, IReadOnlyList<FindingJson>? Findings, int? Page, int? Pages);

/// <summary>
/// <c>GET /api/driftslogg?antall=</c>: the run log, newest first; <c>GET /api/driftslogg/{id}?side=N</c>: one entry with a page of its
/// findings (<see cref="RunLogPages.FindingsPerPage"/> lines; <c>page</c> and <c>pages</c> say where).
/// </summary>
internal static class RunLogApi
{
    public static IResult List(ScorecardState state, Viewer viewer, IMalekortStore store, Query<int> antall)
    {
        if (!RunLogPages.TryLimit(antall, out var limit, out var error)) return ApiProblems.BadParameter("antall", error);
        return Results.Ok(RunLogPages.Visible(state.For(viewer), store.RunLog(limit)).Select(Json).ToList());
    }

    public static IResult Get(ScorecardState state, Viewer viewer, IMalekortStore store, long id, Query<int> side)
    {
        var snapshot = state.For(viewer);
        if (store.RunLogEntry(id) is not { } entry || RunLogPages.Visible(snapshot, [entry]).Count == 0)
            return ApiProblems.NotFound($"Driftsloggen har ingen oppføring {id}.");
        var findings = RunLogPages.FindingsFor(snapshot, entry);
        if (!Pages.Paging.TryRead(side, RunLogPages.FindingsPerPage, findings.Count, out var paging, out var error))
            return ApiProblems.BadParameter("side", error);
        return Results.Ok(Json(entry) with
        {
            Findings = [.. findings.Skip(paging.Offset).Take(paging.Size).Select(Json)],
            Page = paging.Number,
            Pages = paging.Pages,
        });
    }

    /// <summary>An entry as the list shows it: its findings counted, not listed.</summary>
    internal static RunLogJson Json(RunLogEntry e) => new(
        e.Id, Code(e.Kind.ToString()), Code(e.Channel.ToString()), e.StartedAt, e.Duration.TotalMilliseconds, Code(e.Outcome.ToString()),
        RunLogPages.OutcomeText(e), e.Subject, e.Unit?.Value, e.Month?.ToString(), e.Message, e.FindingsCount, $"/driftslogg/{e.Id}",
        null, null, null);

    internal static FindingJson Json(Malekort.DataQuality.Finding f) =>
        new(f.Severity.ToString().ToLowerInvariant(), f.File, f.Line, f.Column, f.Rule, f.Message, f.Count);

    // camelCase, as the rest of the API names its codes.
    private static string Code(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
