using System.Security.Claims;
using Malekort.Confidentiality;
using Malekort.DataQuality;
using Malekort.Import.Pipeline;
using Malekort.Import.Pseudonyms;
using Malekort.Storage;
using Malekort.Web.Access;
using Malekort.Storage.Faults;
using Malekort.Units;
using Malekort.Web.Operations;
using Malekort.Web.Publishing;
using Malekort.Web.Scorecard;
using Malekort.Web.State;

namespace Malekort.Web.Capture;

/// <summary>What became of one input that arrived without anyone at a keyboard.</summary>
/// <param name="Entry">The import as logged; null when the input was refused before it was stored.</param>
/// <param name="RunLogId">Its entry in the run log (0 when the run log could not take it).</param>
/// <param name="Outcome">Imported, already imported, rejected or refused.</param>
/// <param name="Message">What happened, in Norwegian.</param>
internal sealed record CaptureResult(ImportLogEntry? Entry, long RunLogId, RunOutcome Outcome, string Message);

/// <summary>
/// Imports inputs from the drop folder and uploads through the same pipeline as <c>malekort import</c>, and records each in the
/// run log. Safe to call from several threads: the store serialises writers of the same unit.
/// </summary>
internal sealed class CaptureImporter(IMalekortStore store, ScorecardState state, RunLog runLog, MalekortWebOptions options, TimeProvider clock,
    ImportTelemetry telemetry)
{
    private readonly Lazy<Pseudonymizer> pseudonyms = new(() => new Pseudonymizer(options.PseudonymKey
        ?? throw new InvalidOperationException("Mottak av leveranser krever en pseudonymnøkkel (MalekortWebOptions.PseudonymKey).")));

    // An import holds its input's records in memory until they are stored: the server's memory is bounded by how many run at
    // once, whatever the number of uploads and drops waiting (an upload waits with its body on disk).
    private readonly SemaphoreSlim running = new(options.ImportsAtOnce, options.ImportsAtOnce);

    /// <summary>
    /// Imports the file, batch folder or zip at <paramref name="path"/>, waiting while <see cref="MalekortWebOptions.ImportsAtOnce"/>
    /// others run. An upload stores only what its user may deliver (<see cref="Scopes.MayDeliver"/>); anything else is refused
    /// whole. The drop folder (<paramref name="uploader"/> null) delivers anything; <paramref name="folderUnit"/> is the unit
    /// whose folder the input was dropped in, if any. Errors other than bad input (the database is down) are thrown after being
    /// recorded, so the caller can keep the input for another try.
    /// </summary>
    public CaptureResult Import(string path, string subject, RunChannel channel, ClaimsPrincipal? uploader, UnitCode? folderUnit = null)
    {
        running.Wait();
        try
        {
            return Run(path, subject, channel, uploader, folderUnit);
        }
        finally
        {
            running.Release();
        }
    }

    /// <summary><see cref="Import"/> for a request: it waits for its turn without holding a thread.</summary>
    public async Task<CaptureResult> ImportAsync(string path, string subject, RunChannel channel, ClaimsPrincipal? uploader, CancellationToken cancellation)
    {
        await running.WaitAsync(cancellation);
        try
        {
            return await Task.Run(() => Run(path, subject, channel, uploader, folderUnit: null), cancellation);
        }
        finally
        {
            running.Release();
        }
    }

    private CaptureResult Run(string path, string subject, RunChannel channel, ClaimsPrincipal? uploader, UnitCode? folderUnit)
    {
        var started = clock.GetTimestamp();
        var startedAt = clock.GetUtcNow();
        var offices = state.Current.Offices;
        var target = uploader is null
            ? store
            : DeliveryScope.Wrap(store, unit => Scopes.MayDeliver(uploader, unit, offices));
        // Where it came from says whose it is (ImportPipeline.RejectedUnit): a unit's drop folder, or an upload by a
        // municipality's user; an office's user serves several units, so its upload says nothing more than its content.
        var deliveredFor = uploader is null ? folderUnit : uploader.Role() == ViewerRole.Kommune && uploader.Unit() is { IsCaptureUnit: true } own ? own : null;
        ImportLogEntry entry;
        try
        {
            // Timed, counted in /metrics and logged as one structured event without person data (Operations/).
            entry = telemetry.Run(() => new ImportPipeline(target, pseudonyms.Value, clock).ImportOne(path, deliveredFor));
        }
        catch (DeliveryRefusedException refused)
        {
            var what = refused.Unit is { } u ? $"data for {u}" : "referansedata (befolkning eller kontorregister)";
            var message = $"Avvist: {uploader?.UserName()} kan ikke levere {what}. Ingenting er lagret.";
            var refusedId = runLog.Append(new RunLogEntry(RunKind.Capture, channel, startedAt, clock.GetElapsedTime(started),
                RunOutcome.Refused, subject, refused.Unit, null, message, []));
            return new CaptureResult(null, refusedId, RunOutcome.Refused, message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var why = StorageFault.Of(e) is { } fault ? fault.Message : "Feilen står i serverloggen.";
            runLog.Append(new RunLogEntry(RunKind.Capture, channel, startedAt, clock.GetElapsedTime(started), RunOutcome.Failed, subject,
                null, null, $"Innlesingen stoppet på en feil som ikke skyldes leveransen, og ingenting av den er lagret: {why}", []));
            throw;
        }

        // A rejected upload that says it is for a unit its sender may not deliver is logged without that unit, as
        // DeliveryScope stored it: its findings are the administrators', not that unit's office's.
        if (uploader is not null && entry is { Outcome: ImportOutcome.Rejected, Unit: { } said } && !Scopes.MayDeliver(uploader, said, offices))
            entry = entry with { Unit = null };
        var outcome = entry.Outcome switch
        {
            ImportOutcome.Imported => RunOutcome.Imported,
            ImportOutcome.AlreadyImported => RunOutcome.AlreadyImported,
            _ => RunOutcome.Rejected,
        };
        var text = Describe(entry);
        var id = runLog.Append(new RunLogEntry(RunKind.Capture, channel, startedAt, clock.GetElapsedTime(started), outcome, subject,
            entry.Unit, null, text, entry.Findings));
        // An import recomputes and reads the logs after; a rejection changes no figure, so only the logs are read again.
        if (outcome == RunOutcome.Rejected) state.KeepRecentLogs();
        return new CaptureResult(entry, id, outcome, text);
    }

    /// <summary>One Norwegian sentence about an import.</summary>
    internal static string Describe(ImportLogEntry entry)
    {
        var what = entry.Unit is { } unit
            ? $"{entry.Format} for {unit}, {Period(entry)}"
            : entry.Format;
        var warnings = Finding.Total(entry.Findings, f => f.Severity == Severity.Warning);
        return entry.Outcome switch
        {
            ImportOutcome.Imported => $"Importert: {what}: {Counts(entry)}" + (warnings > 0 ? $" ({Count(warnings)} advarsler)." : "."),
            ImportOutcome.AlreadyImported => $"Allerede importert: samme innhold er lagret fra før ({what}). Ingenting er endret.",
            _ => $"Avvist: {Count(Finding.Total(entry.Findings, f => f.Rejects))} feil i {entry.Source} ({entry.Format}). Ingenting er lagret.",
        };
    }

    private static string Period(ImportLogEntry entry) => entry.PeriodFrom is { } from && entry.PeriodTo is { } to
        ? $"{NorwegianFormat.Date(from)}–{NorwegianFormat.Date(to)}"
        : "uten periode";

    private static string Counts(ImportLogEntry entry)
    {
        var counts = entry.Counts.Where(c => c.Value > 0).Select(c => $"{Count(c.Value)}\u00A0{Texts.CountName(c.Key)}").ToList();
        return counts.Count == 0 ? "ingen poster" : string.Join(", ", counts);
    }

    private static string Count(long n) => NorwegianFormat.Count(n);
}
