using Malekort.Confidentiality;
using Malekort.Storage;
using Malekort.Storage.Faults;
using Malekort.Web.Pages;
using Malekort.Web.Parameters;
using Malekort.Web.Scorecard;
using Malekort.Web.State;
using Malekort.Periods;
using Malekort.Units;
using Microsoft.AspNetCore.Http;

namespace Malekort.Web.Publishing;

/// <summary>An entry of the run log with its unit's name (null for an entry without a unit).</summary>
public sealed record NamedRunLogEntry(string? UnitName, RunLogEntry Entry);

/// <summary><c>/driftslogg</c>: the newest entries, at most <paramref name="Limit"/>.</summary>
public sealed record RunLogView(IReadOnlyList<NamedRunLogEntry> Entries, int Limit, Selection Selection, PageFooter Footer)
{
    /// <summary>Said at the top while the database is down; null when the log was read now.</summary>
    public string? Unavailable { get; init; }
}

/// <summary>
/// <c>/driftslogg/{id}?side=N</c>: one entry with one page of its findings; <c>FindingsWithheld</c> when it has findings the
/// viewer may not see (<see cref="RunLogPages.FindingsFor"/>).
/// </summary>
public sealed record RunLogEntryView(RunLogEntry Entry, IReadOnlyList<Malekort.DataQuality.Finding> Findings, Paging Paging, Selection Selection,
    PageFooter Footer, bool FindingsWithheld = false);

/// <summary>
/// <c>/driftslogg</c>: every capture, computation and publication, newest first; <c>/driftslogg/{id}</c>: one entry with every
/// finding. Entries of units outside the viewer's own are left out (<see cref="ScorecardSnapshot.SeesLogOf"/>).
/// </summary>
internal static class RunLogPages
{
    public const int DefaultLimit = 200;
    public const int MaxLimit = 5000;

    public static IResult List(ScorecardState state, Viewer viewer, IMalekortStore store, Query<int> antall, Query<UnitCode> enhet, Query<Month> maned)
    {
        var snapshot = state.For(viewer);
        if (!TryLimit(antall, out var limit, out var error)) return Errors.Page(snapshot, StatusCodes.Status400BadRequest, error);
        IReadOnlyList<RunLogEntry> read;
        string? unavailable = null;
        try
        {
            read = store.RunLog(limit);
        }
        catch (Exception e) when (StorageFault.Of(e) is { } fault)
        {
            // While the database is down the log is what an administrator needs most: the newest entries as read after the
            // last computation, and said so, like /datakvalitet (issue 13 item 4).
            var kept = state.LastRunLog;
            read = kept is null ? [] : [.. kept.Entries.Take(limit)];
            unavailable = $"{fault.Message} " + (kept is null
                ? "Driftsloggen kan ikke leses nå."
                : $"Driftsloggen under er slik den var sist den ble lest, {NorwegianFormat.Instant(kept.ReadAt)}; " +
                  "nyere oppføringer og funnene vises når databasen svarer igjen.");
        }
        var entries = Visible(snapshot, read).Select(e => new NamedRunLogEntry(e.Unit is { } u ? snapshot.NameOf(u) : null, e)).ToList();
        return Page.Result<RunLogPage, RunLogView>(new RunLogView(entries, limit, Selection.Of(snapshot, enhet, maned), PageFooter.Of(snapshot))
        {
            Unavailable = unavailable,
        });
    }

    /// <summary>Findings on a page of a run log entry (an input lists at most about 10 000 lines, BoundedFindings).</summary>
    public const int FindingsPerPage = 200;

    public static IResult Detail(ScorecardState state, Viewer viewer, IMalekortStore store, long id, Query<int> side,
        Query<UnitCode> enhet, Query<Month> maned)
    {
        var snapshot = state.For(viewer);
        if (store.RunLogEntry(id) is not { } entry || Visible(snapshot, [entry]).Count == 0)
            return Errors.Page(snapshot, StatusCodes.Status404NotFound, $"Driftsloggen har ingen oppføring {id}.");
        var findings = FindingsFor(snapshot, entry);
        if (!Paging.TryRead(side, FindingsPerPage, findings.Count, out var paging, out var error))
            return Errors.Page(snapshot, StatusCodes.Status400BadRequest, error);
        return Page.Result<RunLogEntryPage, RunLogEntryView>(
            new RunLogEntryView(entry, [.. findings.Skip(paging.Offset).Take(paging.Size)], paging, Selection.Of(snapshot, enhet, maned),
                PageFooter.Of(snapshot), FindingsWithheld: findings.Count < entry.Findings.Count));
    }

    /// <summary>How many entries to show: <see cref="DefaultLimit"/> unless asked for 1 to <see cref="MaxLimit"/>.</summary>
    internal static bool TryLimit(Query<int> asked, out int limit, out string error)
    {
        limit = asked.Or(DefaultLimit);
        error = limit is > 0 and <= MaxLimit ? "" : QueryParameters.OutsideRange(asked.Name, 1, MaxLimit, asked.Text ?? "");
        return error.Length == 0;
    }

    /// <summary>The entries the snapshot's viewer may see (<see cref="ScorecardSnapshot.SeesLogOf"/>).</summary>
    internal static IReadOnlyList<RunLogEntry> Visible(ScorecardSnapshot snapshot, IReadOnlyList<RunLogEntry> entries) =>
        entries.Where(e => snapshot.SeesLogOf(e.Unit)).ToList();

    /// <summary>The findings of an entry the viewer may see (<see cref="ScorecardSnapshot.SeesFindingsOf"/>).</summary>
    internal static IReadOnlyList<Malekort.DataQuality.Finding> FindingsFor(ScorecardSnapshot snapshot, RunLogEntry entry) =>
        snapshot.SeesFindingsOf(entry.Unit) ? entry.Findings : [];

    public static string KindText(RunKind kind) => kind switch
    {
        RunKind.Capture => "Leveranse",
        RunKind.Computation => "Beregning",
        RunKind.Delivery => "Levering",
        _ => "Publisering",
    };

    public static string ChannelText(RunChannel channel) => channel switch
    {
        RunChannel.DropFolder => "Mottaksmappe",
        RunChannel.Upload => "Opplasting",
        RunChannel.Schedule => "Tidsplan",
        RunChannel.User => "Bruker",
        _ => "Server",
    };

    /// <summary>The entry's outcome in words; a delivery the central refused for good asks for a person (docs/federation.md).</summary>
    public static string OutcomeText(RunLogEntry entry) =>
        entry is { Kind: RunKind.Delivery, Channel: RunChannel.Server, Outcome: RunOutcome.Refused }
            ? Federation.AggregateSender.RefusedWords
            : OutcomeText(entry.Outcome);

    public static string OutcomeText(RunOutcome outcome) => outcome switch
    {
        RunOutcome.Imported => "Importert",
        RunOutcome.AlreadyImported => "Allerede importert",
        RunOutcome.Rejected => "Avvist",
        RunOutcome.Refused => "Ikke tillatt",
        RunOutcome.Computed => "Beregnet",
        RunOutcome.Published => "Publisert",
        RunOutcome.Unchanged => "Uendret",
        RunOutcome.Skipped => "Ingenting å gjøre",
        RunOutcome.Delivered => "Levert",
        _ => "Feilet",
    };
}
