using System.Threading.Channels;
using Malekort.Import.Detection;
using Malekort.Storage;
using Malekort.Web.State;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Malekort.Web.Capture;

/// <summary>
/// Watches the drop folder and imports what lands there. A <see cref="FileSystemWatcher"/> wakes it early, a periodic rescan
/// catches what the watcher missed (watchers drop events under load and on network shares). An item is read only after it
/// has looked the same (names, lengths, times) for the quiet period, so a file still being copied is never read. Units'
/// folders are worked on in parallel, each folder's items in name order.
/// </summary>
internal sealed partial class DropFolderWatcher(
    CaptureImporter importer, ScorecardState state, MalekortWebOptions options, TimeProvider clock, ILogger<DropFolderWatcher> logger)
    : BackgroundService
{
    /// <summary>How long an item that failed for a reason other than its content (the database was down) waits for another try.</summary>
    internal static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(1);

    private readonly DropFolder folder = new(options.DropDirectory ?? throw new InvalidOperationException("Ingen mottaksmappe er satt."));
    private readonly Channel<bool> wake =
        Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Dictionary<string, (string Fingerprint, long Since)> seen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Fingerprint, long At)> failed = new(StringComparer.Ordinal);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Before the server reports itself started (ExecuteAsync runs on another thread): the units' folders are there to drop in.
        folder.CreateUnitFolders(state.Current.Offices);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var watcher = new FileSystemWatcher(folder.Root)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.Size | NotifyFilters.LastWrite,
        };
        watcher.Created += (_, _) => Wake();
        watcher.Changed += (_, _) => Wake();
        watcher.Renamed += (_, _) => Wake();
        watcher.Error += (_, e) =>
        {
            LogWatcherError(logger, e.GetException());
            Wake();
        };
        watcher.EnableRaisingEvents = true;
        LogWatching(logger, folder.Root);

        while (!stoppingToken.IsCancellationRequested)
        {
            var waiting = false;
            try
            {
                // A new office register may name new units.
                folder.CreateUnitFolders(state.Current.Offices);
                waiting = await Task.Run(() => Scan(stoppingToken), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                LogScanFailed(logger, e, folder.Root);
            }
            // Items waiting to be quiet are looked at again soon; otherwise the watcher or the rescan wakes us.
            var pause = waiting ? Shorter(options.DropQuietPeriod / 2, options.DropRescanInterval) : options.DropRescanInterval;
            await Sleep(pause, stoppingToken);
        }
    }

    private void Wake() => wake.Writer.TryWrite(true);

    private async Task Sleep(TimeSpan pause, CancellationToken stoppingToken)
    {
        using var timeout = new CancellationTokenSource(pause, clock);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
        try
        {
            await wake.Reader.ReadAsync(either.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // The pause is over.
        }
    }

    /// <summary>Imports every item that has been quiet long enough; returns whether some are still settling.</summary>
    internal bool Scan(CancellationToken stoppingToken)
    {
        var now = clock.GetTimestamp();
        var items = folder.Waiting((unit, e) => LogUnreadable(logger, e, folder.Relative(unit)));
        var present = items.Select(i => i.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in seen.Keys.Where(k => !present.Contains(k)).ToList()) seen.Remove(gone);
        foreach (var gone in failed.Keys.Where(k => !present.Contains(k)).ToList()) failed.Remove(gone);

        var ready = new List<DropItem>();
        var settling = false;
        foreach (var item in items)
        {
            string fingerprint;
            try
            {
                fingerprint = DropFolder.Fingerprint(item.Path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // One entry that cannot be looked at (gone, or no access) holds up no other.
                LogUnreadable(logger, e, folder.Relative(item.Path));
                continue;
            }
            if (failed.TryGetValue(item.Path, out var failure) && failure.Fingerprint == fingerprint
                && clock.GetElapsedTime(failure.At) < RetryAfter)
                continue;
            if (!seen.TryGetValue(item.Path, out var last) || last.Fingerprint != fingerprint)
            {
                seen[item.Path] = (fingerprint, now);
                settling = true;
                continue;
            }
            if (clock.GetElapsedTime(last.Since) < options.DropQuietPeriod)
            {
                settling = true;
                continue;
            }
            ready.Add(item);
        }
        if (ready.Count == 0) return settling;

        // Different units in parallel; one folder's items in order, so a unit's deliveries never race each other here.
        var byHome = ready.GroupBy(i => i.Home, StringComparer.Ordinal).ToList();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.DropParallelism, CancellationToken = stoppingToken };
        Parallel.ForEach(byHome, parallel, group =>
        {
            foreach (var item in group) Process(item);
        });
        return settling;
    }

    private void Process(DropItem item)
    {
        var fingerprint = "";
        IReadOnlyList<string> inputs;
        try
        {
            fingerprint = DropFolder.Fingerprint(item.Path);
            inputs = InputFormats.Expand([item.Path]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A folder that cannot be opened is tried again later, like an import that failed; the others go on.
            LogUnreadable(logger, e, folder.Relative(item.Path));
            lock (failed) failed[item.Path] = (fingerprint, clock.GetTimestamp());
            return;
        }
        foreach (var input in inputs)
        {
            CaptureResult result;
            try
            {
                result = importer.Import(input, folder.Relative(input), RunChannel.DropFolder, uploader: null, folder.UnitOf(item));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Not the input's fault: it stays where it is and is tried again.
                LogImportFailed(logger, e, folder.Relative(input));
                lock (failed) failed[item.Path] = (fingerprint, clock.GetTimestamp());
                return;
            }
            try
            {
                var moved = result.Entry is { Outcome: ImportOutcome.Rejected } rejected
                    ? folder.MoveToRejected(input, item.Home, rejected)
                    : folder.MoveToImported(input, result.Entry?.Unit, item.Home);
                LogMoved(logger, folder.Relative(input), folder.Relative(moved));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Imported or logged already; left where it is, it is not read again until it changes or the retry time is up.
                LogMoveFailed(logger, e, folder.Relative(input));
                lock (failed) failed[item.Path] = (fingerprint, clock.GetTimestamp());
            }
        }
        if (Directory.Exists(item.Path))
        {
            // A folder of several inputs: once they are all moved out, the empty folder goes too.
            try
            {
                DropFolder.RemoveIfEmpty(item.Path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                LogMoveFailed(logger, e, folder.Relative(item.Path));
            }
        }
        lock (seen) seen.Remove(item.Path);
    }

    private static TimeSpan Shorter(TimeSpan a, TimeSpan b) => a < b ? a : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "Følger med på mottaksmappen {Folder}.")]
    private static partial void LogWatching(ILogger logger, string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Input} er flyttet til {Target}.")]
    private static partial void LogMoved(ILogger logger, string input, string target);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Filovervåkingen mistet hendelser; mappen leses på nytt.")]
    private static partial void LogWatcherError(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Kunne ikke lese mottaksmappen {Folder}.")]
    private static partial void LogScanFailed(ILogger logger, Exception exception, string folder);

    [LoggerMessage(Level = LogLevel.Error, Message = "Innlesingen av {Input} feilet; den blir liggende og prøves igjen.")]
    private static partial void LogImportFailed(ILogger logger, Exception exception, string input);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Entry} i mottaksmappen kan ikke leses; den hoppes over, og de andre leses inn.")]
    private static partial void LogUnreadable(ILogger logger, Exception exception, string entry);

    [LoggerMessage(Level = LogLevel.Error, Message = "Kunne ikke flytte {Input} etter innlesing.")]
    private static partial void LogMoveFailed(ILogger logger, Exception exception, string input);
}
