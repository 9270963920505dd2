using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Malekort.Periods;
using Malekort.Storage;
using Malekort.Testing;
using Malekort.Units;
using Malekort.Web.Capture;

namespace Malekort.Web.Federation;

/// <summary>A local instance publishes, the central instance receives the aggregates (issue 15 items 2–4).</summary>
public sealed class DeliveryTests
{
    private static readonly Month December = new(2024, 12);
    private static readonly DateTimeOffset Extracted = new(2025, 1, 3, 5, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public async Task A_published_month_reaches_the_central_as_numbers_and_shows_on_its_scorecard_for_the_office_and_county(string kind)
    {
        var port = FederationHosts.FreePort();
        var (central, county) = await FederationHosts.Central(kind, port);
        await using var _ = central;
        await using var local = await FederationHosts.Local(kind, port);
        await FederationHosts.Capture(local, new TestExtract("3107", Extracted), Extracted, TestExtract.Persons);

        using var published = await DropFolderTests.Publish(local, "Kari Nordmann");

        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        await local.WaitFor(() => central.Store.AggregateDeliveries().Count == 1, "den sentrale har revisjon 1");
        var delivery = Assert.Single(central.Store.AggregateDeliveries());
        Assert.Equal((ServerModeHost.NavFredrikstad, December, 1), (delivery.Office, delivery.Month, delivery.Revision));
        Assert.Equal(local.Store.Publications(ServerModeHost.NavFredrikstad, December).Single().Fingerprint, delivery.ContentHash);
        await local.WaitFor(() => local.Store.RunLog(50).Any(e => e is { Kind: RunKind.Delivery, Outcome: RunOutcome.Delivered }), "levert i driftsloggen");
        await central.WaitFor(() => central.Services.GetRequiredService<State.ScorecardState>().Current.Results is not null, "bildet er beregnet");

        foreach (var unit in new[] { "NAV-0106", "3107", "31", "0" })
        {
            var recipients = await FederationHosts.Indicator(central, county, unit, "BL151");
            Assert.Equal(TestExtract.Persons, recipients.GetProperty("numerator").GetInt64());
        }
        var (status, page) = await FederationHosts.Page(central, county, "/malekort?enhet=31&maned=2024-12");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("1 av 2 kontorer har levert desember 2024.", page, StringComparison.Ordinal);
        Assert.Contains("Ikke levert: NAV Sarpsborg.", page, StringComparison.Ordinal);
        var office = (await FederationHosts.Page(central, county, "/malekort?enhet=NAV-0106&maned=2024-12")).Body;
        Assert.Contains("NAV Fredrikstad har levert desember 2024, revisjon 1", office, StringComparison.Ordinal);

        // The delivery key is the delivery endpoint's own scheme: the user-token handler never sees it, so it logs nothing.
        // The sink does catch that handler's line, as an unknown user token shows.
        Assert.DoesNotContain(central.Log.Lines, l => l.Message.Contains("was not authenticated", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Unauthorized, (await FederationHosts.Page(central, "mk_ukjent", "/api/malekort?enhet=31&maned=2024-12")).Status);
        Assert.Contains(central.Log.Lines, l => l.Message.Contains("Bearer was not authenticated", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_revision_the_central_refuses_for_good_is_not_sent_again_and_asks_for_action_until_a_new_revision_is_published()
    {
        var port = FederationHosts.FreePort();
        var (central, _) = await FederationHosts.Central(TestDatabases.Sqlite, port);
        await using var _ = central;
        // The central holds a revision 1 of Fredrikstad's December with other content, so the local's revision 1 is a 409.
        central.Store.SaveAggregates(new AggregateDelivery(ServerModeHost.NavFredrikstad, December, 1, AggregateSource.Local, new string('f', 64),
            Extracted, Extracted, "indicators.md v1", []));
        await using var local = await FederationHosts.Local(TestDatabases.Sqlite, port);
        await FederationHosts.Capture(local, new TestExtract("3107", Extracted), Extracted, TestExtract.Persons);
        using (await DropFolderTests.Publish(local, "Kari Nordmann")) { }
        await local.WaitFor(() => local.Store.RunLog(50).Any(e => e is { Kind: RunKind.Delivery, Outcome: RunOutcome.Refused }), "avvist");

        // Half an hour on the clock, and the sender asked to deliver what is due: nothing is, the refusal waits for a person.
        local.Clock.Advance(TimeSpan.FromMinutes(30));
        var sender = local.Services.GetRequiredService<AggregateSender>();
        using (var client = new DeliveryClient(local.Services.GetRequiredService<DeliveryTarget>()))
            await sender.DeliverDueAsync(client, TestContext.Current.CancellationToken);
        var attempts = local.Store.RunLog(100).Where(e => e.Kind == RunKind.Delivery).ToList();
        var refused = Assert.Single(attempts);
        Assert.Equal(RunOutcome.Refused, refused.Outcome);
        Assert.StartsWith("Avvist – krever handling: ", refused.Message, StringComparison.Ordinal);
        Assert.Contains("svarte 409: Revisjon 1 av NAV Fredrikstad for desember 2024 er mottatt før med et annet innhold", refused.Message,
            StringComparison.Ordinal);
        Assert.Equal(409, Assert.Single(local.Store.DeliveryRefusals()).Status);
        Assert.Empty(local.Store.Undelivered(sender.Central));
        var overview = (await local.GetAs(local.AdminToken, "/publisering")).Body;
        Assert.Contains("avvist – krever handling", overview, StringComparison.Ordinal);
        Assert.Contains("er mottatt før med et annet innhold", overview, StringComparison.Ordinal);
        Assert.Contains("Avvist – krever handling", (await local.GetAs(local.AdminToken, "/driftslogg")).Body, StringComparison.Ordinal);

        // A corrected extract published as revision 2 is delivered on its own, and the refusal of revision 1 is no longer shown.
        var corrected = new TestExtract("3107", Extracted.AddDays(1));
        corrected.Cancel(TestExtract.DecemberPayment(1));
        await FederationHosts.Capture(local, corrected, Extracted.AddDays(1), TestExtract.Persons - 1, "rettet.zip");
        using (await DropFolderTests.Publish(local, "Kari Nordmann")) { }
        await local.WaitFor(() => local.Store.RunLog(100).Any(e => e is { Kind: RunKind.Delivery, Outcome: RunOutcome.Delivered }), "revisjon 2 er levert");
        Assert.Equal([1, 2], central.Store.AggregateDeliveries().Select(d => d.Revision));
        Assert.Empty(local.Store.DeliveryRefusals());
        Assert.DoesNotContain("avvist – krever handling", (await local.GetAs(local.AdminToken, "/publisering")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_delivery_that_finds_no_central_is_retried_with_backoff_on_the_clock_and_lands_once()
    {
        var port = FederationHosts.FreePort();
        await using var local = await FederationHosts.Local(TestDatabases.Sqlite, port);
        await FederationHosts.Capture(local, new TestExtract("3107", Extracted), Extracted, TestExtract.Persons);

        using var published = await DropFolderTests.Publish(local, "Kari Nordmann");

        await local.WaitFor(() => local.Store.RunLog(50).Any(e => e is { Kind: RunKind.Delivery, Outcome: RunOutcome.Failed }), "første forsøk feilet");
        var failed = local.Store.RunLog(50).First(e => e is { Kind: RunKind.Delivery, Outcome: RunOutcome.Failed });
        Assert.Contains("feilet (forsøk 1): fikk ikke kontakt med 127.0.0.1:", failed.Message, StringComparison.Ordinal);
        Assert.Contains("Nytt forsøk om 2\u00A0s", failed.Message, StringComparison.Ordinal);
        var (page, _) = (await local.Get("/driftslogg")).Body is var log ? (log, 0) : default;
        Assert.Contains("Levering", page, StringComparison.Ordinal);

        var (central, _) = await FederationHosts.Central(TestDatabases.Sqlite, port);
        await using var __ = central;
        await local.WaitFor(() => local.Store.RunLog(50).Any(e => e is { Kind: RunKind.Delivery, Outcome: RunOutcome.Delivered }), "levert etter nytt forsøk");

        var delivered = local.Store.RunLog(50).First(e => e is { Kind: RunKind.Delivery, Outcome: RunOutcome.Delivered });
        Assert.Contains("Det lyktes på forsøk", delivered.Message, StringComparison.Ordinal);
        Assert.Single(central.Store.AggregateDeliveries());
        Assert.Empty(local.Store.Undelivered(new Uri(FederationHosts.Address(port) + "/").AbsoluteUri));
    }

    [Fact]
    public async Task Revision_2_replaces_revision_1_centrally_and_the_difference_is_shown_with_small_counts_suppressed()
    {
        var port = FederationHosts.FreePort();
        var (central, county) = await FederationHosts.Central(TestDatabases.Sqlite, port);
        await using var _ = central;
        await using var local = await FederationHosts.Local(TestDatabases.Sqlite, port);
        await FederationHosts.CaptureAndDeliver(local, central, Extracted, "revisjon 1 er levert");

        // A corrected extract: three of the five December payments cancelled, so two recipients remain (a small count).
        var corrected = new TestExtract("3107", Extracted.AddDays(1));
        foreach (var person in new[] { 1, 2, 3 }) corrected.Cancel(TestExtract.DecemberPayment(person));
        await FederationHosts.Capture(local, corrected, Extracted.AddDays(1), 2, "rettet.zip");
        using (await DropFolderTests.Publish(local, "Kari Nordmann")) { }
        await local.WaitFor(() => central.Store.AggregateDeliveries().Count == 2, "revisjon 2 er levert");
        await central.WaitFor(async () => (await FederationHosts.Indicator(central, county, "NAV-0106", "BL151")).GetProperty("suppressed").GetBoolean(),
            "revisjon 2 gjelder");

        var received = central.Store.RunLog(50).First(e => e is { Kind: RunKind.Delivery, Outcome: RunOutcome.Imported } && e.Message.StartsWith("Revisjon 2", StringComparison.Ordinal));
        Assert.Matches(@"Den erstatter revisjon 1: \d+ tall er endret\.", received.Message);
        var recipients = await FederationHosts.Indicator(central, county, "NAV-0106", "BL151");
        Assert.True(recipients.GetProperty("suppressed").GetBoolean());
        Assert.Equal(JsonValueKindNull, recipients.GetProperty("numerator").ValueKind);
        var (status, page) = await FederationHosts.Page(central, county, "/publisering?kontor=NAV-0106&maned=2024-12");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Revisjon 2 gjelder", page, StringComparison.Ordinal);
        Assert.Contains("Endringer fra revisjon 1 til 2", page, StringComparison.Ordinal);
        // The change table shows the county what the scorecard shows it: two recipients is a small count.
        Assert.DoesNotContain("5 → <strong>2</strong>", page, StringComparison.Ordinal);
        Assert.Contains("5 → <strong>:</strong>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_delivery_goes_over_https_to_a_central_whose_certificate_the_local_trusts_and_not_to_one_it_does_not()
    {
        using var certificate = SelfSigned();
        var port = FederationHosts.FreePort();
        var address = $"https://127.0.0.1:{port}";
        await using var central = await ServerModeHost.Start(TestDatabases.Sqlite,
            _ => new MalekortWebOptions { Urls = address, Central = true, Certificate = certificate });
        central.Store.SetDeliveryKey(ServerModeHost.NavFredrikstad, Access.LocalAccounts.TokenHash(FederationHosts.FredrikstadKey), central.Clock.GetUtcNow());
        using var publicPart = X509CertificateLoader.LoadCertificate(certificate.Export(X509ContentType.Cert));
        foreach (var trusted in new[] { false, true })
        {
            await using var local = await ServerModeHost.Start(TestDatabases.Sqlite, o => new MalekortWebOptions
            {
                Urls = o.Urls, DropDirectory = o.DropDirectory, DropQuietPeriod = o.DropQuietPeriod, DropRescanInterval = o.DropRescanInterval,
                PseudonymKey = o.PseudonymKey,
                DeliverTo = DeliveryTarget.Create(new Uri(address), [(ServerModeHost.NavFredrikstad, FederationHosts.FredrikstadKey)],
                    trusted ? [publicPart] : null),
            });
            await FederationHosts.Capture(local, new TestExtract("3107", Extracted), Extracted, TestExtract.Persons);
            using (await DropFolderTests.Publish(local, "Kari Nordmann")) { }
            var outcome = trusted ? RunOutcome.Delivered : RunOutcome.Failed;
            await local.WaitFor(() => local.Store.RunLog(50).Any(e => e.Kind == RunKind.Delivery && e.Outcome == outcome), $"levering: {outcome}");
            if (!trusted)
            {
                Assert.Contains("sertifikatet til den sentrale instansen er ikke godkjent",
                    local.Store.RunLog(50).First(e => e.Kind == RunKind.Delivery).Message, StringComparison.Ordinal);
                Assert.Empty(central.Store.AggregateDeliveries());
            }
        }
        Assert.Single(central.Store.AggregateDeliveries());
        Assert.Throws<ArgumentException>(() => DeliveryTarget.Create(new Uri($"http://127.0.0.1:{port}"), [(ServerModeHost.NavFredrikstad, FederationHosts.FredrikstadKey)]));
        Assert.Throws<ArgumentException>(() => DeliveryTarget.Create(new Uri("http://fylke.example.no"), [(ServerModeHost.NavFredrikstad, FederationHosts.FredrikstadKey)],
            allowLoopbackHttp: true));
    }

    /// <summary>A certificate for 127.0.0.1 signed by itself, as a county might make for its own central instance.</summary>
    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=sentral.test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        return X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pfx), null);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    [Fact]
    public async Task The_central_refuses_a_delivery_without_a_key_with_another_offices_key_or_with_numbers_that_do_not_match_their_hash()
    {
        var port = FederationHosts.FreePort();
        var (central, _) = await FederationHosts.Central(TestDatabases.Sqlite, port);
        await using var __ = central;
        var sarpsborgKey = DeliveryKeys.Create(central.Store, UnitCode.Office("0105"), central.Clock.GetUtcNow());
        var document = Document("NAV-0106", "3107", 5);

        Assert.Equal(HttpStatusCode.Unauthorized, (await Deliver(central, null, document)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Deliver(central, "mk_ukjent", document)).Status);
        var (forbidden, refusal) = await Deliver(central, sarpsborgKey, document);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden);
        Assert.Contains("kan ikke levere tall for NAV-0106", refusal, StringComparison.Ordinal);
        var (tampered, why) = await Deliver(central, FederationHosts.FredrikstadKey, document.Replace("\"teller\":5,\"nevner\":1,\"verdi\":5", "\"teller\":6,\"nevner\":1,\"verdi\":6", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tampered);
        Assert.Contains("«innholdshash» stemmer ikke med tallene", why, StringComparison.Ordinal);
        var (unknownField, field) = await Deliver(central, FederationHosts.FredrikstadKey,
            document.Replace("\"kontor\":", "\"fodselsnummer\":\"01010112345\",\"kontor\":", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownField);
        Assert.Contains("Ukjente felt", field, StringComparison.Ordinal);
        Assert.Empty(central.Store.AggregateDeliveries());

        var (stored, _) = await Deliver(central, FederationHosts.FredrikstadKey, document);
        var (again, twice) = await Deliver(central, FederationHosts.FredrikstadKey, document);
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (stored, again));
        Assert.Contains("var mottatt fra før med samme innhold", twice, StringComparison.Ordinal);
        Assert.Single(central.Store.AggregateDeliveries());
    }

    [Fact]
    public async Task The_central_refuses_uploads_and_imports_of_person_level_data_with_a_clear_message()
    {
        var port = FederationHosts.FreePort();
        var (central, _) = await FederationHosts.Central(TestDatabases.Sqlite, port);
        await using var __ = central;
        var folder = Directory.CreateTempSubdirectory("malekort-sentral-").FullName;
        try
        {
            var zip = new TestExtract("3107", Extracted).DropZip(folder, "uttrekk.zip");
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/leveranser?filnavn=uttrekk.zip", UriKind.Relative))
            {
                Content = new ByteArrayContent(await File.ReadAllBytesAsync(zip, TestContext.Current.CancellationToken)),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", central.AdminToken);
            using var upload = await central.Client.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
            Assert.Contains("Dette er en sentral instans", await upload.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

            var pipeline = new Malekort.Import.Pipeline.ImportPipeline(central.Store,
                new Malekort.Import.Pseudonyms.Pseudonymizer(central.Options.PseudonymKey ?? Malekort.Import.Pseudonyms.PseudonymKey.FromBytes(new byte[Malekort.Import.Pseudonyms.PseudonymKey.Length])),
                central.Clock);
            var entry = pipeline.ImportOne(zip);
            Assert.Equal(ImportOutcome.Rejected, entry.Outcome);
            Assert.Contains("Dette er en sentral instans", entry.Findings.Single().Message, StringComparison.Ordinal);
            Assert.Empty(central.Store.Load().WorkingSet.CaptureUnits);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A malekort-aggregat document of one office with one unit's BL151, its content hash made as a local makes it.</summary>
    private static string Document(string office, string unit, long recipients)
    {
        var values = new[]
        {
            new PublishedValue(UnitCode.Parse(office), "BL151", recipients, 1, recipients),
            new PublishedValue(UnitCode.Parse(unit), "BL151", recipients, 1, recipients),
        };
        var header = new PublicationHeader(UnitCode.Parse(office), December, 1, new DateTimeOffset(2025, 1, 5, 9, 0, 0, TimeSpan.Zero), "kari", 1,
            PublicationFingerprint.Of(values));
        return Encoding.UTF8.GetString(AggregateDocuments.Serialize(AggregateDocuments.From(header, values)));
    }

    private static async Task<(HttpStatusCode Status, string Body)> Deliver(ServerModeHost central, string? key, string document)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(AggregateApi.Path, UriKind.Relative))
        {
            Content = new StringContent(document, Encoding.UTF8, "application/json"),
        };
        // The client's own token (a user's) is not a delivery key.
        request.Headers.Authorization = key is null ? null : new AuthenticationHeaderValue("Bearer", key);
        using var client = TestUsers.Client(central.Client.BaseAddress!, null);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
