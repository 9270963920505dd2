using System.Globalization;
using Malekort.Storage;
using Malekort.Web.State;
using Microsoft.Extensions.Hosting;

namespace Malekort.Web.Publishing;

/// <summary>
/// Records every computation of the scorecard in the run log. It subscribes when the host creates it, which is before any
/// hosted service starts, so the first computation at start is recorded too. A computation that keeps failing for the same
/// data version is recorded once, not once a second.
/// </summary>
internal sealed class ComputationRecorder : IHostedService, IDisposable
{
    private readonly ScorecardState state;
    private readonly RunLog runLog;
    private long lastFailedVersion = -1;

    public ComputationRecorder(ScorecardState state, RunLog runLog)
    {
        this.state = state;
        this.runLog = runLog;
        state.Computed += Record;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => state.Computed -= Record;

    private void Record(ComputationReport report)
    {
        var version = report.DataVersion.ToString(CultureInfo.InvariantCulture);
        // The exception itself is in the server log: the run log page answers anyone who can reach the server.
        if (report.Failure is not null)
        {
            if (Interlocked.Exchange(ref lastFailedVersion, report.DataVersion) == report.DataVersion) return;
            runLog.Append(new RunLogEntry(RunKind.Computation, RunChannel.Server, report.StartedAt, report.Duration, RunOutcome.Failed,
                $"Dataversjon {version}", null, null, "Beregningen feilet; målekortet viser forrige beregning. Feilen står i serverloggen.", []));
            return;
        }
        runLog.Append(new RunLogEntry(RunKind.Computation, RunChannel.Server, report.StartedAt, report.Duration, RunOutcome.Computed,
            $"Dataversjon {version}", null, null, "Målekortet er beregnet på nytt.", []));
    }
}
