using System.Globalization;
using Malekort.Periods;
using Malekort.Storage;
using Malekort.Units;
using Malekort.Web.Publishing;
using Malekort.Web.Scorecard;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Malekort.Web.Federation;

/// <summary>One attempt at one revision, as the sender reports it.</summary>
/// <param name="Revision">The revision.</param>
/// <param name="Attempt">1 for the first attempt, counting failures in a row since.</param>
/// <param name="Response">What came of it.</param>
/// <param name="NextAttempt">When it is tried again after a failure; null when delivered.</param>
internal sealed record DeliveryAttempt(PublicationHeader Revision, int Attempt, DeliveryResponse Response, DateTimeOffset? NextAttempt);

/// <summary>
/// Delivers every published month to the central instance (<c>serve --deliver-to</c>): the latest revision of each office's
/// month that the central has not confirmed, as a <c>malekort-aggregat</c> document. A new publication wakes it; a failed
/// attempt is retried after a wait that doubles with every failure in a row (<see cref="DeliveryTarget.RetryAfter"/>), on the
/// injected clock. Every attempt is in the run log. The central instance stores a revision once, so an attempt whose answer
/// was lost (the central instance stopped after storing) is simply confirmed by the next.
/// </summary>
internal sealed partial class AggregateSender : BackgroundService
{
    /// <summary>How often the store is asked for undelivered revisions without a wake-up (another process may publish).</summary>
    internal static readonly TimeSpan PollInterval = TimeSpan.FromMinutes(1);

    private readonly DeliveryTarget target;
    private readonly IMalekortStore store;
    private readonly MonthPublisher publisher;
    private readonly RunLog runLog;
    private readonly TimeProvider clock;
    private readonly ILogger<AggregateSender> logger;
    private readonly SemaphoreSlim wake = new(0);
    // Failures in a row per revision and when it is due again; only the sender's loop touches it.
    private readonly Dictionary<(UnitCode, Month, int), (int Failures, DateTimeOffset Due)> failing = [];
    private readonly HashSet<UnitCode> toldWithoutKey = [];

    public AggregateSender(DeliveryTarget target, IMalekortStore store, MonthPublisher publisher, RunLog runLog, TimeProvider clock,
        ILogger<AggregateSender> logger)
    {
        this.target = target;
        this.store = store;
        this.publisher = publisher;
        this.runLog = runLog;
        this.clock = clock;
        this.logger = logger;
        publisher.Published += OnPublished;
    }

    /// <summary>Raised after every attempt, on the sender's thread.</summary>
    public event Action<DeliveryAttempt>? Attempted;

    /// <summary>The central instance as the receipts name it.</summary>
    internal string Central => target.Central.AbsoluteUri;

    /// <summary>Delivers now what is due rather than at the next wait's end.</summary>
    public void Wake() => wake.Release();

    public override void Dispose()
    {
        publisher.Published -= OnPublished;
        wake.Dispose();
        base.Dispose();
    }

