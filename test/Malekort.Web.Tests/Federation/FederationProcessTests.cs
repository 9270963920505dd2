using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Malekort.Storage;
using Malekort.Testing;
using Malekort.Web.Capture;
using Microsoft.Data.Sqlite;

namespace Malekort.Web.Federation;

/// <summary>
/// Issue 15's done-when: two offices' own Målekort and a county's central one, each <c>malekort serve</c> as a process of its own
/// on loopback with its own database, set up with the commands docs/federation.md gives.
/// </summary>
public sealed class FederationProcessTests : IDisposable
{
    private const string Password = "et-langt-nok-passord-for-federering";
    private static readonly DateTimeOffset Extracted = new(2025, 1, 3, 5, 0, 0, TimeSpan.Zero);

    private readonly string work = Directory.CreateTempSubdirectory("malekort-federering-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(work, recursive: true);
    }

    private string PathOf(string name) => Path.Combine(work, name);

    /// <summary>The county's central database: the office register, a delivery key per office, and a county user's token.</summary>
    private (string Db, Dictionary<string, string> Keys, string Token) SetUpCentral()
    {
        var db = PathOf("sentral.db");
        // The first key makes the database a central one, which then reads the office register without a pseudonym key.
        var keys = new[] { "NAV-0106", "NAV-0105" }.ToDictionary(o => o, o => MalekortProcess.Succeed(null, "central", "key", "--office", o, "--db", db).Trim());
        MalekortProcess.Succeed(null, "import", "--db", db, Offices());
        MalekortProcess.Succeed(Password + "\n", "users", "add", "ostfold", "--role", "fylke", "--unit", "31", "--db", db);
        return (db, keys, MalekortProcess.Succeed(null, "users", "token", "ostfold", "--db", db).Trim());
    }

    /// <summary>An office's own database with its extract imported, the key file for the central, and an administrator's token.</summary>
    private (string Db, string Keys, string Token) SetUpLocal(string office, string unit, string key, TestExtract extract)
    {
        var db = PathOf($"{office}.db");
        var zip = extract.DropZip(Directory.CreateDirectory(PathOf(office)).FullName, "uttrekk.zip");
        MalekortProcess.Succeed(null, "import", "--db", db, "--key", PathOf($"{office}.key"), Offices(), zip);
        MalekortProcess.Succeed(Password + "\n", "users", "add", "drift", "--role", "admin", "--db", db);
        var keys = PathOf($"{office}-sentral.txt");
        File.WriteAllText(keys, $"# Nøkkelen fra fylket\n{office} {key}\n");
        return (db, keys, MalekortProcess.Succeed(null, "users", "token", "drift", "--db", db).Trim());
    }

    private string Offices()
    {
        var path = PathOf("kontorer.csv");
        if (!File.Exists(path)) File.WriteAllText(path, "office_number,office_name,units\n0106,NAV Fredrikstad,3107|3110\n0105,NAV Sarpsborg,3105\n");
        return path;
    }

