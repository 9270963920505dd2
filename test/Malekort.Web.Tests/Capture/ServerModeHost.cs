using System.Net;
using System.Text.Json;
using Malekort.Confidentiality;
using Malekort.Import.Pseudonyms;
using Malekort.Population;
using Malekort.Storage;
using Malekort.Testing;
using Malekort.Units;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Malekort.Web.Capture;

/// <summary>
/// The real server in server mode on a free loopback port: a fresh database of the kind asked for, a drop folder and the
/// pseudonym key in a temporary folder, uploads on, and three users with tokens: an administrator, NAV Fredrikstad's office
/// and Fredrikstad municipality. NAV Fredrikstad serves 3107 and 3110, NAV Sarpsborg 3105. The server runs on a fake clock
/// (<see cref="Clock"/>) that moves only in <see cref="WaitFor(Func{Task{bool}}, string)"/> or when a test moves it: the drop
/// folder's quiet period, rescans and the scorecard's refresh pass when the test says so, never because a busy machine took
/// its time.
/// </summary>
internal sealed class ServerModeHost : IAsyncDisposable
{
    public static readonly UnitCode Fredrikstad = UnitCode.Parse("3107");
    public static readonly UnitCode NavFredrikstad = UnitCode.Office("0106");

    private readonly string folder;
    private WebApplication app = null!;

