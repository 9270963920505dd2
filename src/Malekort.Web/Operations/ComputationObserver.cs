using Malekort.Web.State;
using Microsoft.Extensions.Hosting;

namespace Malekort.Web.Operations;

/// <summary>
/// Listens to the scorecard's computations: counts them in <see cref="MalekortMetrics"/> and remembers whether one has
/// succeeded, for the readiness check. Registered before the state's refresher, so it hears the first computation too.
/// </summary>
internal sealed class ComputationObserver(ScorecardState state, MalekortMetrics metrics) : IHostedService
{
    private int computed;

    /// <summary>Whether the scorecard has been computed at least once.</summary>
    public bool HasComputed => Volatile.Read(ref computed) == 1;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        state.Computed += OnComputed;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        state.Computed -= OnComputed;
        return Task.CompletedTask;
    }

    private void OnComputed(ComputationReport report)
    {
        if (report.Failure is not null)
        {
            metrics.RecordFailedComputation();
            return;
        }
        // Raised on the computing thread right after the new snapshot was swapped in, so Current is this computation's.
        var snapshot = state.Current;
        metrics.RecordComputation(report.DataVersion, snapshot.ComputedAt, report.Duration, snapshot.Units.Count, snapshot.Months.Count);
        Volatile.Write(ref computed, 1);
    }
}
