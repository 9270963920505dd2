using System.Globalization;
using Malekort.Storage;
using Malekort.Web.Publishing;
using Malekort.Web.Scorecard;
using Malekort.Web.State;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Malekort.Web.Capture;

/// <summary>
/// Runs the monthly schedule: at each time the cron expression gives (Europe/Oslo, from the injected clock) it recomputes the
/// scorecard if the data changed and publishes the previous month for every office. A run is in the run log with how many
/// offices got a new revision; each new revision or failure has its own entry. Waits are cut into pieces of at most an
/// hour, so a clock that jumps (a suspended machine, a corrected system time) is noticed within the hour. Times missed while
/// the server was down are not caught up: publishing from the page or the API does that.
/// </summary>
internal sealed partial class ScheduledPublisher(
    MonthlySchedule schedule, MonthPublisher publisher, ScorecardState state, RunLog runLog, TimeProvider clock, ILogger<ScheduledPublisher> logger)
    : BackgroundService
{
    internal static readonly TimeSpan LongestWait = TimeSpan.FromHours(1);

    private DateTimeOffset checkedUntil = clock.GetUtcNow();

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Here rather than in ExecuteAsync, which runs on another thread: times from the start on count.
        checkedUntil = clock.GetUtcNow();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogScheduled(logger, schedule.Expression, schedule.NextAfter(checkedUntil));
        while (!stoppingToken.IsCancellationRequested && schedule.NextAfter(checkedUntil) is { } due)
        {
            var wait = due - clock.GetUtcNow();
            try
            {
                if (wait > TimeSpan.Zero) await Task.Delay(wait < LongestWait ? wait : LongestWait, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            RunDue(clock.GetUtcNow());
        }
    }

    /// <summary>Runs every time the schedule gave since the last check, up to <paramref name="now"/>; returns how many.</summary>
    internal int RunDue(DateTimeOffset now)
    {
        var runs = 0;
        for (var next = schedule.NextAfter(checkedUntil); next is { } due && due <= now; next = schedule.NextAfter(due))
        {
            Run(due);
            runs++;
        }
        if (now > checkedUntil) checkedUntil = now;
        return runs;
    }

    private void Run(DateTimeOffset due)
    {
        var started = clock.GetTimestamp();
        var startedAt = clock.GetUtcNow();
        var month = MonthlySchedule.MonthPublishedAt(due);
        // Recompute first if new data arrived since the last computation (recorded by itself in the run log).
        state.RefreshIfChanged();
        var by = $"tidsplanen «{schedule.Expression}»";
        int published = 0, unchanged = 0, noData = 0, failed = 0;
        foreach (var office in state.Current.Offices.Offices)
        {
            try
            {
                switch (publisher.Publish(office.Code, month, by, RunChannel.Schedule, recordQuiet: false).Status)
                {
                    case PublishStatus.Published: published++; break;
                    case PublishStatus.Unchanged: unchanged++; break;
                    default: noData++; break;
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failed++;
                LogOfficeFailed(logger, e, office.Code.Value, month.ToString());
            }
        }
        var total = published + unchanged + noData + failed;
        var message = string.Create(CultureInfo.InvariantCulture,
            $"Månedlig publisering av {NorwegianFormat.Month(month)} for {total} kontorer: {published} nye revisjoner, {unchanged} uendret, " +
            $"{noData} uten data, {failed} feilet.");
        var outcome = failed > 0 ? RunOutcome.Failed
            : published > 0 ? RunOutcome.Published
            : unchanged > 0 ? RunOutcome.Unchanged
            : RunOutcome.Skipped;
        runLog.Append(new RunLogEntry(RunKind.Publication, RunChannel.Schedule, startedAt, clock.GetElapsedTime(started), outcome,
            $"Alle kontorer {month}", null, month, message, []));
        LogRan(logger, month.ToString(), published, unchanged, noData, failed);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Tidsplan «{Expression}» (Europe/Oslo); neste kjøring {Next:O}.")]
    private static partial void LogScheduled(ILogger logger, string expression, DateTimeOffset? next);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Publiserte {Month}: {Published} nye revisjoner, {Unchanged} uendret, {NoData} uten data, {Failed} feilet.")]
    private static partial void LogRan(ILogger logger, string month, int published, int unchanged, int noData, int failed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Publiseringen av {Month} for {Office} feilet.")]
    private static partial void LogOfficeFailed(ILogger logger, Exception exception, string office, string month);
}