    private void OnPublished(PublicationHeader revision) => Wake();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var client = new DeliveryClient(target);
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                wait = await DeliverDueAsync(client, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The local database failed (down, locked): the revisions wait where they are.
                LogStoreFailed(logger, e);
                wait = target.FirstRetry;
            }
            try
            {
                // The wait runs on the injected clock, so a test moves it.
                using var timer = new CancellationTokenSource(wait < PollInterval ? wait : PollInterval, clock);
                using var waiting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timer.Token);
                await wake.WaitAsync(waiting.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // The wait is over.
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Tries every revision that is due; returns how long until the next is due (the poll interval when none waits).</summary>
    internal async Task<TimeSpan> DeliverDueAsync(DeliveryClient client, CancellationToken token)
    {
        var pending = store.Undelivered(Central);
        // A revision superseded or delivered meanwhile (by another process) keeps no failures.
        var keys = pending.Select(p => (p.Office, p.Month, p.Revision)).ToHashSet();
        foreach (var gone in failing.Keys.Where(k => !keys.Contains(k)).ToList()) failing.Remove(gone);

        var next = PollInterval;
        foreach (var revision in pending)
        {
            if (target.KeyOf(revision.Office) is not { } key)
            {
                if (toldWithoutKey.Add(revision.Office)) LogNoKey(logger, revision.Office.Value, Central);
                continue;
            }
            var id = (revision.Office, revision.Month, revision.Revision);
            var now = clock.GetUtcNow();
            if (failing.TryGetValue(id, out var failed) && failed.Due > now)
            {
                if (failed.Due - now < next) next = failed.Due - now;
                continue;
            }
            var wait = await AttemptAsync(client, key, revision, failed.Failures + 1, token);
            if (wait is { } w && w < next) next = w;
        }
        return next;
    }

    private async Task<TimeSpan?> AttemptAsync(DeliveryClient client, DeliveryKey key, PublicationHeader revision, int attempt,
        CancellationToken token)
    {
        var started = clock.GetTimestamp();
        var startedAt = clock.GetUtcNow();
        var values = store.PublishedValues(revision.Office, revision.Month, revision.Revision) ?? [];
        var document = AggregateDocuments.Serialize(AggregateDocuments.From(revision, values));
        var response = await client.SendAsync(key, document, token);
        var what = $"revisjon {revision.Revision.ToString(CultureInfo.InvariantCulture)} av {revision.Office} for {NorwegianFormat.Month(revision.Month)}";
        var subject = $"{revision.Office} {revision.Month} revisjon {revision.Revision.ToString(CultureInfo.InvariantCulture)}";
        var id = (revision.Office, revision.Month, revision.Revision);
        if (response.Delivered)
        {
            store.RecordReceipt(Central, revision, clock.GetUtcNow());
            failing.Remove(id);
            var text = $"{Capitalised(what)} er levert til {Central}" + (response.New ? "." : "; den sentrale instansen hadde den fra før.") +
                       (attempt > 1 ? $" Det lyktes på forsøk {attempt.ToString(CultureInfo.InvariantCulture)}." : "");
            Record(startedAt, started, RunOutcome.Delivered, subject, revision, text);
            LogDelivered(logger, revision.Office.Value, revision.Month.ToString(), revision.Revision, Central, attempt);
            Attempted?.Invoke(new DeliveryAttempt(revision, attempt, response, null));
            return null;
        }
        if (response.Permanent)
        {
            // Retrying a refusal of this kind forever only fills the run log: the revision waits for a person, and the next one
            // published (a correction, or the registers put right) is delivered on its own.
            store.RecordRefusal(Central, revision, response.Status!.Value, response.Reason ?? "", clock.GetUtcNow());
            failing.Remove(id);
            var refused = $"{RefusedWords}: {Central} avviste {what} (forsøk {attempt.ToString(CultureInfo.InvariantCulture)}): {response.Reason}. " +
                          "Den sendes ikke igjen; ret feilen og publiser måneden på nytt, så leveres den nye revisjonen.";
            Record(startedAt, started, RunOutcome.Refused, subject, revision, refused);
            LogRefused(logger, revision.Office.Value, revision.Month.ToString(), revision.Revision, Central, response.Reason ?? "");
            Attempted?.Invoke(new DeliveryAttempt(revision, attempt, response, null));
            return null;
        }
        var wait = target.RetryAfter(attempt);
        var due = clock.GetUtcNow() + wait;
        failing[id] = (attempt, due);
        var message = $"Levering av {what} til {Central} feilet (forsøk {attempt.ToString(CultureInfo.InvariantCulture)}): {response.Reason}. " +
                      $"Nytt forsøk om {NorwegianFormat.Duration(wait)}, {NorwegianFormat.Instant(due)}.";
        Record(startedAt, started, RunOutcome.Failed, subject, revision, message);
        LogFailed(logger, revision.Office.Value, revision.Month.ToString(), revision.Revision, Central, attempt, response.Reason ?? "", due);
        Attempted?.Invoke(new DeliveryAttempt(revision, attempt, response, due));
        return wait;
    }

    /// <summary>How a revision the central refused for good is named wherever it is shown.</summary>
    public const string RefusedWords = "Avvist – krever handling";

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private void Record(DateTimeOffset startedAt, long started, RunOutcome outcome, string subject, PublicationHeader revision, string message) =>
        runLog.Append(new RunLogEntry(RunKind.Delivery, RunChannel.Server, startedAt, clock.GetElapsedTime(started), outcome, subject,
            revision.Office, revision.Month, message, []));

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information,
        Message = "Levert {Office} {Month} revisjon {Revision} til {Central} (forsøk {Attempt}).")]
    private static partial void LogDelivered(ILogger logger, string office, string month, int revision, string central, int attempt);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning,
        Message = "Levering av {Office} {Month} revisjon {Revision} til {Central} feilet (forsøk {Attempt}): {Reason}. Nytt forsøk {Next:O}.")]
    private static partial void LogFailed(ILogger logger, string office, string month, int revision, string central, int attempt, string reason,
        DateTimeOffset next);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Warning,
        Message = "{Central} avviste {Office} {Month} revisjon {Revision} for godt: {Reason}. Sendes ikke igjen før en ny revisjon publiseres.")]
    private static partial void LogRefused(ILogger logger, string office, string month, int revision, string central, string reason);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning,
        Message = "{Office} er publisert, men har ingen nøkkel til {Central}; månedene leveres ikke.")]
    private static partial void LogNoKey(ILogger logger, string office, string central);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Error, Message = "Kunne ikke lese publiseringene som skal leveres; prøver igjen.")]
    private static partial void LogStoreFailed(ILogger logger, Exception exception);
}
