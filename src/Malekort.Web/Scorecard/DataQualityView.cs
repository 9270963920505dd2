using Malekort.Indicators;
using Malekort.Storage;
using Malekort.Units;
using Malekort.Web.Pages;
using Malekort.Web.State;

namespace Malekort.Web.Scorecard;

/// <summary>A computation note with its unit's name.</summary>
public sealed record NamedNote(string UnitName, ComputationNote Note);

/// <summary>An import log entry with its unit's name (null for an input without one, such as the office register).</summary>
public sealed record NamedImport(string? UnitName, ImportLogEntry Entry);

/// <summary>
/// <c>/datakvalitet</c>: the import log with every finding (file, line, column), and what the engine left out, per unit and
/// month. With an own office, only what that office's units delivered.
/// </summary>
public sealed record DataQualityView(IReadOnlyList<NamedImport> Imports, IReadOnlyList<NamedNote> Notes, bool Restricted, Selection Selection,
    PageFooter Footer)
{
    internal static DataQualityView Of(ScorecardSnapshot snapshot, Selection selection) => new(
        snapshot.ImportLog.Select(e => new NamedImport(e.Unit is { } u ? snapshot.NameOf(u) : null, e)).ToList(),
        (snapshot.Results?.Notes ?? []).Select(n => new NamedNote(snapshot.NameOf(n.Unit), n)).ToList(),
        snapshot.Results is { Viewer.HasFullRights: false },
        selection,
        PageFooter.Of(snapshot));
}
