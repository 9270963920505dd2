using Malekort.DataQuality;
using Malekort.Indicators;
using Malekort.Storage;
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
    public const int ImportsPerPage = 50;

    /// <summary>Findings shown with each import in the list; the import's own page pages through the rest.</summary>
    public const int FindingsShown = 5;

    internal static IResult Page(ScorecardSnapshot snapshot, IMalekortStore store, Query<int> side, Selection selection)
    {
        var units = VisibleUnits(snapshot);
        var (_, total) = store.ImportLogPage(0, 0, units);
        if (!Paging.TryRead(side, ImportsPerPage, total, out var paging, out var error))
            return Errors.Page(snapshot, StatusCodes.Status400BadRequest, error);
        var (entries, _) = store.ImportLogPage(paging.Offset, paging.Size, units);
        var imports = entries.Select(e => new NamedImport(e.Unit is { } u ? snapshot.NameOf(u) : null,
            e with { Findings = e.FindingsCount == 0 || !snapshot.SeesFindingsOf(e.Unit) ? [] : store.ImportFindings(e.Id, 0, FindingsShown).Findings })).ToList();
        return Pages.Page.Result<DataQualityPage, DataQualityView>(new DataQualityView(imports, paging,
            (snapshot.Results?.Notes ?? []).Select(n => new NamedNote(snapshot.NameOf(n.Unit), n)).ToList(),
            snapshot.Results is { Viewer.HasFullRights: false }, selection, PageFooter.Of(snapshot)));
    }

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
    public const int FindingsPerPage = 200;

    internal static IResult Page(ScorecardSnapshot snapshot, IMalekortStore store, long id, Query<int> side, Selection selection)
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
