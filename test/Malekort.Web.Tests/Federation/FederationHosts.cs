using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using Malekort.Confidentiality;
using Malekort.Storage;
using Malekort.Units;
using Malekort.Web.Access;
using Malekort.Web.Capture;

namespace Malekort.Web.Federation;

/// <summary>
/// A central instance and a local one (NAV Fredrikstad) as real servers on loopback, each on its own database and fake clock
/// (<see cref="ServerModeHost"/>), the local delivering to the central with the office's key over loopback HTTP.
/// </summary>
internal static class FederationHosts
{
    public static readonly UnitCode Ostfold = UnitCode.Parse("31");

    /// <summary>A delivery key as <c>malekort central key</c> makes them, fixed so a local can be started before its central.</summary>
    public static readonly string FredrikstadKey = LocalAccounts.NewToken().Token;

    public static string Address(int port) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");

    /// <summary>A central instance on the port, with NAV Fredrikstad's key stored (as its hash) and a county user's token.</summary>
    public static async Task<(ServerModeHost Host, string CountyToken)> Central(string kind, int port)
    {
        var host = await ServerModeHost.Start(kind, _ => new MalekortWebOptions { Urls = Address(port), Central = true });
        host.Store.SetDeliveryKey(ServerModeHost.NavFredrikstad, LocalAccounts.TokenHash(FredrikstadKey), host.Clock.GetUtcNow());
        return (host, TestUsers.Token(host.Store, "ostfold", ViewerRole.Fylke, Ostfold));
    }

    /// <summary>NAV Fredrikstad's own Målekort in server mode, delivering to the central on <paramref name="centralPort"/>.</summary>
    public static Task<ServerModeHost> Local(string kind, int centralPort, string? key = null) => ServerModeHost.Start(kind, o => new MalekortWebOptions
    {
        Urls = o.Urls,
        DropDirectory = o.DropDirectory,
        DropQuietPeriod = o.DropQuietPeriod,
        DropRescanInterval = o.DropRescanInterval,
        AcceptUploads = o.AcceptUploads,
        UploadLimitBytes = o.UploadLimitBytes,
        PseudonymKey = o.PseudonymKey,
        DeliverTo = DeliveryTarget.Create(new Uri(Address(centralPort)), [(ServerModeHost.NavFredrikstad, key ?? FredrikstadKey)], allowLoopbackHttp: true),
    });

    /// <summary>Drops an extract for Fredrikstad into the local's drop folder and waits until its December has that many recipients.</summary>
    public static async Task Capture(ServerModeHost local, TestExtract extract, DateTimeOffset _, int recipients, string name = "uttrekk.zip")
    {
        extract.DropZip(Path.Combine(local.DropFolder, "3107"), name);
        await local.WaitFor(async () => await local.Recipients("3107", "2024-12") == recipients, $"uttrekket gir {recipients} mottakere");
    }

    /// <summary>Fredrikstad's extract captured on the local, published by Kari Nordmann, and waited for until the central holds it.</summary>
    public static async Task CaptureAndDeliver(ServerModeHost local, ServerModeHost central, DateTimeOffset extracted, string because)
    {
        await Capture(local, new TestExtract("3107", extracted), extracted, TestExtract.Persons);
        using (await DropFolderTests.Publish(local, "Kari Nordmann")) { }
        await local.WaitFor(() => central.Store.AggregateDeliveries().Count == 1, because);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>One indicator of the unit's December on the scorecard API, as the token's user sees it.</summary>
    public static async Task<JsonElement> Indicator(ServerModeHost host, string token, string unit, string code)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/malekort?enhet={unit}&maned=2024-12", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("indicators").EnumerateArray()
            .Single(i => i.GetProperty("code").GetString() == code).Clone();
    }

    /// <summary>A page as the token's user sees it.</summary>
    public static async Task<(HttpStatusCode Status, string Body)> Page(ServerModeHost host, string token, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
