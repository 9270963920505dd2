using Malekort.Capture;
using Malekort.DataQuality;
using Malekort.Population;
using Malekort.Thresholds;
using Malekort.Units;

namespace Malekort.Storage;

/// <summary>
/// The one seam between Målekort and its database. SQLite is the embedded default; PostgreSQL the server.
/// Every write is one transaction: it lands whole or not at all.
/// </summary>
public partial interface IMalekortStore : IDisposable
{
    /// <summary>A human description of the database, without secrets (e.g. "SQLite malekort.db").</summary>
    string Description { get; }

    /// <summary>Creates or migrates the schema to the current version.</summary>
    void Migrate();

    /// <summary>
    /// Stores a validated batch and logs the import, all in one transaction. A batch whose content hash is already
    /// stored changes nothing and returns <see cref="ImportOutcome.AlreadyImported"/>.
    /// </summary>
    ImportOutcome SaveBatch(CaptureBatch batch, ImportLogEntry entry);

    /// <summary>
    /// Stores several validated batches, each with its import log entry, in one transaction: every batch lands whole or not at
    /// all, as with <see cref="SaveBatch"/>, and here they land together (one commit, and on PostgreSQL one COPY per table,
    /// instead of one each per batch). The outcomes are in the order of <paramref name="batches"/>; content already stored, or
    /// given twice, is <see cref="ImportOutcome.AlreadyImported"/>.
    /// </summary>
    IReadOnlyList<ImportOutcome> SaveBatches(IReadOnlyList<(CaptureBatch Batch, ImportLogEntry Entry)> batches);

    /// <summary>Stores population figures (replacing the same unit and year) and logs the import.</summary>
    ImportOutcome SavePopulation(IReadOnlyList<PopulationFigure> figures, ImportLogEntry entry);

    /// <summary>Replaces the office register and logs the import.</summary>
    ImportOutcome SaveOffices(IReadOnlyList<Office> offices, ImportLogEntry entry);

    /// <summary>Logs a rejected import with its findings; nothing else changes, not even the <see cref="DataVersion"/>.</summary>
    void LogRejected(ImportLogEntry entry);

    /// <summary>Sets (or replaces) a unit's threshold for an indicator, kept as a change by <see cref="Threshold.SetBy"/>.</summary>
    void SaveThreshold(Threshold threshold);

    /// <summary>Removes a unit's own threshold so the default applies again, kept as a change by <paramref name="changedBy"/>.</summary>
    void DeleteThreshold(UnitCode unit, string indicator, string changedBy);

    /// <summary>Sets (or replaces) a target, kept as a change by <paramref name="changedBy"/>.</summary>
    void SaveTarget(Target target, string changedBy = LocalOperator);

    /// <summary>
    /// Sets (or replaces) several targets at once: all or none are stored, and readers reload once rather than once per target.
    /// Each year of a unit's indicator that changes is kept as one change, month by month, by <paramref name="changedBy"/>.
    /// </summary>
    void SaveTargets(IReadOnlyList<Target> targets, string changedBy = LocalOperator);

    /// <summary>Who a change from the command line is kept as, unless told otherwise.</summary>
    const string LocalOperator = "lokal operatør";

    /// <summary>A number that changes whenever stored data changes, so readers know when to reload.</summary>
    long DataVersion();

    /// <summary>Reads everything the engine and the scorecard need.</summary>
    StoredState Load();

    /// <summary>
    /// Reads everything the engine and the scorecard need, in one snapshot of the database, into a working set kept between
    /// data versions: with <paramref name="kept"/> (what <paramref name="builder"/> holds, from the last call's answer) only the
    /// batches stored since are added to <paramref name="builder"/> and built; the reference data, choices, manual values, own
    /// indicators and national versions are read whole (they are small). Null, with nothing added, when the database no longer
    /// holds what <paramref name="kept"/> says (a restored backup, a batch committed out of id order, engine rows of other
    /// rules): the caller loads whole, into a new builder and without <paramref name="kept"/>. Without <paramref name="kept"/>
    /// every batch is read, and the answer is never null. Working sets built earlier from the builder never change.
    /// </summary>
    KeptLoad? Load(Malekort.Indicators.WorkingSetBuilder builder, KeptBatches? kept);

    /// <summary>
    /// Reads only the reference data (population, offices, thresholds, targets), for callers that need no captured data:
    /// <see cref="Load()"/> decodes every batch, which on national data costs far more than these small tables.
    /// </summary>
    ReferenceData LoadReference();

    /// <summary>
    /// Adds the batches stored after batch <paramref name="afterBatchId"/> to <paramref name="builder"/> and returns the newest
    /// batch id seen, so a long-lived working set reads only what arrived since (0 reads everything). With several writers a
    /// batch can commit after one with a higher id; a reader that must see every batch reloads whole (<see cref="Load()"/>).
    /// </summary>
    long LoadBatches(Malekort.Indicators.WorkingSetBuilder builder, long afterBatchId);

    /// <summary>The import log, newest first, every entry with every finding.</summary>
    IReadOnlyList<ImportLogEntry> ImportLog();

    /// <summary>
    /// One page of the import log, newest first: <paramref name="limit"/> entries after the first <paramref name="offset"/>,
    /// without their findings (<see cref="ImportLogEntry.FindingsCount"/> says how many), and how many entries there are in all.
    /// With <paramref name="units"/>, only entries without a unit or for one of them.
    /// </summary>
    (IReadOnlyList<ImportLogEntry> Entries, long Total) ImportLogPage(int offset, int limit, IReadOnlyCollection<UnitCode>? units = null);

