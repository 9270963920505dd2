using System.Diagnostics;
using System.Globalization;
using Malekort.DataQuality;
using Malekort.Periods;
using Malekort.Storage;
using Microsoft.Extensions.Logging;

namespace Malekort.Web.Operations;

/// <summary>
/// What the server does around every import it runs (upload, drop folder): times it, counts it in <see cref="MalekortMetrics"/>
/// and logs one structured event with the unit, months, format, outcome, duration and record counts. The event never holds
/// a finding's text: findings quote the rejected values, and those may be fødselsnumre. The counts say how many; the import
/// log in the database (shown on the data-quality page) says which.
/// </summary>
internal sealed partial class ImportTelemetry(MalekortMetrics metrics, ILogger<ImportTelemetry> logger)
{
    /// <summary>Runs one import (typically <c>() =&gt; pipeline.ImportOne(path)</c>), records it and returns its log entry.</summary>
    public ImportLogEntry Run(Func<ImportLogEntry> import)
    {
        ArgumentNullException.ThrowIfNull(import);
        var started = Stopwatch.GetTimestamp();
        var entry = import();
        Record(entry, Stopwatch.GetElapsedTime(started));
        return entry;
    }

    /// <summary>Records an import that was timed elsewhere.</summary>
    public void Record(ImportLogEntry entry, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(entry);
        metrics.RecordImport(entry, duration);
        var unit = entry.Unit?.Value ?? "";
        var firstMonth = entry.PeriodFrom is { } from ? Month.Of(from).ToString() : "";
        var lastMonth = entry.PeriodTo is { } to ? Month.Of(to).ToString() : "";
        var rows = entry.Counts.Values.Sum();
        var counts = string.Join(' ', entry.Counts.Where(c => c.Value > 0).OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key}={c.Value}")));
        var errors = Finding.Total(entry.Findings, f => f.Rejects);
        var warnings = Finding.Total(entry.Findings, f => f.Severity == Severity.Warning);
        var outcome = MalekortMetrics.OutcomeName(entry.Outcome);
        var milliseconds = Math.Round(duration.TotalMilliseconds);
        switch (entry.Outcome)
        {
            case ImportOutcome.Rejected:
                LogRejected(logger, entry.Source, entry.Format, outcome, errors, warnings, milliseconds);
                break;
            default:
                LogLanded(logger, entry.Source, entry.Format, outcome, unit, firstMonth, lastMonth, rows, counts, warnings, milliseconds);
                break;
        }
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information,
        Message = "Innlesing {Source} ({Format}): {Outcome} for {Unit} {FirstMonth}–{LastMonth}, {Rows} rader ({Counts}), {Warnings} advarsler, {DurationMs} ms.")]
    private static partial void LogLanded(ILogger logger, string source, string format, string outcome, string unit, string firstMonth,
        string lastMonth, int rows, string counts, long warnings, double durationMs);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning,
        Message = "Innlesing {Source} ({Format}): {Outcome} med {Errors} feil og {Warnings} advarsler, ingenting lagret, {DurationMs} ms. Funnene står i importloggen.")]
    private static partial void LogRejected(ILogger logger, string source, string format, string outcome, long errors, long warnings, double durationMs);
}
