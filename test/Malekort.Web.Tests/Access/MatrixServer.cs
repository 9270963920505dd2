using Malekort.Confidentiality;
using Malekort.Import.Pseudonyms;
using Malekort.Population;
using Malekort.Storage;
using Malekort.Storage.Sqlite;
using Malekort.Units;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Malekort.Web.Access;

/// <summary>
/// The real app with every route switched on (uploads, the demo's sign-in, an OpenID Connect provider that is never reached)
/// over <see cref="ScorecardData"/> and one office in another county, NAV Bærum (3201, Akershus), and one user of every
/// role with a token. "Own" units are Østfold's and NAV Fredrikstad's; "other" units are Bærum's.
/// </summary>
public sealed class MatrixServer : IAsyncLifetime
{
    public static readonly UnitCode Baerum = UnitCode.Parse("3201");
    public static readonly UnitCode NavBaerum = UnitCode.Office("0219");

    private readonly string folder = Directory.CreateTempSubdirectory("malekort-matrix-").FullName;
    private WebApplication? app;

    internal SqliteStore Store { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => app!.Services;

    /// <summary>Every endpoint the app mapped.</summary>
    public IReadOnlyList<Microsoft.AspNetCore.Http.Endpoint> Endpoints =>
        Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints;

    /// <summary>The token of each principal that has one, by principal name.</summary>
    public IReadOnlyDictionary<string, string> Tokens { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Store = new SqliteStore(Path.Combine(folder, "malekort.db"));
        ScorecardData.Seed(Store);
        Store.SaveOffices(
            [
                new Office("0106", "NAV Fredrikstad", [ScorecardData.Fredrikstad, ScorecardData.Hvaler]),
                new Office("0105", "NAV Sarpsborg", [ScorecardData.Sarpsborg]),
                new Office("0219", "NAV Bærum", [Baerum]),
            ],
            new ImportLogEntry("kontorer.csv", "kontorregister", DateTimeOffset.UnixEpoch, ImportOutcome.Imported, null, null, null, "kontorer-3",
                new Dictionary<string, int>(), []));
        Store.SavePopulation([new PopulationFigure(Baerum, 2024, 900, 120, 1300, "test")],
            new ImportLogEntry("befolkning.csv", "ssb-07459-csv", DateTimeOffset.UnixEpoch, ImportOutcome.Imported, null, null, null, "befolkning-3",
                new Dictionary<string, int>(), []));
        var baerum = new ScorecardData.BatchBuilder(Baerum, "baerum-2024");
        for (var i = 0; i < 6; i++) baerum.Payment(baerum.Person(30 + i), ScorecardData.December);
        ScorecardData.Save(Store, baerum.Build());

        Tokens = Matrix.Principals.Where(p => p.Role is not null)
            .ToDictionary(p => p.Name, p => TestUsers.Token(Store, p.Name, p.Role!.Value, p.Unit, p.Scope));
        app = MalekortWeb.Build(new MalekortWebOptions
        {
            Urls = "http://127.0.0.1:0",
            AcceptUploads = true,
            DemoSignIn = true,
            PseudonymKey = PseudonymKey.FromBytes(new byte[PseudonymKey.Length]),
            OpenIdConnect = new OpenIdConnectSettings
            {
                Authority = "http://127.0.0.1:9/", ClientId = "malekort", ClientSecret = "aldri-brukt", RequireHttpsMetadata = false,
            },
        }, Store, TimeProvider.System);
        await app.StartAsync();
        BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        Store.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
