using System.Globalization;
using Malekort.Periods;
using Malekort.Storage;
using Malekort.Units;
using Malekort.Web.Scorecard;
using Malekort.Web.State;

namespace Malekort.Web.Publishing;

/// <summary>Why a month could not be published, or what publishing did.</summary>
internal enum PublishStatus
{
    /// <summary>A new revision is stored.</summary>
    Published,
    /// <summary>The numbers are those of the latest revision: nothing stored.</summary>
    Unchanged,
    /// <summary>Nothing is captured for the office in the month.</summary>
    NoData,
    /// <summary>The office register has no such office.</summary>
    UnknownOffice,
}

/// <summary>What an attempt to publish came to; <see cref="Revision"/> is the revision in force after it.</summary>
internal sealed record PublishAttempt(PublishStatus Status, PublicationHeader? Revision, string Message, long RunLogId);

/// <summary>
/// Approves and freezes an office's month (like DHIS2's data approval): the office's and each served unit's numbers as the
/// scorecard computes them now become revision 1; a later publication whose numbers differ becomes the next revision, and one
/// whose numbers are the same stores nothing. Every attempt that changes or could change something is in the run log.
/// </summary>
internal sealed class MonthPublisher(IMalekortStore store, ScorecardState state, PublicationBook book, RunLog runLog, TimeProvider clock)
{
    /// <summary>Raised after a new revision is stored, on the publishing thread (a central instance is then due its delivery).</summary>
    public event Action<PublicationHeader>? Published;

    /// <summary>
    /// Publishes <paramref name="month"/> for <paramref name="office"/> from the current snapshot. <paramref name="recordQuiet"/>:
    /// whether to record attempts that change nothing (the schedule records those in its summary instead).
    /// </summary>
    public PublishAttempt Publish(UnitCode office, Month month, string by, RunChannel channel, bool recordQuiet = true)
    {
        var started = clock.GetTimestamp();
        var startedAt = clock.GetUtcNow();
        var snapshot = state.Current;
        var subject = $"{office} {month}";
        if (snapshot.Offices.Find(office) is not { } known)
            return new PublishAttempt(PublishStatus.UnknownOffice, null, $"Kontorregisteret har ikke {office}.", 0);
        // The office's own numbers in full: who may approve them is checked by the caller (Access.Scopes.MayPublish).
        var values = snapshot.Results is { } results ? MonthValues.Live(results, known, month) : null;
        if (values is null)
        {
            var none = $"Ingen data for {known.Name} i {NorwegianFormat.Month(month)}: ingenting å publisere.";
            var noneId = recordQuiet ? Record(channel, startedAt, started, RunOutcome.Skipped, subject, office, month, none) : 0;
            return new PublishAttempt(PublishStatus.NoData, null, none, noneId);
        }

        PublishResult result;
        try
        {
            result = store.Publish(new PublicationDraft(office, month, clock.GetUtcNow(), by, snapshot.DataVersion, values));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Record(channel, startedAt, started, RunOutcome.Failed, subject, office, month,
                $"Publiseringen av {known.Name} for {NorwegianFormat.Month(month)} feilet. Feilen står i serverloggen.");
            throw;
        }
        book.Record(result.Revision);
        var revision = result.Revision.Revision.ToString(CultureInfo.InvariantCulture);
        if (result.Outcome == PublishOutcome.Unchanged)
        {
            var same = $"Tallene for {known.Name} i {NorwegianFormat.Month(month)} er de samme som i revisjon {revision}: ingen ny revisjon.";
            var sameId = recordQuiet ? Record(channel, startedAt, started, RunOutcome.Unchanged, subject, office, month, same) : 0;
            return new PublishAttempt(PublishStatus.Unchanged, result.Revision, same, sameId);
        }
        var text = result.Revision.Revision == 1
            ? $"{known.Name} {NorwegianFormat.Month(month)} er godkjent og publisert som revisjon 1 av {by}."
            : $"{known.Name} {NorwegianFormat.Month(month)} er publisert som revisjon {revision} av {by}: " +
              $"{NorwegianFormat.Count(ChangedIndicators(office, month, result.Revision.Revision, values))} tall er endret fra revisjon " +
              $"{(result.Revision.Revision - 1).ToString(CultureInfo.InvariantCulture)}.";
        var id = Record(channel, startedAt, started, RunOutcome.Published, subject, office, month, text);
        Published?.Invoke(result.Revision);
        return new PublishAttempt(PublishStatus.Published, result.Revision, text, id);
    }

    // The new revision holds exactly the values just published (doubles stored round-trip), so only the previous one is read back.
    private int ChangedIndicators(UnitCode office, Month month, int revision, IReadOnlyList<PublishedValue> published) =>
        store.PublishedValues(office, month, revision - 1) is { } before ? MonthValues.Changes(before, published).Count : 0;

    private long Record(RunChannel channel, DateTimeOffset startedAt, long started, RunOutcome outcome, string subject, UnitCode office,
        Month month, string message) =>
        runLog.Append(new RunLogEntry(RunKind.Publication, channel, startedAt, clock.GetElapsedTime(started), outcome, subject, office,
            month, message, []));
}
