using Malekort.Confidentiality;
using Malekort.Storage;
using Malekort.Storage.Sqlite;
using Malekort.Units;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Malekort.Web;

/// <summary>
/// The real app on a free loopback port (Kestrel, <c>http://127.0.0.1:0</c>) over a real SQLite store seeded with
/// <see cref="ScorecardData"/>, in a folder of its own that is deleted afterwards.
/// </summary>
public class ScorecardServer : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "malekort-web-" + Guid.NewGuid().ToString("N"));
    private WebApplication? app;

    /// <summary>Who the signed-in user is: NAV Fredrikstad's office, which sees Fredrikstad and Hvaler in full.</summary>
    protected virtual Viewer Viewer => Viewer.Office(ScorecardData.NavFredrikstad);

    protected virtual void Seed(IMalekortStore store) => ScorecardData.Seed(store);

    /// <summary>The server's options; a subclass may add to them (and start what they name) before the server starts.</summary>
    protected virtual ValueTask<MalekortWebOptions> Configure(MalekortWebOptions options) => ValueTask.FromResult(options);

    internal SqliteStore Store { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The signed-in user's token, which <see cref="Client"/> sends.</summary>
    public string Token { get; private set; } = null!;

    /// <summary>A client signed in with <see cref="Token"/>.</summary>
    public HttpClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        Store = new SqliteStore(Path.Combine(folder, "malekort.db"));
        Seed(Store);
        Token = TestUsers.Token(Store, "bruker", Viewer.Role, Viewer.Unit);
        app = MalekortWeb.Build(await Configure(new MalekortWebOptions { Urls = "http://127.0.0.1:0" }), Store, TimeProvider.System);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        BaseAddress = new Uri(address);
        Client = TestUsers.Client(BaseAddress, Token);
    }

    /// <summary>
    /// Waits until the server shows what the store holds now: the refresher polls the data version, and this waits on its
    /// <c>Computed</c> event, not on a clock (the bound only stops a hung test).
    /// </summary>
    public async Task ShowsStoredDataAsync()
    {
        var state = app!.Services.GetRequiredService<State.ScorecardState>();
        var version = Store.DataVersion();
        var shown = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnComputed(State.ComputationReport report)
        {
            if (report.Failure is null && report.DataVersion >= version) shown.TrySetResult();
        }
        state.Computed += OnComputed;
        try
        {
            if (state.Shown?.DataVersion >= version) return;
            await shown.Task.WaitAsync(TimeSpan.FromMinutes(5), TestContext.Current.CancellationToken);
        }
        finally
        {
            state.Computed -= OnComputed;
        }
    }

    public virtual async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        Store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}

/// <summary>The same app as seen by NAV Sarpsborg: everything outside Sarpsborg is suppressed where small.</summary>
public sealed class SarpsborgViewServer : ScorecardServer
{
    protected override Viewer Viewer => Viewer.Office(ScorecardData.NavSarpsborg);
}

/// <summary>A new installation: the schema, nothing imported.</summary>
public sealed class EmptyServer : ScorecardServer
{
    protected override void Seed(IMalekortStore store) => store.Migrate();
}
