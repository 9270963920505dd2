using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using Malekort.Storage.Postgres;
using Malekort.Storage.Sqlite;
using Malekort.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Malekort.Web.Operations;

public sealed class HealthTests
{
    [Fact]
    public async Task A_started_server_is_live_and_ready()
    {
        using var db = TestDatabases.Create(TestDatabases.Sqlite);
        await using var server = await OperationsServer.StartAsync(db.Store);

        var (liveStatus, live) = await GetAsync(server, Health.LivePath);
        var (readyStatus, ready) = await GetAsync(server, Health.ReadyPath);

        Assert.Equal(HttpStatusCode.OK, liveStatus);
        Assert.Equal("lever", live.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, readyStatus);
        Assert.Equal("klar", ready.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_is_503_with_a_Norwegian_reason_while_the_database_refuses_connections_and_200_when_it_is_back()
    {
        using var db = TestDatabases.Create(TestDatabases.Postgres);
        await using var server = await OperationsServer.StartAsync(db.Store);
        var database = new NpgsqlConnectionStringBuilder(db.Argument).Database!;

        Admin($"ALTER DATABASE {database} WITH ALLOW_CONNECTIONS false",
            $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}'");
        var (downStatus, down) = await GetAsync(server, Health.ReadyPath);
        var (liveStatus, _) = await GetAsync(server, Health.LivePath);
        Admin($"ALTER DATABASE {database} WITH ALLOW_CONNECTIONS true");
        var backStatus = await ReadyWithinAsync(server, TimeSpan.FromMinutes(2));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, downStatus);
        Assert.Equal("ikke klar", down.GetProperty("status").GetString());
        Assert.Equal(["Databasen svarer ikke."], down.GetProperty("grunner").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(HttpStatusCode.OK, liveStatus);
        Assert.Equal(HttpStatusCode.OK, backStatus);
        var log = server.Log.Lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Single(log, e => e.GetProperty("EventId").GetInt32() == 3001);
        Assert.Single(log, e => e.GetProperty("EventId").GetInt32() == 3002);
    }

    [Fact]
    public async Task The_database_check_fails_for_a_PostgreSQL_server_on_a_closed_port()
    {
        using var store = new PostgresStore($"Host=127.0.0.1;Port={ClosedPort()};Database=malekort;Username=malekort;Timeout=5");
        var check = new DatabaseHealthCheck(store, NullLogger<DatabaseHealthCheck>.Instance);

        var result = await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("Databasen svarer ikke.", result.Description);
    }

    [Fact]
    public async Task The_computation_check_fails_until_the_scorecard_has_been_computed()
    {
        using var db = TestDatabases.Create(TestDatabases.Sqlite);
        var state = new State.ScorecardState(db.Store, TimeProvider.System, NullLogger<State.ScorecardState>.Instance);
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var observer = new ComputationObserver(state, new MalekortMetrics(services.GetRequiredService<IMeterFactory>(), TimeProvider.System));
        await observer.StartAsync(TestContext.Current.CancellationToken);
        var check = new ComputationHealthCheck(observer);

        var before = await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);
        state.Refresh();
        var after = await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Unhealthy, before.Status);
        Assert.Equal("Målekortet er ikke beregnet ennå.", before.Description);
        Assert.Equal(HealthStatus.Healthy, after.Status);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(OperationsServer server, string path)
    {
        using var response = await server.Client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, JsonDocument.Parse(body).RootElement.Clone());
    }

    // A pooled connection the server ended may fail once more after the database is back; the next one is new.
    private static async Task<HttpStatusCode> ReadyWithinAsync(OperationsServer server, TimeSpan bound)
    {
        var until = DateTime.UtcNow + bound;
        while (true)
        {
            var (status, _) = await GetAsync(server, Health.ReadyPath);
            if (status == HttpStatusCode.OK || DateTime.UtcNow > until) return status;
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    private static void Admin(params string[] statements)
    {
        using var connection = new NpgsqlConnection(PostgresServer.Shared.ConnectionString("postgres"));
        connection.Open();
        foreach (var sql in statements)
        {
            using var command = new NpgsqlCommand(sql, connection);
            command.ExecuteNonQuery();
        }
    }

    // A port nothing listens on: bound to find a free one, then closed again.
    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
