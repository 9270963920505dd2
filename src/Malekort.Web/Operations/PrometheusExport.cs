using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Prometheus;

namespace Malekort.Web.Operations;

/// <summary>
/// Publishes this server's <see cref="MalekortMetrics"/> in Prometheus' text format through prometheus-net's meter adapter,
/// in a registry of its own: only Målekort's meter, never another server's in the same process.
/// </summary>
internal sealed class PrometheusExport : IDisposable
{
    // prometheus-net forgets a series that has not changed for this long (at most a day). Every total and gauge is observed,
    // so each scrape refreshes it; only the histograms of imports and computations fade after a quiet day.
    private static readonly TimeSpan ForgetAfter = TimeSpan.FromDays(1);

    private static readonly double[] RequestBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
    private static readonly double[] ImportBuckets = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600];
    private static readonly double[] ComputationBuckets = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

    private readonly IDisposable adapter;

    public PrometheusExport(MalekortMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        Registry = Metrics.NewCustomRegistry();
        adapter = MeterAdapter.StartListening(new MeterAdapterOptions
        {
            Registry = Registry,
            // The factory decides the registry the series land in; without it they would go to the process-wide default.
            MetricFactory = Metrics.WithCustomRegistry(Registry),
            InstrumentFilterPredicate = instrument => ReferenceEquals(instrument.Meter, metrics.Meter),
            MetricsExpireAfter = ForgetAfter,
            ResolveHistogramBuckets = BucketsOf,
        });
    }

    /// <summary>The registry <c>/metrics</c> serves.</summary>
    public CollectorRegistry Registry { get; }

    public void Dispose() => adapter.Dispose();

    private static double[] BucketsOf(Instrument instrument) => instrument.Name switch
    {
        "import.duration.seconds" => ImportBuckets,
        "computation.duration.seconds" => ComputationBuckets,
        _ => RequestBuckets,
    };
}

/// <summary>Times every request by its route pattern.</summary>
internal static class RequestTiming
{
    /// <summary>The route label of requests no endpoint answered.</summary>
    public const string NoRoute = "(ingen)";

    public static IApplicationBuilder UseRequestTiming(this IApplicationBuilder app, MalekortMetrics metrics) =>
        app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? NoRoute;
                metrics.RecordRequest(route, context.Response.StatusCode, Stopwatch.GetElapsedTime(started));
            }
        });
}