    /// <summary>Where the fake clock starts: a working day after the test extracts were made (2025-01-03).</summary>
    public static readonly DateTimeOffset Started = new(2025, 1, 6, 8, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// How long a wait on the server goes on in real time before the test fails: a guard against a hang, never a measure of
    /// speed. It was 30 s, and on 2 cores loaded by parallel builds and the other test programs an import and a recompute have
    /// come close to that; the fake clock, not this bound, decides when the server's timers fire.
    /// </summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(5);

    /// <summary>How far <see cref="WaitFor(Func{Task{bool}}, string)"/> moves the clock at each look: past the quiet period, a rescan and a refresh.</summary>
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(1);

    private ServerModeHost(Func<TimeProvider, TestDatabase> database)
    {
        folder = Directory.CreateTempSubdirectory("malekort-server-").FullName;
        DropFolder = Path.Combine(folder, "mottak");
        Database = database(Clock);
    }

    /// <summary>The server's clock.</summary>
    public FakeTimeProvider Clock { get; } = new(Started);

    public TestDatabase Database { get; }

    public IMalekortStore Store => Database.Store;

    public string DropFolder { get; }

    /// <summary>An administrator's token ("drift"): any unit, reference data, publishing.</summary>
    public string AdminToken { get; private set; } = null!;

    /// <summary>NAV Fredrikstad's office user's token ("kari"): its units, publishing its months.</summary>
    public string OfficeToken { get; private set; } = null!;

    /// <summary>Fredrikstad municipality's token: only 3107's data.</summary>
    public string FredrikstadToken { get; private set; } = null!;

    /// <summary>A client signed in as NAV Fredrikstad's office user, who sees its units in full; requests may send another token.</summary>
    public HttpClient Client { get; private set; } = null!;

    public IServiceProvider Services => app.Services;

    /// <summary>Every line the server logged (besides the console).</summary>
    public RecordedLog Log { get; } = new();

    /// <summary>The options the server runs with.</summary>
    public MalekortWebOptions Options { get; private set; } = null!;

    public static Task<ServerModeHost> Start(string kind, Func<MalekortWebOptions, MalekortWebOptions>? adjust = null) =>
        Start(clock => TestDatabases.Create(kind, clock), adjust);

    /// <summary>The server on a database the test makes on the server's clock (one on a PostgreSQL server of its own, to halt).</summary>
    public static async Task<ServerModeHost> Start(Func<TimeProvider, TestDatabase> database, Func<MalekortWebOptions, MalekortWebOptions>? adjust = null)
    {
        var host = new ServerModeHost(database);
        Seed(host.Store);
        host.AdminToken = TestUsers.Token(host.Store, "drift", ViewerRole.Admin);
        host.OfficeToken = TestUsers.Token(host.Store, "kari", ViewerRole.Kontor, NavFredrikstad);
        host.FredrikstadToken = TestUsers.Token(host.Store, "fredrikstad-kommune", ViewerRole.Kommune, Fredrikstad);
        var options = new MalekortWebOptions
        {
            Urls = "http://127.0.0.1:0",
            DropDirectory = host.DropFolder,
            DropQuietPeriod = TimeSpan.FromMilliseconds(300),
            DropRescanInterval = TimeSpan.FromMilliseconds(200),
            AcceptUploads = true,
            UploadLimitBytes = 1024 * 1024,
            PseudonymKey = PseudonymKey.FromBytes(Enumerable.Range(1, PseudonymKey.Length).Select(i => (byte)i).ToArray()),
        };
        host.Options = adjust?.Invoke(options) ?? options;
        host.app = MalekortWeb.Build(host.Options, host.Store, host.Clock, host.Log);
        await host.app.StartAsync(TestContext.Current.CancellationToken);
        var address = host.app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        // Cookies on: the approval form's anti-forgery token is paired with a cookie.
        host.Client = TestUsers.Client(new Uri(address), host.OfficeToken, cookies: true);
        return host;
    }

    /// <summary>The office register and population; no capture data.</summary>
    public static void Seed(IMalekortStore store)
    {
        var at = new DateTimeOffset(2025, 1, 2, 8, 0, 0, TimeSpan.Zero);
        store.SaveOffices(
            [new Office("0106", "NAV Fredrikstad", [Fredrikstad, UnitCode.Parse("3110")]), new Office("0105", "NAV Sarpsborg", [UnitCode.Parse("3105")])],
            new ImportLogEntry("kontorer.csv", "kontorregister", at, ImportOutcome.Imported, null, null, null, "kontorer", new Dictionary<string, int>(), []));
        store.SavePopulation(
            [new PopulationFigure(Fredrikstad, 2024, 400, 50, 800, "test"), new PopulationFigure(UnitCode.Parse("3110"), 2024, 100, 10, 200, "test")],
            new ImportLogEntry("befolkning.csv", "ssb-07459-csv", at, ImportOutcome.Imported, null, null, null, "befolkning", new Dictionary<string, int>(), []));
    }

    /// <summary>A GET as another user (by their token) than the office's own client.</summary>
    public async Task<(HttpStatusCode Status, string Body)> GetAs(string token, string path)
    {
        using var client = TestUsers.Client(Client.BaseAddress!, token);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    public async Task<(HttpStatusCode Status, string Body)> Get(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    public async Task<JsonElement> GetJson(string path)
    {
        var (status, body) = await Get(path);
        Assert.True(status == HttpStatusCode.OK, $"{path}: {(int)status} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Waits until the condition holds, moving the server's clock on by a second at each look (<see cref="Eventually"/>).</summary>
    public Task WaitFor(Func<Task<bool>> condition, string what) => Eventually(Clock, Step, condition, what);

    public Task WaitFor(Func<bool> condition, string what) => WaitFor(() => Task.FromResult(condition()), what);

    /// <summary>
    /// A drop folder watcher of its own over <paramref name="root"/>, on the server's importer and clock, that scans only when
    /// the test calls <see cref="DropFolderWatcher.Scan"/>: nothing runs between the test's steps.
    /// </summary>
    public DropFolderWatcher Watcher(string root) => new(Services.GetRequiredService<CaptureImporter>(),
        Services.GetRequiredService<State.ScorecardState>(), new MalekortWebOptions { DropDirectory = root, DropQuietPeriod = Options.DropQuietPeriod },
        Clock, NullLogger<DropFolderWatcher>.Instance);

    /// <summary>
    /// Waits until the condition holds, moving the fake clock on by <paramref name="step"/> at each look, as time passes for a
    /// real server: a drop folder is rescanned and read once quiet, the scorecard refreshed, a schedule comes due. Fails with
    /// the message after <see cref="HangGuard"/> of real time, which only a server that never gets there takes.
    /// </summary>
    public static async Task Eventually(FakeTimeProvider clock, TimeSpan step, Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + HangGuard;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Skjedde ikke innen {HangGuard.TotalMinutes} minutter: {what}");
            clock.Advance(step);
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    public static Task Eventually(FakeTimeProvider clock, TimeSpan step, Func<bool> condition, string what) =>
        Eventually(clock, step, () => Task.FromResult(condition()), what);

    /// <summary>BL151 (recipients) for the unit and month as the scorecard API shows it; null before the unit has results.</summary>
    public async Task<long?> Recipients(string unit, string month)
    {
        var (status, body) = await Get($"/api/malekort?enhet={unit}&maned={month}");
        if (status != HttpStatusCode.OK) return null;
        var json = JsonDocument.Parse(body).RootElement;
        var bl151 = json.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "BL151");
        return bl151.GetProperty("numerator").ValueKind == JsonValueKind.Number ? bl151.GetProperty("numerator").GetInt64() : null;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync(TestContext.Current.CancellationToken);
        await app.DisposeAsync();
        Database.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
