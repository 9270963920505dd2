using Microsoft.Extensions.Hosting;

namespace Malekort.Web.State;

/// <summary>
/// Computes the scorecard before the server takes requests, then checks the store's data version once a second and
/// recomputes in the background when it has changed.
/// </summary>
internal sealed class StateRefresher(ScorecardState state, TimeProvider clock) : IHostedService, IDisposable
{
    internal static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource stopping = new();
    private Task? polling;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        state.Refresh();
        polling = Task.Run(() => PollAsync(stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        if (polling is not null) await polling.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task PollAsync(CancellationToken token)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(token)) state.RefreshIfChanged();
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    public void Dispose() => stopping.Dispose();
}
