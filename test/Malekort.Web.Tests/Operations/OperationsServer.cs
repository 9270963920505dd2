using Malekort.Storage;
using Malekort.Units;
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
    private OperationsServer(WebApplication app, JsonLogCapture log, Uri address)
    {
        App = app;
        Log = log;
        Client = new HttpClient { BaseAddress = address };
    }

    public WebApplication App { get; }

    public JsonLogCapture Log { get; }

    public HttpClient Client { get; }

    public T Service<T>() where T : notnull => App.Services.GetRequiredService<T>();

    public static async Task<OperationsServer> StartAsync(IMalekortStore store, UnitCode? ownOffice = null)
    {
        var app = MalekortWeb.Build(new MalekortWebOptions { Urls = "http://127.0.0.1:0", OwnOffice = ownOffice, LogFormat = LogFormat.Json },
            store, TimeProvider.System);
        var json = app.Services.GetServices<ConsoleFormatter>().Single(f => f.Name == ConsoleFormatterNames.Json);
        var log = new JsonLogCapture(json);
        app.Services.GetRequiredService<ILoggerFactory>().AddProvider(log);
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new OperationsServer(app, log, new Uri(address));
    }

    /// <summary>Waits until the scorecard shows the data version (the refresher looks once a second).</summary>
    public async Task WaitForDataVersionAsync(long version)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!(await Client.GetStringAsync(new Uri(OperationsServices.MetricsPath, UriKind.Relative), TestContext.Current.CancellationToken))
                   .Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"\nmalekort_data_version {version}\n"), StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < until, $"dataversjon {version} ble ikke beregnet innen 30 sekunder");
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
