using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Malekort.Storage;

namespace Malekort.Web.Operations;

/// <summary>
/// Målekort's own instruments (System.Diagnostics.Metrics), one set per server. <see cref="PrometheusExport"/> publishes them at
/// <c>/metrics</c>; anything else that listens to meters (dotnet-counters, a collector) can read them too. Tags carry formats,
/// outcomes, record kinds and routes only: never a unit's people, never a pseudonym.
/// </summary>
internal sealed class MalekortMetrics
{
    /// <summary>The meter's name; Prometheus names start with <c>malekort_</c>.</summary>
    public const string MeterName = "Malekort";

    // Totals kept here and observed, not Counter<T>: the exporter forgets a series a day after its last change, and
    // imports come monthly. An observed series is read afresh on every scrape.
    private readonly ConcurrentDictionary<(string Format, string Outcome), long> imports = new();
    private readonly ConcurrentDictionary<(string Format, string Kind), long> importRows = new();
    private readonly ConcurrentDictionary<string, long> computations = new(StringComparer.Ordinal);
    private readonly Histogram<double> importSeconds;
    private readonly Histogram<double> computationSeconds;
    private readonly Histogram<double> requestSeconds;
    private LastComputation? last;

    public MalekortMetrics(IMeterFactory meters, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(clock);
        // Through the factory, so each server (and each test's server) has a meter of its own.
        Meter = meters.Create(MeterName);
        Meter.CreateObservableCounter("imports", () => imports.Select(i => new Measurement<long>(i.Value,
            new KeyValuePair<string, object?>("format", i.Key.Format), new KeyValuePair<string, object?>("outcome", i.Key.Outcome))),
            "{import}", "Innlesinger etter format og utfall.");
        Meter.CreateObservableCounter("import.rows", () => importRows.Select(r => new Measurement<long>(r.Value,
            new KeyValuePair<string, object?>("format", r.Key.Format), new KeyValuePair<string, object?>("kind", r.Key.Kind))),
            "{row}", "Rader lagret ved innlesing, etter format og slag.");
        importSeconds = Meter.CreateHistogram<double>("import.duration.seconds", "s", "Tid per innlesing, etter format og utfall.");
        Meter.CreateObservableCounter("computations", () => computations.Select(c => new Measurement<long>(c.Value,
            new KeyValuePair<string, object?>("outcome", c.Key))), "{computation}", "Beregninger av målekortet, etter utfall.");
        computationSeconds = Meter.CreateHistogram<double>("computation.duration.seconds", "s", "Tid per beregning av målekortet.");
        requestSeconds = Meter.CreateHistogram<double>("request.duration.seconds", "s", "Svartid per forespørsel, etter rute og status.");
        Meter.CreateObservableGauge("computation.units", () => Observe(l => l.Units), "{unit}", "Enheter i siste beregning.");
        Meter.CreateObservableGauge("computation.months", () => Observe(l => l.Months), "{month}", "Måneder i siste beregning.");
        Meter.CreateObservableGauge("data.version", () => Observe(l => l.DataVersion), "{version}", "Dataversjonen målekortet viser.");
        Meter.CreateObservableGauge("state.age.seconds", () => Observe(l => (clock.GetUtcNow() - l.ComputedAt).TotalSeconds), "s",
            "Sekunder siden målekortet sist ble beregnet.");
    }

    /// <summary>The meter the instruments belong to.</summary>
    public Meter Meter { get; }

    /// <summary>Records one import as the pipeline logged it, and how long it took.</summary>
    public void RecordImport(ImportLogEntry entry, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var outcome = OutcomeName(entry.Outcome);
        imports.AddOrUpdate((entry.Format, outcome), 1, (_, n) => n + 1);
        importSeconds.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("format", entry.Format),
            new KeyValuePair<string, object?>("outcome", outcome));
        if (entry.Outcome != ImportOutcome.Imported) return;
        foreach (var (kind, count) in entry.Counts)
        {
            if (count > 0) importRows.AddOrUpdate((entry.Format, kind), count, (_, n) => n + count);
        }
    }

    /// <summary>Records a computation of the scorecard: the data version it shows, when, how long it took and its size.</summary>
    public void RecordComputation(long dataVersion, DateTimeOffset computedAt, TimeSpan duration, int units, int months)
    {
        Volatile.Write(ref last, new LastComputation(dataVersion, computedAt, units, months));
        computations.AddOrUpdate("beregnet", 1, (_, n) => n + 1);
        computationSeconds.Record(duration.TotalSeconds);
    }

    /// <summary>Records a computation that failed; the scorecard goes on showing the one before.</summary>
    public void RecordFailedComputation() => computations.AddOrUpdate("feilet", 1, (_, n) => n + 1);

    /// <summary>Records one request by its route pattern (never its path: paths hold unit codes without bound).</summary>
    public void RecordRequest(string route, int statusCode, TimeSpan duration) =>
        requestSeconds.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("route", route),
            new KeyValuePair<string, object?>("status", statusCode));

    /// <summary>The Norwegian name of an outcome, as the import log shows it.</summary>
    public static string OutcomeName(ImportOutcome outcome) => outcome switch
    {
        ImportOutcome.Imported => "importert",
        ImportOutcome.AlreadyImported => "allerede-importert",
        _ => "avvist",
    };

    // Nothing is reported before the first computation: a missing series says "not computed", a zero would lie.
    private IEnumerable<Measurement<double>> Observe(Func<LastComputation, double> value) =>
        Volatile.Read(ref last) is { } l ? [new Measurement<double>(value(l))] : [];

    private sealed record LastComputation(long DataVersion, DateTimeOffset ComputedAt, int Units, int Months);
}
