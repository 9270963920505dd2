using Malekort.DataQuality;
using Malekort.Indicators;
using Malekort.Storage;
using Malekort.Storage.Faults;
using Malekort.Units;
using Malekort.Web.Pages;
using Malekort.Web.Parameters;
using Malekort.Web.State;
using Microsoft.AspNetCore.Http;

namespace Malekort.Web.Scorecard;

/// <summary>A computation note with its unit's name.</summary>
public sealed record NamedNote(string UnitName, ComputationNote Note);

/// <summary>
/// An import log entry with its unit's name (null for an input without one, such as the office register); its
/// <see cref="ImportLogEntry.Findings"/> are the first few, <see cref="ImportLogEntry.FindingsCount"/> how many in all.
/// </summary>
public sealed record NamedImport(string? UnitName, ImportLogEntry Entry);

/// <summary>
/// <c>/datakvalitet?side=N</c>: the import log a page at a time, newest first, each import with its first findings (file, line,
/// column) and a link to all of them; and what the engine left out, per unit and month. With an own office, only what that
/// office's units delivered. The log grows with every import, so it is read from the store a page at a time.
/// </summary>
public sealed record DataQualityView(IReadOnlyList<NamedImport> Imports, Paging Paging, IReadOnlyList<NamedNote> Notes, bool Restricted,
    Selection Selection, PageFooter Footer)
{
    /// <summary>
    /// Said at the top while the database is down: the list is the newest imports as read after the last computation or rejected import, and
    /// other pages of the log wait for the database (issue 13 item 4). Null when the log was read now.
    /// </summary>
    public string? Unavailable { get; init; }

    public const int ImportsPerPage = 50;

    /// <summary>Findings shown with each import in the list; the import's own page pages through the rest.</summary>
    public const int FindingsShown = 5;

    internal static IResult Page(ScorecardSnapshot snapshot, IMalekortStore store, RecentImports? recent, Query<int> side, Selection selection)
    {
        var units = VisibleUnits(snapshot);
        Paging paging;
        IReadOnlyList<ImportLogEntry> entries;
        IReadOnlyDictionary<long, IReadOnlyList<Finding>> findings;
        try
        {
            var (_, total) = store.ImportLogPage(0, 0, units);
            if (!Paging.TryRead(side, ImportsPerPage, total, out paging, out var error))
                return Errors.Page(snapshot, StatusCodes.Status400BadRequest, error);
            (entries, _) = store.ImportLogPage(paging.Offset, paging.Size, units);
            // One round trip for every import's first findings, those the viewer may see (SeesFindingsOf).
            findings = store.FirstFindings(entries.Where(e => e.FindingsCount > 0 && snapshot.SeesFindingsOf(e.Unit)).Select(e => e.Id).ToList(),
                FindingsShown);
        }
        catch (Exception e) when (StorageFault.Of(e) is { } fault)
        {
            return Unreachable(snapshot, recent, side, selection, fault);
        }
        var imports = entries.Select(e => Named(snapshot, e with { Findings = findings.GetValueOrDefault(e.Id) ?? [] })).ToList();
        return Pages.Page.Result<DataQualityPage, DataQualityView>(new DataQualityView(imports, paging, NotesOf(snapshot),
            snapshot.Results is { Viewer.HasFullRights: false }, selection, PageFooter.Of(snapshot)));
    }

    /// <summary>
    /// The page while the database is down: like the scorecard it shows what the last computation holds, the computation
    /// notes and, on the first page, the newest imports as read then (those the viewer may see), and says so.
    /// </summary>
    private static IResult Unreachable(ScorecardSnapshot snapshot, RecentImports? recent, Query<int> side, Selection selection, StorageFault fault)
    {
        var first = side.Or(1) == 1;
        var shown = first && recent is not null
            ? recent.Entries.Where(e => snapshot.SeesLogOf(e.Unit))
                .Select(e => Named(snapshot, snapshot.SeesFindingsOf(e.Unit) ? e : e with { Findings = [] })).ToList()
            : [];
        var said = $"{fault.Message} " + (recent is null
            ? "Importloggen kan ikke leses nå."
            : $"Importloggen under er slik den var sist den ble lest, {NorwegianFormat.Instant(recent.ReadAt)} (dataversjon " +
              $"{recent.DataVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)}): " +
              (first ? "de nyeste importene. Eldre sider vises når databasen svarer igjen." : "bare den første siden kan vises nå."));
        return Pages.Page.Result<DataQualityPage, DataQualityView>(new DataQualityView(shown, new Paging(1, ImportsPerPage, shown.Count),
            NotesOf(snapshot), snapshot.Results is { Viewer.HasFullRights: false }, selection, PageFooter.Of(snapshot)) { Unavailable = said });
    }

    private static NamedImport Named(ScorecardSnapshot snapshot, ImportLogEntry entry) =>
        new(entry.Unit is { } u ? snapshot.NameOf(u) : null, entry);

    private static List<NamedNote> NotesOf(ScorecardSnapshot snapshot) =>
        (snapshot.Results?.Notes ?? []).Select(n => new NamedNote(snapshot.NameOf(n.Unit), n)).ToList();

    /// <summary>
    /// The units whose imports the snapshot's viewer may see (<see cref="ScorecardSnapshot.SeesLogOf"/>), or null for every one.
    /// Other offices' record counts and findings are their business.
    /// </summary>
    internal static IReadOnlyCollection<UnitCode>? VisibleUnits(ScorecardSnapshot snapshot)
    {
        var every = UnitRegister.Default.Municipalities.Concat(UnitRegister.Default.Districts).Select(u => u.Code).ToList();
        var seen = every.Where(u => snapshot.SeesLogOf(u)).ToList();
        return seen.Count == every.Count ? null : seen;
    }
}

