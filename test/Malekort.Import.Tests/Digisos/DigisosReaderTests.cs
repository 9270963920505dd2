using Malekort.Capture;
using Malekort.DataQuality;
using Malekort.Import.Pseudonyms;
using Malekort.Units;
using static Malekort.Import.Digisos.DigisosFixture;

namespace Malekort.Import.Digisos;

/// <summary>What the reader makes of NAV's own examples and of vendor-like files: records, header and findings.</summary>
public sealed class DigisosReaderTests
{
    [Fact]
    public void Fixture_fødselsnumre_are_synthetic_and_encode_the_birth_dates_the_fixtures_say()
    {
        foreach (var (fnr, birth) in new[] { (FredrikstadFnr, "1990-05-17"), (OsloFnr, "2002-11-03"), (YoungFnr, "2003-09-09") })
        {
            Assert.True(Fodselsnummer.IsValid(fnr));
            Assert.True(fnr[2] >= '8', "Skatteetatens syntetiske form har måned + 80.");
            Assert.Equal(D(birth), Fodselsnummer.BirthDate(fnr));
        }
    }

    [Fact]
    public void NAV_example_folder_imports_with_its_flaws_reported()
    {
        var result = Read(Fixture("nav-eksempel"));

        Assert.True(result.Accepted, Describe(result));
        var batch = result.Value!;
        var h = batch.Header;
        Assert.Equal("digisos", h.Format);
        Assert.Equal("Testsystemet 1.0.0", h.SourceSystem);
        // kommunenummer 1161 is no municipality; the last tildeltNavKontor, 0315 NAV Grünerløkka, places it in its district.
        Assert.Equal(UnitCode.Parse("030102"), h.Unit);
        Assert.Equal(D("2018-10-04"), h.PeriodFrom);
        Assert.Equal(D("2018-10-13"), h.PeriodTo);
        Assert.Equal(DateTimeOffset.Parse("2018-10-13T13:37:00.134Z", System.Globalization.CultureInfo.InvariantCulture), h.ExtractedAt);
        Assert.Equal(CaptureDomains.Payments | CaptureDomains.Cases, h.Domains);
        var person = TestPseudonyms.Of("12345678901");
        Assert.Equal("digisos:" + person + ":2018-10-04T13:37:00.1340000Z", h.SupersessionKey);

        // 12345678901 has wrong check digits and brukerdata.json (1.5.0) has no fodselsdato: no birth date, no person record.
        Assert.Empty(batch.Persons);
        var payment = Assert.Single(batch.Payments);
        Assert.Equal(new PaymentRecord("UTBETALINGNR1SAK2", person, "DIGISOS", BenefitCategory.Annet, 5000m, PaymentStatus.Planlagt,
            D("2018-10-11"), D("2018-10-11"), D("2018-10-13"), "SAK2"), payment);
        Assert.Equal(
            [
                new CaseRecord("SAK1", person, "DIGISOS", BenefitCategory.OkonomiskSosialhjelp, D("2018-10-04"), D("2018-10-12")),
                new CaseRecord("SAK2", person, "DIGISOS", BenefitCategory.Annet, D("2018-10-04"), null),
            ],
            batch.Cases);

        Assert.Contains(result.Findings, f => f is { Severity: Severity.Warning, File: "soknad.json", Column: "personIdentifikator" });
        Assert.Contains(result.Findings, f => f is { Severity: Severity.Warning, File: "soknad.json", Column: "kommunenummer" }
           
            && f.Message.Contains("Grünerløkka", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Findings, f => f.Message.Contains("12345678901", StringComparison.Ordinal));
    }

    [Fact]
    public void Socio_like_wrapped_file_gives_the_paid_payments_and_saker_its_events_imply()
    {
        var result = Read(Fixture("fredrikstad-socio.json"));

        Assert.True(result.Accepted, Describe(result));
        var batch = result.Value!;
        var h = batch.Header;
        var person = TestPseudonyms.Of(FredrikstadFnr);
        Assert.Equal(new BatchHeader("digisos", "Socio 11.7.0 Beta", UnitCode.Parse("3107"), D("2024-01-10"), D("2024-06-30"),
            DateTimeOffset.FromUnixTimeMilliseconds(1717200000000), CaptureDomains.Persons | CaptureDomains.Payments | CaptureDomains.Cases,
            "digisos:5b2f8c1e-3d4a-4e6b-9c7d-0a1b2c3d4e01"), h);
        Assert.Equal([new PersonRecord(person, D("1990-05-17"), null)], batch.Persons);
        Assert.Equal(
            [
                // 9301 was planned, then paid: the later event with the same reference replaces the earlier.
                new PaymentRecord("9301", person, "DIGISOS", BenefitCategory.OkonomiskSosialhjelp, 6500m, PaymentStatus.Utbetalt,
                    D("2024-02-01"), D("2024-02-01"), D("2024-02-29"), "4522098"),
                new PaymentRecord("9302", person, "DIGISOS", BenefitCategory.OkonomiskSosialhjelp, 4701.37m, PaymentStatus.Utbetalt,
                    D("2024-03-01"), D("2024-03-01"), D("2024-03-31"), "4522098"),
                // The KVP sak is IKKE_INNSYN: not økonomisk sosialhjelp.
                new PaymentRecord("9303", person, "DIGISOS", BenefitCategory.Annet, 12000m, PaymentStatus.Utbetalt,
                    D("2024-04-02"), D("2024-04-01"), D("2024-04-30"), "4522099"),
                // Its sak has no saksStatus (as Fasit's 2026/000073): still social assistance.
                new PaymentRecord("9305", person, "DIGISOS", BenefitCategory.OkonomiskSosialhjelp, 1923.29m, PaymentStatus.Utbetalt,
                    D("2024-05-03"), null, null, "4522101"),
                new PaymentRecord("9306", person, "DIGISOS", BenefitCategory.OkonomiskSosialhjelp, 6500m, PaymentStatus.Stoppet,
                    D("2024-06-01"), D("2024-06-01"), D("2024-06-30"), "4522098"),
            ],
            batch.Payments);
        Assert.Equal(
            [
                // Approved on the first vedtak (24 January); the endringsvedtak of 20 April does not move it.
                new CaseRecord("4522098", person, "DIGISOS", BenefitCategory.OkonomiskSosialhjelp, D("2024-01-10"), D("2024-01-24")),
                new CaseRecord("4522099", person, "DIGISOS", BenefitCategory.Annet, D("2024-01-10"), null),
                new CaseRecord("4522100", person, "DIGISOS", BenefitCategory.OkonomiskSosialhjelp, D("2024-01-10"), null),
            ],
            batch.Cases);
        Assert.All(result.Findings, f => Assert.Equal(Severity.Info, f.Severity));
        Assert.Contains(result.Findings, f => f.Column == "orginalSak");
        Assert.Contains(result.Findings, f => f.Column == "LevelString");
        Assert.Contains(result.Findings, f => f.Column == "saksreferanse"
            && f.Message.Contains("4522101", StringComparison.Ordinal));
    }

    [Fact]
    public void Velferd_like_file_embedded_in_a_DigisosSak_lands_in_the_Oslo_district_of_the_last_assigned_office()
    {
        var result = Read(Fixture("oslo-velferd.json"));

        Assert.True(result.Accepted, Describe(result));
        var batch = result.Value!;
        // First assigned to NAV Sagene (0314), then to NAV Alna (0326): Alna's district counts it.
        Assert.Equal(UnitCode.Parse("030112"), batch.Header.Unit);
        Assert.Equal("Velferd 4.9.5", batch.Header.SourceSystem);
        // sistEndret (14:05) is later than the last event and than timestampSistOppdatert.
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1710943500000), batch.Header.ExtractedAt);
        Assert.Equal([D("2002-11-03")], batch.Persons.Select(p => p.BirthDate));
        Assert.Equal(["15/2024", "16/2024"], batch.Cases.Select(c => c.CaseId));
        Assert.Equal([D("2024-03-20"), D("2024-03-07")], batch.Cases.Select(c => c.ApprovedDate));
        Assert.Equal(["10010539", "10010540"], batch.Payments.Select(p => p.PaymentId));
        Assert.DoesNotContain(result.Findings, f => f.Severity >= Severity.Warning);
    }

    [Fact]
    public void Folder_with_soknad_json_gives_the_birth_date_stated_there_over_the_one_in_the_number()
    {
        using var folder = new TempFolder();
        folder.Write("sak/digisos-soker.json", new DigisosSakText().Mottatt("2024-02-01T10:00:00.000Z").Document());
        folder.Write("sak/soknad.json", $$$"""
            {
              "version": "1.0.11",
              "data": {"personalia": {"personIdentifikator": {"kilde": "system", "verdi": "{{{YoungFnr}}}"}, "fodselsdato": "2003-09-10"}},
              "mottaker": {"kommunenummer": "3004", "enhetsnummer": "0106", "navEnhetsnavn": "NAV Fredrikstad, Fredrikstad kommune"}
            }
            """);

        var result = Read(Path.Combine(folder.Path, "sak"));

        Assert.True(result.Accepted, Describe(result));
        var batch = result.Value!;
        Assert.Equal([new PersonRecord(TestPseudonyms.Of(YoungFnr), D("2003-09-10"), null)], batch.Persons);
        // 3004 is Fredrikstad's number before 2024.
        Assert.Equal(UnitCode.Parse("3107"), batch.Header.Unit);
        Assert.Contains(result.Findings, f => f is { Severity: Severity.Info, Column: "kommunenummer" });
        Assert.Contains(result.Findings, f => f is { Severity: Severity.Warning, Column: "fodselsdato" });
        // A søknad with no sak yet is one open case, the søknad itself.
        var soknadCase = Assert.Single(batch.Cases);
        Assert.Equal((batch.Header.SupersessionKey, D("2024-02-01"), (DateOnly?)null),
            (soknadCase.CaseId, soknadCase.ReceivedDate, soknadCase.ApprovedDate));
    }

    [Fact]
    public void Envelope_fields_beside_a_bare_document_are_read_as_the_envelope()
    {
        using var folder = new TempFolder();
        var document = new DigisosSakText().Mottatt("2024-02-01T10:00:00.000Z").Document();
        var path = folder.Write("sak.json", document.Replace("{\n", $"{{\n  \"sokerFnr\": \"{YoungFnr}\", \"kommunenummer\": \"3107\",\n",
            StringComparison.Ordinal));

        var result = Read(path);

        Assert.True(result.Accepted, Describe(result));
        Assert.Equal("3107", result.Value!.Header.Unit.Value);
        Assert.DoesNotContain(result.Findings, f => f.Column is "sokerFnr" or "kommunenummer");
    }

    [Fact]
    public void D_number_gives_the_birth_date_when_soknad_json_has_none()
    {
        using var folder = new TempFolder();
        // 51838834527: D-number (day + 40) in the synthetic form, born 1988-03-11.
        var path = folder.Write("sak.json", new DigisosSakText(fnr: "51838834527").Mottatt("2024-02-01T10:00:00.000Z").ToString());

        var batch = Accepted(path);

        Assert.Equal([D("1988-03-11")], batch.Persons.Select(p => p.BirthDate));
    }

    [Fact]
    public void Later_utbetaling_with_the_same_reference_replaces_the_earlier_whatever_the_file_order()
    {
        using var folder = new TempFolder();
        var path = folder.Write("sak.json", new DigisosSakText()
            .Mottatt("2024-01-05T10:00:00.000Z")
            // Written out of order on purpose: the reader sorts by hendelsestidspunkt, as NAV does.
            .Utbetaling("2024-02-10T10:00:00.000Z", "U1", "ANNULLERT", "\"utbetalingsdato\": \"2024-02-01\"")
            .Utbetaling("2024-02-01T10:00:00.000Z", "U1", "UTBETALT", "\"utbetalingsdato\": \"2024-02-01\"")
            .Utbetaling("2024-03-01T10:00:00.000Z", "U2", "PLANLAGT_UTBETALING", "\"forfallsdato\": \"2024-03-01\"")
            .Utbetaling("2024-03-02T10:00:00.000Z", "U2", "UTBETALT", "\"belop\": 2500.5, \"utbetalingsdato\": \"2024-03-02\"")
            .ToString());

        var batch = Accepted(path);

        Assert.Equal(
            [("U1", PaymentStatus.Annullert, 1000m, D("2024-02-01")), ("U2", PaymentStatus.Utbetalt, 2500.5m, D("2024-03-02"))],
            batch.Payments.Select(p => (p.PaymentId, p.Status, p.Amount, p.PaymentDate!.Value)));
    }

    [Fact]
    public void Equal_times_put_utbetaling_before_vilkar_and_MOTTATT_before_UNDER_BEHANDLING_as_NAV_does()
    {
        var t = DateTimeOffset.Parse("2024-01-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var events = new List<Hendelse>
        {
            new OtherHendelse("vilkar", t, 0, 1),
            new SoknadsStatusHendelse(t, 1, 2, "UNDER_BEHANDLING"),
            new SaksStatusHendelse(t, 2, 3, "S1", null),
            new UtbetalingHendelse(t, 3, 4, "U1", null, "UTBETALT", null, null, null, null, null),
            new SoknadsStatusHendelse(t, 4, 5, "MOTTATT"),
            new OtherHendelse("dokumentasjonkrav", t.AddSeconds(-1), 5, 6),
        };

        var ordered = SoknadHistory.InNavOrder(events).Select(e => e.Index);

        // The earlier dokumentasjonkrav first; then in each tie the rules reorder only the events they speak about.
        Assert.Equal([5, 3, 4, 2, 0, 1], ordered);
    }

    [Fact]
    public void Event_at_23_30_UTC_on_31_January_is_on_1_February_in_Oslo()
    {
        using var folder = new TempFolder();
        var path = folder.Write("sak.json", new DigisosSakText()
            .Mottatt("2024-01-31T23:30:00.000Z")
            .Utbetaling("2024-01-31T23:30:00.000Z", "U1", "UTBETALT")
            .Vedtak("2024-02-05T10:00:00.000Z", "S1")
            .ToString());

        var batch = Accepted(path);

        Assert.Equal(D("2024-02-01"), batch.Payments[0].PaymentDate);
        Assert.Equal(D("2024-02-01"), batch.Cases[0].ReceivedDate);
        Assert.Equal(D("2024-02-01"), batch.Header.PeriodFrom);
    }

    [Theory]
    [InlineData("\"fom\": \"2024-03-10\"", "2024-03-10", "2024-03-10")]
    [InlineData("\"tom\": \"2024-03-12\"", "2024-03-12", "2024-03-12")]
    [InlineData("\"fom\": \"2024-03-10\", \"tom\": \"2024-03-12\"", "2024-03-10", "2024-03-12")]
    [InlineData("\"fom\": \"2024-03-12\", \"tom\": \"2024-03-10\"", null, null)]
    [InlineData("\"fom\": \"2017-13-01\", \"tom\": \"2024-03-12\"", "2024-03-12", "2024-03-12")]
    public void Payment_period_is_both_dates_or_one_day_and_an_impossible_date_is_ignored(string fields, string? from, string? to)
    {
        using var folder = new TempFolder();
        var path = folder.Write("sak.json", new DigisosSakText()
            .Mottatt("2024-03-01T10:00:00.000Z")
            .Utbetaling("2024-03-15T10:00:00.000Z", "U1", "UTBETALT", fields)
            .ToString());

        var batch = Accepted(path);

        var payment = Assert.Single(batch.Payments);
        Assert.Equal((from is null ? null : D(from), to is null ? null : D(to)), (payment.PeriodFrom, payment.PeriodTo));
        Assert.Equal(D("2024-03-15"), payment.PaymentDate);
    }

    [Fact]
    public void Impossible_date_is_a_warning_that_names_the_line_and_field()
    {
        using var folder = new TempFolder();
        var path = folder.Write("sak.json", new DigisosSakText()
            .Mottatt("2024-03-01T10:00:00.000Z")
            .Utbetaling("2024-03-15T10:00:00.000Z", "U1", "UTBETALT",
                "\"utbetalingsdato\": \"2017-13-01\", \"forfallsdato\": \"2024-03-14\"")
            .ToString());

        var result = Read(path);

        Assert.True(result.Accepted, Describe(result));
        Assert.Equal(D("2024-03-14"), result.Value!.Payments[0].PaymentDate);
        var warning = Assert.Single(result.Findings, f => f.Severity == Severity.Warning);
        Assert.Equal(("sak.json", 10, "utbetalingsdato"), (warning.File, warning.Line, warning.Column));
        Assert.Contains("2017-13-01", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_fields_types_and_values_are_reported_and_not_fatal()
    {
        using var folder = new TempFolder();
        var path = folder.Write("sak.json", new DigisosSakText()
            .Mottatt("2024-03-01T10:00:00.000Z")
            .Hendelse("""{"type": "klage", "hendelsestidspunkt": "2024-03-02T10:00:00.000Z", "klagereferanse": "K1"}""")
            .Hendelse("""{"type": "saksStatus", "hendelsestidspunkt": "2024-03-02T10:00:00.000Z", "referanse": "S1", """
                + """ "status": "HENLAGT", "orginalSak": "S0"}""")
            .Utbetaling("2024-03-03T10:00:00.000Z", "U1", "TILBAKEKREVD", "\"utbetalingsdato\": \"2024-03-03\"")
            .Utbetaling("2024-03-03T10:00:00.000Z", "U2", "MIDLERTIDIG_STOPPET", "\"utbetalingsdato\": \"2024-03-03\"")
            .ToString());

        var result = Read(path);

        Assert.True(result.Accepted, Describe(result));
        var batch = result.Value!;
        Assert.Equal([PaymentStatus.Planlagt, PaymentStatus.Stoppet], batch.Payments.Select(p => p.Status));
        Assert.Equal(BenefitCategory.OkonomiskSosialhjelp, batch.Cases.Single(c => c.CaseId == "S1").Category);
        Assert.Contains(result.Findings, f => f is { Severity: Severity.Info, Column: "type" }
            && f.Message.Contains("klage", StringComparison.Ordinal));
        Assert.Contains(result.Findings, f => f is { Severity: Severity.Info, Column: "orginalSak" });
        Assert.Contains(result.Findings, f => f is { Severity: Severity.Warning, Column: "status" }
            && f.Message.Contains("HENLAGT", StringComparison.Ordinal));
        Assert.Contains(result.Findings, f => f is { Severity: Severity.Warning, Column: "status" }
            && f.Message.Contains("TILBAKEKREVD", StringComparison.Ordinal));
        Assert.Contains(result.Findings, f => f is { Severity: Severity.Warning, Column: "status" }
            && f.Message.Contains("MIDLERTIDIG_STOPPET", StringComparison.Ordinal));
        // The unknown type's own fields are not listed one by one: the whole event is ignored.
        Assert.DoesNotContain(result.Findings, f => f.Column == "klagereferanse");
    }

    [Fact]
    public void Repeated_unknown_field_is_one_finding_with_a_count()
    {
        using var folder = new TempFolder();
        var path = folder.Write("sak.json", new DigisosSakText()
            .Mottatt("2024-03-01T10:00:00.000Z")
            .Hendelse("""{"type": "saksStatus", "hendelsestidspunkt": "2024-03-02T10:00:00.000Z", "referanse": "S1", "orginalSak": "S0"}""")
            .Hendelse("""{"type": "saksStatus", "hendelsestidspunkt": "2024-03-03T10:00:00.000Z", "referanse": "S2", "orginalSak": "S0"}""")
            .ToString());

        var result = Read(path);

        var finding = Assert.Single(result.Findings, f => f.Column == "orginalSak");
        Assert.Equal(10, finding.Line);
        Assert.Contains("2 ganger", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Endringsvedtak_does_not_move_the_approved_date_and_a_vedtak_without_sak_belongs_to_the_soknad()
    {
        using var folder = new TempFolder();
        var path = folder.Write("sak.json", new DigisosSakText()
            .Mottatt("2024-03-01T10:00:00.000Z")
            .Vedtak("2024-03-11T10:00:00.000Z", "S1")
            .Vedtak("2024-04-11T10:00:00.000Z", "S1")
            .Hendelse("""{"type": "vedtakFattet", "hendelsestidspunkt": "2024-03-20T10:00:00.000Z", "vedtaksfil": """
                + """{"referanse": {"type": "dokumentlager", "id": "12345678-9abc-def0-1234-56789abcdef1"}}}""")
            .ToString());

        var batch = Accepted(path);

        Assert.Equal(
            [("S1", D("2024-03-11")), (batch.Header.SupersessionKey!, D("2024-03-20"))],
            batch.Cases.Select(c => (c.CaseId, c.ApprovedDate!.Value)));
    }

    [Fact]
    public void Vedtak_before_the_soknad_was_received_is_left_out_of_processing_time_with_a_warning()
    {
        using var folder = new TempFolder();
        var path = folder.Write("sak.json", new DigisosSakText()
            .Vedtak("2024-03-01T10:00:00.000Z", "S1")
            .Mottatt("2024-03-05T10:00:00.000Z")
            .ToString());

        var result = Read(path);

        Assert.True(result.Accepted, Describe(result));
        Assert.Null(result.Value!.Cases.Single().ApprovedDate);
        Assert.Contains(result.Findings, f => f.Severity == Severity.Warning
            && f.Message.Contains("PL151", StringComparison.Ordinal));
    }

    [Fact]
    public void Oslo_application_without_a_district_office_stays_on_Oslo_with_a_warning()
    {
        using var folder = new TempFolder();
        var path = folder.Write("sak.json", new DigisosSakText(kommune: "0301")
            .Mottatt("2024-03-01T10:00:00.000Z")
            .Hendelse("""{"type": "tildeltNavKontor", "hendelsestidspunkt": "2024-03-01T10:05:00.000Z", "navKontor": "0393"}""")
            .ToString());

        var result = Read(path);

        Assert.True(result.Accepted, Describe(result));
        Assert.Equal(UnitCode.Parse("0301"), result.Value!.Header.Unit);
        Assert.Contains(result.Findings, f => f is { Severity: Severity.Warning, Column: "navKontor" });
    }

    [Fact]
    public void Each_of_Oslos_15_office_numbers_maps_to_a_different_district_in_the_register()
    {
        var districts = OsloOffices.OfficeNumbers.Select(o => OsloOffices.DistrictOf(o)!.Value.District).ToList();

        Assert.Equal(15, districts.Distinct().Count());
        Assert.Equal(UnitRegister.Default.Districts.Select(d => d.Code).Order(), districts.Order());
        Assert.Equal(UnitCode.Parse("030112"), OsloOffices.DistrictOf("0326")!.Value.District);
    }

    [Fact]
    public void Bare_file_without_fiksDigisosId_is_keyed_by_person_and_first_MOTTATT_so_versions_share_the_key()
    {
        using var folder = new TempFolder();
        string Soknad(params string[] extraEvents)
        {
            var text = new DigisosSakText().Mottatt("2024-03-01T10:00:00.1Z");
            foreach (var e in extraEvents) text.Hendelse(e);
            return text.Document();
        }
        var soknad = $$"""{"data": {"personalia": {"personIdentifikator": {"verdi": "{{YoungFnr}}"} } }, """
            + """ "mottaker": {"kommunenummer": "3107"}}""";
        folder.Write("v1/digisos-soker.json", Soknad());
        folder.Write("v1/soknad.json", soknad);
        folder.Write("v2/digisos-soker.json",
            Soknad("""{"type": "soknadsStatus", "hendelsestidspunkt": "2024-03-02T10:00:00.000Z", "status": "UNDER_BEHANDLING"}"""));
        folder.Write("v2/soknad.json", soknad);

        var v1 = Accepted(Path.Combine(folder.Path, "v1"));
        var v2 = Accepted(Path.Combine(folder.Path, "v2"));

        Assert.Equal("digisos:" + TestPseudonyms.Of(YoungFnr) + ":2024-03-01T10:00:00.1000000Z", v1.Header.SupersessionKey);
        Assert.Equal(v1.Header.SupersessionKey, v2.Header.SupersessionKey);
        Assert.NotEqual(v1.ContentHash, v2.ContentHash);
        Assert.True(v2.Header.ExtractedAt > v1.Header.ExtractedAt);
    }

    [Fact]
    public void Same_content_under_another_name_is_the_same_batch()
    {
        using var folder = new TempFolder();
        var text = File.ReadAllText(Fixture("fredrikstad-socio.json"));
        var a = Accepted(folder.Write("a.json", text));
        var b = Accepted(folder.Write("b.json", text));

        Assert.Equal(a.ContentHash, b.ContentHash);
    }
}
