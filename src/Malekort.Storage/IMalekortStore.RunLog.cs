using Malekort.DataQuality;
using Malekort.Periods;
using Malekort.Units;

namespace Malekort.Storage;

/// <summary>The run log: what the server did without anyone at a keyboard.</summary>
public partial interface IMalekortStore
{
    /// <summary>Appends an entry with its findings and returns its id. Changes no data version.</summary>
    long AppendRunLog(RunLogEntry entry);

    /// <summary>The newest entries first, at most <paramref name="limit"/>; their findings are counted, not loaded.</summary>
    IReadOnlyList<RunLogEntry> RunLog(int limit);

    /// <summary>One entry with every finding, or null.</summary>
    RunLogEntry? RunLogEntry(long id);
}

/// <summary>What a run log entry is about.</summary>
public enum RunKind
{
    /// <summary>An input arrived (drop folder or upload) and was imported or rejected.</summary>
    Capture,
    /// <summary>The scorecard was computed.</summary>
    Computation,
    /// <summary>A month was published for an office (or the schedule published every office).</summary>
    Publication,
    /// <summary>A published month's aggregates were delivered to, or received by, a central instance (docs/federation.md).</summary>
    Delivery,
}

/// <summary>How the work came about.</summary>
public enum RunChannel
{
    /// <summary>A file or folder put in the drop folder.</summary>
    DropFolder,
    /// <summary>An upload to <c>POST /api/leveranser</c>.</summary>
    Upload,
    /// <summary>The monthly schedule.</summary>
    Schedule,
    /// <summary>A person, from the page or the API.</summary>
    User,
    /// <summary>The server by itself (the scorecard recomputed after new data).</summary>
    Server,
}

/// <summary>What came of it.</summary>
public enum RunOutcome
{
    /// <summary>Stored.</summary>
    Imported,
    /// <summary>The same content was stored before: nothing changed.</summary>
    AlreadyImported,
    /// <summary>Rejected with findings: nothing stored.</summary>
    Rejected,
    /// <summary>Not allowed (a unit's key for another unit's data): nothing read into the store.</summary>
    Refused,
    /// <summary>Computed.</summary>
    Computed,
    /// <summary>A new revision was published.</summary>
    Published,
    /// <summary>Published again with the same numbers: no new revision.</summary>
    Unchanged,
    /// <summary>Nothing to do (no data for the month).</summary>
    Skipped,
    /// <summary>An error stopped it; the message says which.</summary>
    Failed,
    /// <summary>Delivered to the central instance, which confirmed it.</summary>
    Delivered,
}

/// <summary>One thing the server did.</summary>
/// <param name="Kind">What it is about.</param>
/// <param name="Channel">How it came about.</param>
/// <param name="StartedAt">When it started (the injected clock).</param>
/// <param name="Duration">How long it took.</param>
/// <param name="Outcome">What came of it.</param>
/// <param name="Subject">The file (relative to the drop folder, or the uploaded name), or what was computed or published.</param>
/// <param name="Unit">The unit or office, where there is one.</param>
/// <param name="Month">The month published, where there is one.</param>
/// <param name="Message">A Norwegian sentence saying what happened.</param>
/// <param name="Findings">Every finding; empty in listings, where <see cref="FindingsCount"/> says how many there are.</param>
public sealed record RunLogEntry(
    RunKind Kind,
    RunChannel Channel,
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    RunOutcome Outcome,
    string Subject,
    UnitCode? Unit,
    Month? Month,
    string Message,
    IReadOnlyList<Finding> Findings)
{
    /// <summary>The entry's id; 0 before it is stored.</summary>
    public long Id { get; init; }

    /// <summary>
    /// How many findings the entry has (also when they are not loaded): the sum of their counts, since a line may stand for
    /// many (<see cref="Finding.Count"/>).
    /// </summary>
    public long FindingsCount { get; init; } = Finding.Total(Findings);
}