/// <summary><c>/datakvalitet/import/{id}?side=N</c>: every finding of one import, a page at a time.</summary>
public sealed record ImportFindingsView(ImportLogEntry Entry, IReadOnlyList<Finding> Findings, Paging Paging, Selection Selection,
    PageFooter Footer)
{
    /// <summary>Said at the top while the database is down; null when the findings were read now.</summary>
    public string? Unavailable { get; init; }

    public const int FindingsPerPage = 200;

    internal static IResult Page(ScorecardSnapshot snapshot, IMalekortStore store, RecentImports? recent, long id, Query<int> side,
        Selection selection)
    {
        try
        {
            return Read(snapshot, store, id, side, selection);
        }
        catch (Exception e) when (StorageFault.Of(e) is { } fault)
        {
            // While the database is down: the first findings, when the import is among the newest read after the last
            // computation, and said so; else the Norwegian 503 every other page gives that has nothing to show.
            if (recent?.Entries.FirstOrDefault(r => r.Id == id) is not { } kept || !Visible(snapshot, kept) || side.Or(1) != 1)
                return Errors.Page(snapshot, StatusCodes.Status503ServiceUnavailable,
                    $"{fault.Message} Funnene til import {id.ToString(System.Globalization.CultureInfo.InvariantCulture)} kan ikke leses nå.");
            return Pages.Page.Result<ImportFindingsPage, ImportFindingsView>(new ImportFindingsView(kept, kept.Findings,
                new Paging(1, FindingsPerPage, kept.Findings.Count), selection, PageFooter.Of(snapshot))
            {
                Unavailable = $"{fault.Message} Her er de første funnene, slik de var sist de ble lest, {NorwegianFormat.Instant(recent.ReadAt)}; " +
                    "resten vises når databasen svarer igjen.",
            });
        }
    }

    private static bool Visible(ScorecardSnapshot snapshot, ImportLogEntry entry) =>
        !(entry.Unit is { } unit && DataQualityView.VisibleUnits(snapshot) is { } visible && !visible.Contains(unit)) && snapshot.SeesFindingsOf(entry.Unit);

    private static IResult Read(ScorecardSnapshot snapshot, IMalekortStore store, long id, Query<int> side, Selection selection)
    {
        if (store.ImportEntry(id) is not { } entry
            || (entry.Unit is { } unit && DataQualityView.VisibleUnits(snapshot) is { } visible && !visible.Contains(unit))
            || !snapshot.SeesFindingsOf(entry.Unit))
            return Errors.Page(snapshot, StatusCodes.Status404NotFound, $"Importloggen har ingen import {id}.");
        var (_, lines) = store.ImportFindings(id, 0, 0);
        if (!Paging.TryRead(side, FindingsPerPage, lines, out var paging, out var error))
            return Errors.Page(snapshot, StatusCodes.Status400BadRequest, error);
        return Pages.Page.Result<ImportFindingsPage, ImportFindingsView>(
            new ImportFindingsView(entry, store.ImportFindings(id, paging.Offset, paging.Size).Findings, paging, selection,
                PageFooter.Of(snapshot)));
    }
}