    /// <summary>One entry of the import log without its findings (<see cref="ImportLogEntry.FindingsCount"/> says how many), or null.</summary>
    ImportLogEntry? ImportEntry(long importId);

    /// <summary>
    /// The findings of one import, in the order reported: <paramref name="limit"/> lines after the first <paramref name="offset"/>,
    /// and how many lines it has (a line may stand for many findings, <see cref="Finding.Count"/>).
    /// </summary>
    (IReadOnlyList<Finding> Findings, long Lines) ImportFindings(long importId, int offset, int limit);

    /// <summary>
    /// The first <paramref name="each"/> findings of each import, in the order reported, in one round trip (a page of the import
    /// log shows a few with every import); an import without findings is not in the answer.
    /// </summary>
    IReadOnlyDictionary<long, IReadOnlyList<Finding>> FirstFindings(IReadOnlyCollection<long> importIds, int each);
}

/// <summary>What happened to an import.</summary>
public enum ImportOutcome
{
    /// <summary>Stored.</summary>
    Imported,
    /// <summary>The identical content was already stored: nothing changed.</summary>
    AlreadyImported,
    /// <summary>Rejected with findings: nothing changed.</summary>
    Rejected,
}

/// <summary>One import as logged: what, when, which unit and period, how many records, and every finding.</summary>
/// <param name="Source">The file or folder name as given.</param>
/// <param name="Format">The format recognised (e.g. <c>malekort-capture/1</c>, <c>ssb-07459-csv</c>).</param>
/// <param name="ImportedAt">When (from the injected clock).</param>
/// <param name="Outcome">What happened.</param>
/// <param name="Unit">The unit, for batches.</param>
/// <param name="PeriodFrom">The period's first day, for batches.</param>
/// <param name="PeriodTo">The period's last day, for batches.</param>
/// <param name="ContentHash">SHA-256 of the content, hex.</param>
/// <param name="Counts">Records by kind.</param>
/// <param name="Findings">Every finding (warnings for stored imports; errors for rejected ones); empty in a page of the log,
/// where <see cref="FindingsCount"/> says how many there are.</param>
public sealed record ImportLogEntry(
    string Source,
    string Format,
    DateTimeOffset ImportedAt,
    ImportOutcome Outcome,
    UnitCode? Unit,
    DateOnly? PeriodFrom,
    DateOnly? PeriodTo,
    string ContentHash,
    IReadOnlyDictionary<string, int> Counts,
    IReadOnlyList<Finding> Findings)
{
    /// <summary>The entry's id in the store; 0 before it is stored.</summary>
    public long Id { get; init; }

    /// <summary>How many findings the entry has (also when they are not loaded): the sum of their counts (<see cref="Finding.Count"/>).</summary>
    public long FindingsCount { get; init; } = Finding.Total(Findings);
}

/// <summary>Everything stored that the engine and the scorecard read.</summary>
/// <param name="WorkingSet">The captured data, compact.</param>
/// <param name="Population">SSB population figures.</param>
/// <param name="Offices">The office register.</param>
/// <param name="Thresholds">The units' own thresholds, with the defaults behind them.</param>
/// <param name="Targets">Targets (måltall).</param>
public sealed record StoredState(
    Malekort.Indicators.WorkingSet WorkingSet,
    PopulationTable Population,
    OfficeRegister Offices,
    ThresholdTable Thresholds,
    IReadOnlyList<Target> Targets)
{
    /// <summary>Values typed by people for months without captured data (issue 11 item 4), as typed.</summary>
    public IReadOnlyList<global::Malekort.ManualValues.ManualValue> ManualValues { get; init; } = [];

    /// <summary>The indicators units have chosen for their scorecards (issue 11 item 5), by unit.</summary>
    public IReadOnlyList<global::Malekort.Choices.IndicatorChoice> IndicatorChoices { get; init; } = [];

    /// <summary>Own indicators as defined by municipalities and offices (issue 11 item 6), by code.</summary>
    public IReadOnlyList<global::Malekort.Indicators.OwnIndicator> OwnIndicators { get; init; } = [];

    /// <summary>National versions of definitions added in the browser (issue 11 item 7), in force, by indicator and number.</summary>
    public IReadOnlyList<global::Malekort.Indicators.NationalVersion> NationalVersions { get; init; } = [];
}

/// <summary>What a kept working set holds of the store (<see cref="IMalekortStore.Load(Malekort.Indicators.WorkingSetBuilder, KeptBatches?)"/>).</summary>
/// <param name="NewestId">The newest batch read (0: none).</param>
/// <param name="Count">How many batches were read: every batch up to <paramref name="NewestId"/>.</param>
/// <param name="NewestHash">The content hash of the newest batch read, so another database or a restored one is told apart.</param>
/// <param name="DataVersion">The store's data version in the snapshot read.</param>
public sealed record KeptBatches(long NewestId, long Count, string? NewestHash, long DataVersion);

/// <summary>One load into a kept working set: the stored state, and what the builder now holds.</summary>
/// <param name="State">Everything the engine and the scorecard need.</param>
/// <param name="Kept">What to give the next load.</param>
public sealed record KeptLoad(StoredState State, KeptBatches Kept);

/// <summary>The stored reference data: what <see cref="StoredState"/> holds besides the captured data.</summary>
/// <param name="Population">SSB population figures.</param>
/// <param name="Offices">The office register.</param>
/// <param name="Thresholds">The units' own thresholds, with the defaults behind them.</param>
/// <param name="Targets">Targets (måltall).</param>
public sealed record ReferenceData(
    PopulationTable Population,
    OfficeRegister Offices,
    ThresholdTable Thresholds,
    IReadOnlyList<Target> Targets);
