using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Malekort.Web.Publishing;

/// <summary>
/// Loads the publications before the server takes requests, then rereads them now and then: another server on the same
/// PostgreSQL database may publish too.
/// </summary>
internal sealed partial class PublicationRefresher(PublicationBook book, TimeProvider clock, ILogger<PublicationRefresher> logger)
    : BackgroundService
{
    internal static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        book.Reload();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    book.Reload();
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    LogReloadFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kunne ikke lese publiseringene på nytt; bruker de forrige.")]
    private static partial void LogReloadFailed(ILogger logger, Exception exception);
}
