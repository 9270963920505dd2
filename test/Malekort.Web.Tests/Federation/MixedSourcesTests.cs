using System.Net;
using System.Text.Json;
using Malekort.DataQuality;
using Malekort.Import.Pipeline;
using Malekort.Import.Pseudonyms;
using Malekort.Storage;
using Malekort.Testing;
using Malekort.Units;
using Malekort.Web.Capture;
using Malekort.Web.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Malekort.Web.Federation;

/// <summary>
/// A central instance takes SSB population and KOSTRA-level aggregates for a municipality without a Målekort of its own, marked
/// as such, beside the offices' own deliveries (issue 15 item 5).
/// </summary>
public sealed class MixedSourcesTests
{
    private static readonly DateTimeOffset Extracted = new(2025, 1, 3, 5, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_county_sums_an_office_that_delivers_and_a_municipality_from_kostra_and_marks_the_kostra_numbers()
    {
        var port = FederationHosts.FreePort();
        var (central, county) = await FederationHosts.Central(TestDatabases.Sqlite, port);
        await using var _ = central;
        await using var local = await FederationHosts.Local(TestDatabases.Sqlite, port);
        await FederationHosts.CaptureAndDeliver(local, central, Extracted, "Fredrikstad har levert");

        // SSB's population, the real file, into the central's database.
        var population = Import(central, Path.Combine(SsbData(), "ssb_07459_nevnere_2024.csv"));
        Assert.Equal(ImportOutcome.Imported, population.Outcome);

        // Sarpsborg (NAV Sarpsborg has no Målekort) from KOSTRA; Fredrikstad's KOSTRA figure must not replace its own delivery;
        // the county row is SSB's sum, which the central makes itself; a contents code without a mapping is left out.
        var kostra = Import(central, WriteFile(central, "kostra-12210.json", KostraTable(
            regions: ["K-3105", "3107", "EKA31"], times: ["2024M12"], contents: ["KOSsosialhjelpmott0000", "KOSutbetalt0000"],
            values: [40, 250_000, 999, 1, 1039, 2])));
        Assert.True(kostra.Outcome == ImportOutcome.Imported, string.Join(" | ", kostra.Findings));
        Assert.Contains(kostra.Findings, f => f.Message.Contains("KOSutbetalt0000", StringComparison.Ordinal) && f.Severity == Severity.Info);
        Assert.Equal(ImportOutcome.AlreadyImported, Import(central, Path.Combine(Folder(central), "kostra-12210.json")).Outcome);
        await central.WaitFor(async () => (await Indicator(central, county, "31")).GetProperty("numerator").ValueKind == JsonValueKind.Number
            && (await Indicator(central, county, "31")).GetProperty("numerator").GetInt64() == 45, "fylket har begge");

        var countyValue = await Indicator(central, county, "31");
        Assert.Equal(TestExtract.Persons + 40, countyValue.GetProperty("numerator").GetInt64());
        Assert.Equal("kostra", countyValue.GetProperty("source").GetString());
        Assert.Contains("kostra", countyValue.GetProperty("notes").EnumerateArray().Select(n => n.GetProperty("code").GetString()));
        var sarpsborg = await Indicator(central, county, "3105");
        Assert.Equal((40L, "kostra"), (sarpsborg.GetProperty("numerator").GetInt64(), sarpsborg.GetProperty("source").GetString()));
        // The office's own delivery wins over KOSTRA's 999 for Fredrikstad, whichever came first.
        var fredrikstad = await Indicator(central, county, "3107");
        Assert.Equal((TestExtract.Persons, "lokal"), ((int)fredrikstad.GetProperty("numerator").GetInt64(), fredrikstad.GetProperty("source").GetString()));

        var (status, page) = await FederationHosts.Page(central, county, "/malekort?enhet=31&maned=2024-12");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("fra KOSTRA</span>", page, StringComparison.Ordinal);
        Assert.Contains("1 av 2 kontorer har levert desember 2024.", page, StringComparison.Ordinal);
        Assert.Contains("Fra KOSTRA (uten eget Målekort): NAV Sarpsborg.", page, StringComparison.Ordinal);
        var office = (await FederationHosts.Page(central, county, "/malekort?enhet=NAV-0105&maned=2024-12")).Body;
        Assert.Contains("Tallene for NAV Sarpsborg for desember 2024 er fra KOSTRA", office, StringComparison.Ordinal);
        var overview = (await FederationHosts.Page(central, county, "/publisering")).Body;
        Assert.Contains("KOSTRA-aggregater (kontoret har ikke eget Målekort)", overview, StringComparison.Ordinal);
        var csv = Malekort.Testing.Exports.ExportFiles.Csv((await FederationHosts.Page(central, county, "/api/malekort?enhet=31&maned=2024-12&format=csv")).Body);
        var bl151 = csv.Single(r => r.Contains("BL151"));
        Assert.Equal("kostra", bl151[Array.IndexOf(csv[0], "source")]);

        // Person-level input is still refused, whatever else the central takes.
        var zip = new TestExtract("3105", Extracted).DropZip(Folder(central), "uttrekk.zip");
        var refused = Import(central, zip);
        Assert.Equal(ImportOutcome.Rejected, refused.Outcome);
        Assert.Contains("Dette er en sentral instans", refused.Findings.Single().Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> BadTables => new()
    {
        { "ukjent region", KostraTable(["K-9999"], ["2024M12"], ["KOSsosialhjelpmott0000"], [4]), "dimension.Region: Regionen «K-9999» er ikke en kommune" },
        { "framtidig måned", KostraTable(["3105"], ["2099M01"], ["KOSsosialhjelpmott0000"], [4]), "dimension.Tid: Tiden «2099M01» er ikke begynt ennå" },
        { "ukjent tid", KostraTable(["3105"], ["2024K4"], ["KOSsosialhjelpmott0000"], [4]), "dimension.Tid: Tiden «2024K4» er verken et år" },
        { "negativt antall", KostraTable(["3105"], ["2024"], ["KOSsosialhjelpmott0000"], [-3]), "value[0]: Region=3105, Tid=2024, ContentsCode=KOSsosialhjelpmott0000: -3 er ikke et antall" },
        { "desimaltall", KostraTable(["3105"], ["2024"], ["KOSsosialhjelpmott0000"], [2.5m]), "2.5 er ikke et antall" },
        { "ingen kjent variabel", KostraTable(["3105"], ["2024"], ["KOSandel0000"], [4]), "Tabell 12210 er verken en befolkningstabell (SSB 07459, 10826) eller en KOSTRA-tabell Målekort leser: ingen av statistikkvariablene (KOSandel0000)" },
        { "samme kommune to ganger", KostraTable(["3105", "0105"], ["2024"], ["KOSsosialhjelpmott0000"], [4, 5]), "to regioner gir samme kommune" },
    };

    [Theory]
    [MemberData(nameof(BadTables))]
    public void A_bad_kostra_table_is_rejected_whole_with_the_file_the_field_and_why(string what, string json, string expected)
    {
        using var central = new InstanceDatabase(central: true);
        var entry = central.Import(central.Write("kostra.json", json));

        Assert.Equal(ImportOutcome.Rejected, entry.Outcome);
        var finding = entry.Findings.FirstOrDefault(f => f.Rejects && $"{f.Column}: {f.Message}".Contains(expected, StringComparison.Ordinal));
        Assert.True(finding is not null, what + ": " + string.Join(" | ", entry.Findings.Select(f => $"{f.Column}: {f.Message}")));
        Assert.Equal("kostra.json", finding.File);
        Assert.Empty(central.Store.AggregateDeliveries());
    }

    [Fact]
    public void A_local_instance_refuses_kostra_aggregates_since_it_computes_its_own()
    {
        using var local = new InstanceDatabase(central: false);
        var entry = local.Import(local.Write("kostra.json", KostraTable(["3105"], ["2024"], ["KOSsosialhjelpmott0000"], [4])));

        Assert.Equal(ImportOutcome.Rejected, entry.Outcome);
        Assert.Contains(entry.Findings, f => f.Message.StartsWith("KOSTRA-aggregater tas bare inn av en sentral instans", StringComparison.Ordinal));
    }

    /// <summary>A KOSTRA table as the statbank's JSON-stat 2.0 gives it: region × time × contents, the last varying fastest.</summary>
    private static string KostraTable(string[] regions, string[] times, string[] contents, decimal[] values) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["version"] = "2.0",
        ["class"] = "dataset",
        ["label"] = "12210: Utvalgte nøkkeltall for sosialtjenesten (K)",
        ["id"] = new[] { "Region", "Tid", "ContentsCode" },
        ["size"] = new[] { regions.Length, times.Length, contents.Length },
        ["role"] = new Dictionary<string, string[]> { ["geo"] = ["Region"], ["time"] = ["Tid"], ["metric"] = ["ContentsCode"] },
        ["dimension"] = new Dictionary<string, object>
        {
            ["Region"] = Dimension("region", regions),
            ["Tid"] = Dimension("tid", times),
            ["ContentsCode"] = Dimension("statistikkvariabel", contents),
        },
        ["value"] = values,
    });

    private static object Dimension(string label, string[] codes) => new Dictionary<string, object>
    {
        ["label"] = label,
        ["category"] = new Dictionary<string, object> { ["index"] = codes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i) },
    };

