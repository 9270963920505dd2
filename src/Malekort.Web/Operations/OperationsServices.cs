using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Prometheus;

namespace Malekort.Web.Operations;

/// <summary>Health, metrics and logging for running the server: <c>/helse/live</c>, <c>/helse/klar</c>, <c>/metrics</c>.</summary>
internal static class OperationsServices
{
    public const string MetricsPath = "/metrics";

    /// <summary>
    /// The log format and its redaction, the metrics and the health checks. Call before the scorecard state is added: the
    /// computation observer must start before the state's first computation.
    /// </summary>
    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder, MalekortWebOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        builder.Logging.UseFormat(options.LogFormat);
        builder.Services.AddLogRedaction();
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<MalekortMetrics>();
        builder.Services.AddSingleton<PrometheusExport>();
        builder.Services.AddSingleton<ImportTelemetry>();
        builder.Services.AddSingleton<ComputationObserver>();
        builder.Services.AddHostedService(s => s.GetRequiredService<ComputationObserver>());
        builder.Services.AddHealthChecks().AddReadinessChecks();
        return builder;
    }

    /// <summary>Times every request (call first, so errors are timed with their final status) and maps the endpoints.</summary>
    public static WebApplication UseOperations(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseRequestTiming(app.Services.GetRequiredService<MalekortMetrics>());
        app.MapHealth();
        var registry = app.Services.GetRequiredService<PrometheusExport>().Registry;
        app.MapMetrics(MetricsPath, registry).RequireAuthorization(Access.Policies.Metrics);
        return app;
    }
}