    [Fact]
    public async Task Two_offices_publish_to_the_county_which_shows_both_and_their_county_with_small_counts_suppressed_and_holds_no_person_data()
    {
        var (centralDb, keys, countyToken) = SetUpCentral();
        // Sarpsborg's December has two recipients: a small count outside the office.
        var sarpsborgExtract = new TestExtract("3105", Extracted);
        foreach (var person in new[] { 1, 2, 3 }) sarpsborgExtract.Cancel(TestExtract.DecemberPayment(person));
        var fredrikstad = SetUpLocal("NAV-0106", "3107", keys["NAV-0106"], new TestExtract("3107", Extracted));
        var sarpsborg = SetUpLocal("NAV-0105", "3105", keys["NAV-0105"], sarpsborgExtract);
        var centralPort = FederationHosts.FreePort();
        using var central = await MalekortProcess.Serve(centralPort, "--central", "--db", centralDb);
        var locals = new List<MalekortProcess>();
        try
        {
            foreach (var (local, office) in new[] { (fredrikstad, "NAV-0106"), (sarpsborg, "NAV-0105") })
            {
                var server = await MalekortProcess.Serve(FederationHosts.FreePort(), "--db", local.Db, "--deliver-to", central.Address.AbsoluteUri,
                    "--delivery-keys", local.Keys, "--allow-http-loopback");
                locals.Add(server);
                using var client = Client(server.Address, local.Token);
                using var published = await client.PostAsJsonAsync(new Uri("/api/publiseringer", UriKind.Relative),
                    new { kontor = office, maned = "2024-12", godkjentAv = "Kari Nordmann" }, TestContext.Current.CancellationToken);
                Assert.True(published.StatusCode == HttpStatusCode.Created, await published.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            }

            using var county = Client(central.Address, countyToken);
            await Until(async () =>
            {
                var status = await county.GetFromJsonAsync<JsonElement>(new Uri(AggregateApi.Path, UriKind.Relative), TestContext.Current.CancellationToken);
                return status.GetProperty("nyesteManed").GetString() == "2024-12" && status.GetProperty("ikkeLevert").GetArrayLength() == 0;
            }, "begge kontorene har levert desember 2024", central);

            // Sarpsborg's two recipients are a small count; Fredrikstad's five are hidden with them, or the county's seven would
            // give Sarpsborg's away (complementary suppression, as for every viewer outside the office).
            foreach (var unit in new[] { "NAV-0105", "3105", "NAV-0106", "3107" })
            {
                var hidden = await Indicator(county, unit, "BL151");
                Assert.True(hidden.GetProperty("suppressed").GetBoolean(), unit);
                Assert.Equal(JsonValueKind.Null, hidden.GetProperty("numerator").ValueKind);
            }
            // The county sums both offices' municipalities (5 + 2); two of its municipalities delivered, so it is incomplete.
            var ostfold = await Indicator(county, "31", "BL151");
            Assert.Equal((7, 2), (ostfold.GetProperty("numerator").GetInt64(), ostfold.GetProperty("unitsIncluded").GetInt32()));
            Assert.True(ostfold.GetProperty("incomplete").GetBoolean());
            Assert.Equal(3, (await Indicator(county, "NAV-0105", "FLYT.AVGANG")).GetProperty("numerator").GetInt64());
            var page = await county.GetStringAsync(new Uri("/malekort?enhet=31&maned=2024-12", UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Contains("2 av 2 kontorer har levert desember 2024.", page, StringComparison.Ordinal);

            // Nothing about a person reached the central: no pseudonym of either office in any table or in its log, no person rows.
            var pseudonyms = Pseudonyms(fredrikstad.Db).Concat(Pseudonyms(sarpsborg.Db)).ToList();
            Assert.Equal(2 * TestExtract.Persons, pseudonyms.Count);
            var everything = Cells(centralDb);
            foreach (var pseudonym in pseudonyms)
            {
                Assert.DoesNotContain(everything, cell => cell.Text.Contains(pseudonym, StringComparison.Ordinal));
                Assert.DoesNotContain(pseudonym, central.Output, StringComparison.Ordinal);
            }
            Assert.DoesNotContain(everything, cell => cell.Table is "people" or "persons" or "batches" or "payments" or "batch_rows");
            Assert.Contains(everything, cell => cell.Table == "aggregate_values");
        }
        finally
        {
            foreach (var local in locals) local.Dispose();
        }
    }

    [Fact]
    public async Task The_central_killed_during_a_delivery_ends_with_exactly_one_copy_of_the_revision_after_the_local_retries()
    {
        var (centralDb, keys, _) = SetUpCentral();
        var centralPort = FederationHosts.FreePort();
        var central = await MalekortProcess.Serve(centralPort, "--central", "--db", centralDb);
        await using var proxy = new CuttingProxy(centralPort);
        // The local runs in this process on a fake clock, so its retry waits only as long as the test moves the clock.
        await using var local = await FederationHosts.Local(TestDatabases.Sqlite, proxy.Port, keys["NAV-0106"]);
        await FederationHosts.Capture(local, new TestExtract("3107", Extracted), Extracted, TestExtract.Persons);
        try
        {
            proxy.CutOnFirstAnswer(central.Kill);
            using (await DropFolderTests.Publish(local, "Kari Nordmann")) { }
            await proxy.Cut.Task.WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
            await local.WaitFor(() => local.Store.RunLog(50).Any(e => e is { Kind: RunKind.Delivery, Outcome: RunOutcome.Failed }), "forsøket feilet");
            Assert.Contains("feilet (forsøk 1)", local.Store.RunLog(50).First(e => e.Kind == RunKind.Delivery).Message, StringComparison.Ordinal);

            central.Dispose();
            central = await MalekortProcess.Serve(centralPort, "--central", "--db", centralDb);
            await local.WaitFor(() => local.Store.RunLog(50).Any(e => e is { Kind: RunKind.Delivery, Outcome: RunOutcome.Delivered }), "levert ved nytt forsøk");

            var delivered = local.Store.RunLog(50).First(e => e is { Kind: RunKind.Delivery, Outcome: RunOutcome.Delivered });
            // The central had stored the revision before it was killed: the retry finds it there.
            Assert.Contains("den sentrale instansen hadde den fra før", delivered.Message, StringComparison.Ordinal);
            using var connection = new SqliteConnection($"Data Source={centralDb};Mode=ReadOnly");
            connection.Open();
            using var count = connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM aggregate_deliveries WHERE office = 'NAV-0106' AND month = '2024-12' AND revision = 1";
            Assert.Equal(1L, (long)count.ExecuteScalar()!);
        }
        finally
        {
            central.Dispose();
        }
    }

    private static HttpClient Client(Uri address, string token)
    {
        var client = new HttpClient { BaseAddress = address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<JsonElement> Indicator(HttpClient client, string unit, string code)
    {
        var json = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/malekort?enhet={unit}&maned=2024-12", UriKind.Relative),
            TestContext.Current.CancellationToken);
        return json.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == code);
    }

    /// <summary>Waits for a condition the processes bring about on their own (real time: they run on the real clock).</summary>
    private static async Task Until(Func<Task<bool>> condition, string what, MalekortProcess server)
    {
        var deadline = DateTime.UtcNow + Capture.ServerModeHost.HangGuard;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Skjedde ikke innen {Capture.ServerModeHost.HangGuard.TotalMinutes} minutter: {what}\n{server.Output}");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    private static List<string> Pseudonyms(string db)
    {
        using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT person_key FROM people";
        using var reader = command.ExecuteReader();
        var keys = new List<string>();
        while (reader.Read()) keys.Add(reader.GetString(0));
        return keys;
    }

    /// <summary>Every cell of every table, as text.</summary>
    private static List<(string Table, string Text)> Cells(string db)
    {
        using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly");
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            using var reader = list.ExecuteReader();
            while (reader.Read()) tables.Add(reader.GetString(0));
        }
        var cells = new List<(string, string)>();
        foreach (var table in tables)
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.GetValue(i);
                    cells.Add((table, value is byte[] bytes ? Convert.ToHexString(bytes) + System.Text.Encoding.UTF8.GetString(bytes) : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? ""));
                }
            }
        }
        return cells;
    }
}
