using System.Text.Json;
using Malekort.Storage;
using Malekort.Web.Access;
using Malekort.Web.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Malekort.Web.Operations;

/// <summary>
/// <c>/helse/live</c>: the process answers. <c>/helse/klar</c>: the database answers and the scorecard has been computed;
/// otherwise 503 with the reasons in Norwegian. The reasons are fixed texts: details (hosts, exceptions) go to the log,
/// since the endpoints answer anyone who can reach the server.
/// </summary>
internal static class Health
{
    public const string LivePath = "/helse/live";
    public const string ReadyPath = "/helse/klar";

    /// <summary>How long the database may take to answer the readiness check.</summary>
    public static readonly TimeSpan DatabaseTimeout = TimeSpan.FromSeconds(5);

    internal const string DatabaseCheck = "database";
    internal const string ComputationCheck = "beregning";
    private const string ReadyTag = "klar";

    private static readonly Dictionary<string, string> Reasons = new(StringComparer.Ordinal)
    {
        [DatabaseCheck] = "Databasen svarer ikke.",
        [ComputationCheck] = "Målekortet er ikke beregnet ennå.",
    };

    public static void AddReadinessChecks(this IHealthChecksBuilder checks)
    {
        checks.Services.AddSingleton<DatabaseHealthCheck>();
        checks.Add(new HealthCheckRegistration(DatabaseCheck, s => s.GetRequiredService<DatabaseHealthCheck>(), HealthStatus.Unhealthy,
            [ReadyTag], DatabaseTimeout));
        checks.Add(new HealthCheckRegistration(ComputationCheck, s => new ComputationHealthCheck(s.GetRequiredService<ComputationObserver>()),
            HealthStatus.Unhealthy, [ReadyTag]));
    }

    public static void MapHealth(this IEndpointRouteBuilder endpoints)
    {
        // Public: probes carry no credentials, and the answers say nothing but "live" and "ready".
        endpoints.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).Public();
        endpoints.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync }).Public();
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var live = context.Request.Path.Equals(LivePath, StringComparison.Ordinal);
        object body = report.Status == HealthStatus.Unhealthy
            ? new
            {
                status = "ikke klar",
                grunner = report.Entries.Where(e => e.Value.Status == HealthStatus.Unhealthy).Select(e => Reasons[e.Key]).ToList(),
                viser = Showing(context),
            }
            : new { status = live ? "lever" : "klar" };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, HealthJson.Options));
    }

    /// <summary>What the pages show meanwhile: the last computation, which stays until a new one succeeds.</summary>
    private static string? Showing(HttpContext context) =>
        context.RequestServices.GetRequiredService<ScorecardState>().Shown is { Results: not null } last
            ? $"Sidene viser siste beregning, fra {Scorecard.NorwegianFormat.Instant(last.ComputedAt)} (dataversjon {last.DataVersion})."
            : null;

    private static class HealthJson
    {
        public static readonly JsonSerializerOptions Options = new()
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        };
    }
}

/// <summary>
/// The database answers a cheap query (<see cref="IMalekortStore.DataVersion"/>). A failure is logged once when it starts and
/// once when the database is back, not once per probe.
/// </summary>
internal sealed partial class DatabaseHealthCheck(IMalekortStore store, ILogger<DatabaseHealthCheck> logger) : IHealthCheck
{
    private int failing;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // The stores are synchronous; off the request thread so the registration's timeout can give up on a hung server.
            var version = await Task.Run(store.DataVersion, cancellationToken).WaitAsync(cancellationToken);
            if (Interlocked.Exchange(ref failing, 0) == 1) LogDatabaseBack(logger, store.Description);
            return HealthCheckResult.Healthy(data: new Dictionary<string, object> { ["dataversjon"] = version });
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            if (Interlocked.Exchange(ref failing, 1) == 0) LogDatabaseDown(logger, e, store.Description);
            return HealthCheckResult.Unhealthy("Databasen svarer ikke.");
        }
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Databasen {Database} svarer ikke; serveren er ikke klar.")]
    private static partial void LogDatabaseDown(ILogger logger, Exception exception, string database);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Databasen {Database} svarer igjen.")]
    private static partial void LogDatabaseBack(ILogger logger, string database);
}

/// <summary>The scorecard has been computed at least once, so pages have something to show.</summary>
internal sealed class ComputationHealthCheck(ComputationObserver computations) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(computations.HasComputed ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("Målekortet er ikke beregnet ennå."));
}
