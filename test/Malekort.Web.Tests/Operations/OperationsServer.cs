using Malekort.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Malekort.Web.Operations;

/// <summary>
/// The real app in server mode (JSON logs) on a free loopback port over the given store, with its log captured as
/// standard output would get it. The store stays the caller's.
/// </summary>
internal sealed class OperationsServer : IAsyncDisposable
{
    private OperationsServer(WebApplication app, JsonLogCapture log, Uri address, string token)
    {
        App = app;
        Log = log;
        Client = TestUsers.Client(address, token);
        Address = address;
    }

    /// <summary>Where the server listens.</summary>
    public Uri Address { get; }

    public WebApplication App { get; }

    public JsonLogCapture Log { get; }

    public HttpClient Client { get; }

    public T Service<T>() where T : notnull => App.Services.GetRequiredService<T>();

    public static async Task<OperationsServer> StartAsync(IMalekortStore store, Func<MalekortWebOptions, MalekortWebOptions>? adjust = null)
    {
        var options = new MalekortWebOptions { Urls = "http://127.0.0.1:0", LogFormat = LogFormat.Json };
        // An administrator: the only role that reads /metrics with its own token.
        var token = TestUsers.Token(store, "drift", Confidentiality.ViewerRole.Admin);
        var app = MalekortWeb.Build(adjust?.Invoke(options) ?? options, store, TimeProvider.System);
        var json = app.Services.GetServices<ConsoleFormatter>().Single(f => f.Name == ConsoleFormatterNames.Json);
        var log = new JsonLogCapture(json);
        app.Services.GetRequiredService<ILoggerFactory>().AddProvider(log);
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new OperationsServer(app, log, new Uri(address), token);
    }

    /// <summary>Waits until the scorecard shows the data version (the refresher looks once a second).</summary>
    public async Task WaitForDataVersionAsync(long version)
    {
        var until = DateTime.UtcNow + Capture.ServerModeHost.HangGuard;
        while (!(await Client.GetStringAsync(new Uri(OperationsServices.MetricsPath, UriKind.Relative), TestContext.Current.CancellationToken))
                   .Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"\nmalekort_data_version {version}\n"), StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < until, $"dataversjon {version} ble ikke beregnet innen {Capture.ServerModeHost.HangGuard.TotalMinutes} minutter");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Waits until the log holds an event with each of the ids (failing only after <see cref="Capture.ServerModeHost.HangGuard"/>).</summary>
    public async Task WaitForEventsAsync(params int[] eventIds)
    {
        var until = DateTime.UtcNow + Capture.ServerModeHost.HangGuard;
        while (!eventIds.All(id => Log.Text.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"\"EventId\":{id},"),
                   StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < until, $"hendelsene {string.Join(", ", eventIds)} ble ikke logget innen {Capture.ServerModeHost.HangGuard.TotalMinutes} minutter");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
        Log.Dispose();
    }
}
