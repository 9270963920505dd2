using Malekort.Confidentiality;
using Malekort.Indicators;
using Malekort.Storage;
using Microsoft.Extensions.Logging;

namespace Malekort.Web.State;

/// <summary>
/// Holds the current <see cref="ScorecardSnapshot"/>. Requests only read <see cref="Current"/>: a reference read,
/// never a lock and never the database. The refresher computes a new snapshot off the request path and swaps it in.
/// </summary>
internal sealed partial class ScorecardState(IMalekortStore store, TimeProvider clock, ILogger<ScorecardState> logger,
    IResultsSource? source = null)
{
    private ScorecardSnapshot? current;
    private long lastFailedVersion = -1;
    private readonly Lock recentLock = new();
    // The working set is kept between data versions (issues 13 and 14): a new version adds only the batches stored since to
    // this builder, and the snapshot being served, built from it earlier, never sees that (WorkingSetBuilder.Build). One
    // load at a time: the refresher, the schedule and the federation endpoint may all ask for a recompute.
    private readonly Lock loadLock = new();
    private WorkingSetBuilder? builder;
    private KeptBatches? kept;

    /// <summary>
    /// The newest page of the import log, with each import's first findings, as read after the last computation or rejected import: what
    /// <c>/datakvalitet</c> shows while the database is down (issue 13 item 4), filtered for the viewer; null before it is read.
    /// </summary>
    public RecentImports? LastImports { get; private set; }

    /// <summary>
    /// The newest run log entries (without findings) as read after the last computation or rejected import: what <c>/driftslogg</c> shows while
    /// the database is down (issue 13 item 4), filtered for the viewer; null before it is read.
    /// </summary>
    public RecentRunLog? LastRunLog { get; private set; }

    /// <summary>Raised after every computation on the thread that computed: the new snapshot's version, or the failure.</summary>
    public event Action<ComputationReport>? Computed;

    /// <summary>The snapshot with full rights: for the server's own work (publishing, the drop folder), never for a request.</summary>
    /// <exception cref="InvalidOperationException">Nothing has been computed yet (the server has not started).</exception>
    public ScorecardSnapshot Current =>
        Volatile.Read(ref current) ?? throw new InvalidOperationException("Målekortet er ikke beregnet ennå.");

    /// <summary>The current snapshot as the viewer may see it (<see cref="ScorecardSnapshot.For"/>).</summary>
    /// <exception cref="InvalidOperationException">Nothing has been computed yet (the server has not started).</exception>
    public ScorecardSnapshot For(Viewer viewer) => Current.For(viewer);
    /// <summary>The snapshot requests read, or null before the first computation.</summary>
    public ScorecardSnapshot? Shown => Volatile.Read(ref current);

    /// <summary>
    /// Completes once a snapshot of at least <paramref name="version"/> is shown, or computing one has failed, or
    /// <paramref name="patience"/> has passed: a form that has just saved answers with pages that show the change.
    /// </summary>
    public async Task WaitForAsync(long version, TimeSpan patience, CancellationToken token)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnComputed(ComputationReport report)
        {
            if (report.DataVersion >= version || report.Failure is not null) reached.TrySetResult();
        }
        Computed += OnComputed;
        try
        {
            if (Shown?.DataVersion >= version) return;
            await reached.Task.WaitAsync(patience, clock, token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        finally
        {
            Computed -= OnComputed;
        }
    }

    /// <summary>Loads and computes unconditionally; used at start, where a failure must stop the server.</summary>
    public void Refresh() => Recompute(store.DataVersion());

    /// <summary>Recomputes when the store's data version has changed; returns whether it did.</summary>
    public bool RefreshIfChanged()
    {
        long version = -1;
        try
        {
            // The version is read before loading: data that changes while loading only causes one more recompute.
            version = store.DataVersion();
            // A new month also recomputes: the computation never reaches past the month it was made in (MonthsCaptured).
            if (Volatile.Read(ref current) is { } shown && shown.DataVersion == version && MonthOf(shown.ComputedAt) == MonthOf(clock.GetUtcNow()))
                return false;
            Recompute(version);
            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The old snapshot stays in use; log once per version, not once a second.
            if (Interlocked.Exchange(ref lastFailedVersion, version) != version) LogRefreshFailed(logger, e, version);
            return false;
        }
    }

    private static Periods.Month MonthOf(DateTimeOffset instant) => Periods.Month.Of(Periods.OsloTime.DateOf(instant));

    private void Recompute(long version)
    {
        var started = clock.GetTimestamp();
        var startedAt = clock.GetUtcNow();
        // The snapshot shown now is about to be replaced: its cached responses go before the load, so the computation's
        // peak memory does not come on top of them. Until the new one is in, requests render uncached.
        var shown = Volatile.Read(ref current);
        shown?.Responses.Suspend();
        try
        {
            var stored = LoadKept();
            // Computed with full rights: every request asks for its own viewer's view of it (For).
            var now = clock.GetUtcNow();
            var results = source is null ? ScorecardSnapshot.EngineResults(stored, now) : source.Compute(stored, now);
            var snapshot = ScorecardSnapshot.Of(stored, version, now, Viewer.Operator, results);
            Publish(snapshot);
            KeepRecentImports(version, now);
            // A newer snapshot than this one was already shown, or this one was not newer: the shown one serves on.
            if (ReferenceEquals(Volatile.Read(ref current), shown)) shown?.Responses.Resume();
            LogComputed(logger, version, clock.GetElapsedTime(started).TotalMilliseconds);
            Computed?.Invoke(new ComputationReport(version, startedAt, clock.GetElapsedTime(started), null));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            if (ReferenceEquals(Volatile.Read(ref current), shown)) shown?.Responses.Resume();
            Computed?.Invoke(new ComputationReport(version, startedAt, clock.GetElapsedTime(started), e));
            throw;
        }
    }

    /// <summary>
    /// The stored state of the newest data version: the batches stored since the last load added to the kept working set, or
    /// everything read anew when there is none yet, the last load failed part way (the builder may hold part of it), or the
    /// store no longer holds what was kept (a restored backup, rows of other rules, a batch committed out of id order:
    /// <see cref="IMalekortStore.Load(WorkingSetBuilder, KeptBatches?)"/> says which).
    /// </summary>
    private StoredState LoadKept()
    {
        lock (loadLock)
        {
            try
            {
                if (builder is not null && kept is not null && store.Load(builder, kept) is { } added)
                {
                    kept = added.Kept;
                    return added.State;
                }
                // Dropped before reading anew, so what only the builder holds can go while the new one fills.
                (builder, kept) = (null, null);
                var fresh = new WorkingSetBuilder();
                var whole = store.Load(fresh, null) ?? throw new InvalidOperationException("A whole load has an answer.");
                (builder, kept) = (fresh, whole.Kept);
                return whole.State;
            }
            catch
            {
                (builder, kept) = (null, null);
                throw;
            }
        }
    }

    /// <summary>
    /// Reads the newest imports and run log again for the outage pages (<see cref="LastImports"/>, <see cref="LastRunLog"/>)
    /// without recomputing: after a rejected import, which changes no figure and so no data version.
    /// </summary>
    public void KeepRecentLogs() => KeepRecentImports(Shown?.DataVersion ?? 0, clock.GetUtcNow());

    // Three short queries after a computation or a rejection; a failure here leaves the last pages that were read, and the
    // scorecard stands. Under a lock, so a slower reader never replaces a newer read with an older one.
    private void KeepRecentImports(long version, DateTimeOffset now)
    {
        lock (recentLock)
        {
            try
            {
                var (entries, total) = store.ImportLogPage(0, RecentImports.Size);
                var findings = store.FirstFindings(entries.Where(e => e.FindingsCount > 0).Select(e => e.Id).ToList(), RecentImports.FindingsEach);
                LastImports = new RecentImports(version, now, total,
                    entries.Select(e => e with { Findings = findings.GetValueOrDefault(e.Id) ?? [] }).ToList());
                LastRunLog = new RecentRunLog(version, now, store.RunLog(RecentRunLog.Size));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogRecentImportsFailed(logger, e);
            }
        }
    }

    /// <summary>
    /// Swaps in the snapshot unless a newer data version is already shown: the schedule's recompute and the refresher can
    /// finish out of order, and an older result must never replace a newer one.
    /// </summary>
    internal void Publish(ScorecardSnapshot snapshot)
    {
        var shown = Volatile.Read(ref current);
        while (shown is null || shown.DataVersion <= snapshot.DataVersion)
        {
            var seen = Interlocked.CompareExchange(ref current, snapshot, shown);
            if (ReferenceEquals(seen, shown)) return;
            shown = seen;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Målekortet er beregnet for dataversjon {Version} på {Milliseconds:F0} ms.")]
    private static partial void LogComputed(ILogger logger, long version, double milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Kunne ikke beregne målekortet for dataversjon {Version}; viser forrige beregning.")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception, long version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kunne ikke lese de nyeste importene for datakvalitetssiden; den forrige listen står.")]
    private static partial void LogRecentImportsFailed(ILogger logger, Exception exception);
}

/// <summary>
/// Where a snapshot's results come from when not from the engine over the captured data: a central instance's delivered
/// aggregates (Federation/). Called off the request path, on the thread that recomputes.
/// </summary>
internal interface IResultsSource
{
    /// <summary>The results as of <paramref name="now"/>; null when there is nothing to show.</summary>
    Malekort.Indicators.IndicatorResults? Compute(StoredState stored, DateTimeOffset now);
}

/// <summary>One computation of the scorecard: which data version, when it started, how long it took, and why it failed.</summary>
internal sealed record ComputationReport(long DataVersion, DateTimeOffset StartedAt, TimeSpan Duration, Exception? Failure);

/// <summary>The newest imports as read after a computation or a rejected import, each with its first findings (<see cref="ScorecardState.LastImports"/>).</summary>
/// <param name="DataVersion">The data version computed just before.</param>
/// <param name="ReadAt">When.</param>
/// <param name="Total">How many imports the log held then.</param>
/// <param name="Entries">The newest, newest first, for every unit: a page filters them for its viewer.</param>
internal sealed record RecentImports(long DataVersion, DateTimeOffset ReadAt, long Total, IReadOnlyList<ImportLogEntry> Entries)
{
    /// <summary>As many as one page of <c>/datakvalitet</c> shows.</summary>
    public const int Size = Scorecard.DataQualityView.ImportsPerPage;

    /// <summary>As many findings per import as the page shows with it.</summary>
    public const int FindingsEach = Scorecard.DataQualityView.FindingsShown;
}

/// <summary>The newest run log entries as read after a computation or a rejected import (<see cref="ScorecardState.LastRunLog"/>).</summary>
/// <param name="DataVersion">The data version computed just before.</param>
/// <param name="ReadAt">When.</param>
/// <param name="Entries">The newest, newest first, for every unit and without findings: a page filters them for its viewer.</param>
internal sealed record RecentRunLog(long DataVersion, DateTimeOffset ReadAt, IReadOnlyList<RunLogEntry> Entries)
{
    /// <summary>As many as <c>/driftslogg</c> shows unless asked for more.</summary>
    public const int Size = Publishing.RunLogPages.DefaultLimit;
}