    private static string WriteFile(ServerModeHost host, string name, string text)
    {
        var path = Path.Combine(Folder(host), name);
        File.WriteAllText(path, text);
        return path;
    }

    // The host's temporary folder: a central has no drop folder on disk, so nothing may be read through it.
    private static string Folder(ServerModeHost host) => Path.GetDirectoryName(host.DropFolder)!;

    private static ImportLogEntry Import(ServerModeHost host, string path) => new ImportPipeline(host.Store,
        new Pseudonymizer(host.Options.PseudonymKey ?? PseudonymKey.FromBytes(new byte[PseudonymKey.Length])), host.Clock).ImportOne(path);

    private static Task<JsonElement> Indicator(ServerModeHost host, string token, string unit) => FederationHosts.Indicator(host, token, unit, "BL151");

    /// <summary>
    /// The database of a central (or local) instance with the office register and population a server in server mode starts
    /// with, made central as <c>serve --central</c> makes it, without the server: what is refused here is refused by the import
    /// itself, on the store, before any server would see it (that a central server takes a good table is the first test's).
    /// Starting a server for each of these took seconds and proved nothing they assert.
    /// </summary>
    private sealed class InstanceDatabase : IDisposable
    {
        private readonly TestDatabase database;
        private readonly FakeTimeProvider clock = new(ServerModeHost.Started);
        private readonly string folder = Directory.CreateTempSubdirectory("malekort-kostra-").FullName;

        public InstanceDatabase(bool central)
        {
            database = TestDatabases.Create(TestDatabases.Sqlite, clock);
            ServerModeHost.Seed(Store);
            if (central) Store.BecomeCentral();
        }

        public IMalekortStore Store => database.Store;

        public string Write(string name, string text)
        {
            var path = Path.Combine(folder, name);
            File.WriteAllText(path, text);
            return path;
        }

        public ImportLogEntry Import(string path) =>
            new ImportPipeline(Store, new Pseudonymizer(PseudonymKey.FromBytes(new byte[PseudonymKey.Length])), clock).ImportOne(path);

        public void Dispose()
        {
            database.Dispose();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string SsbData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data", "ssb");
            if (File.Exists(Path.Combine(candidate, "ssb_07459_nevnere_2024.csv"))) return candidate;
        }
        throw new DirectoryNotFoundException("Finner ikke data/ssb over " + AppContext.BaseDirectory);
    }
}
