using System.Security.Cryptography;
using Malekort.Capture;
using Malekort.DataQuality;
using Malekort.Units;

namespace Malekort.Import.Kostra;

/// <summary>Hand-written records and the exact source-neutral records they become (docs/formats/kostra.md "Mapping").</summary>
public sealed class KostraMappingTests
{
    private static readonly DateOnly BornA = new(1966, 9, 19);
    private static readonly string FnrA = KostraRecordBuilder.Synthetic(BornA);
    private static readonly string KeyA = KostraFixture.Pseudonyms.Of(FnrA);
    // A DUF number is pseudonymised with the same key as a fødselsnummer.
    private static readonly string DufKey = "duf:" + KostraFixture.Pseudonyms.Of("123456789002");

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void Sosialhjelp_2025_records_become_payments_livelihood_and_an_approximate_child()
    {
        var a = new KostraRecordBuilder(SosialhjelpLayouts.Y2025).Unit("3107").Born(BornA).Apply(
            "PERSON_JOURNALNR=J0000001;KJONN=2;EKTSTAT=4;BU18=1;ANTBU18=2;VKLO=5;TRYGDESIT=12;ARBSIT=04;STMND_3=03;STMND_4=04;"
            + "BIDRAG=5000;LAAN=1000;BIDRAG_MARS=5000;LAAN_MARS=1000;GITT_OKONOMIRAD=2;FAAT_INDIVIDUELL_PLAN=2;SAKSBEHANDLER=s1;"
            + "BOSIT=2;VILKARSOSLOV=2;VILKARSAMEKT=2");
        var b = new KostraRecordBuilder(SosialhjelpLayouts.Y2025).Unit("3107").Apply(
            "FODSELSDATO=05051980;PERSON_JOURNALNR=J0000002;PERSON_DUF=123456789002;KJONN=1;EKTSTAT=1;BU18=2;VKLO=1;TRYGDESIT=12;"
            + "ARBSIT=01;STMND_12=12;BIDRAG=800;LAAN=0;BIDRAG_DES=800;GITT_OKONOMIRAD=2;FAAT_INDIVIDUELL_PLAN=2;SAKSBEHANDLER=s1;"
            + "BOSIT=1;VILKARSOSLOV=2;VILKARSAMEKT=2");
        var content = KostraFixture.File(a, b);

        var result = KostraFixture.Reader().Read("KOSTRA_11F_3107_2025.dat", content);

        Assert.True(result.Accepted, KostraFixture.Describe(result));
        Assert.Empty(result.Findings);
        var batch = result.Value!;
        Assert.Equal(new BatchHeader("kostra-11F", "KOSTRA", UnitCode.Parse("3107"), D(2025, 1, 1), D(2025, 12, 31), KostraFixture.Now,
            CaptureDomains.Persons | CaptureDomains.Payments | CaptureDomains.Livelihood | CaptureDomains.Family | CaptureDomains.Conditions
            | CaptureDomains.Exemptions | CaptureDomains.Sanctions | CaptureDomains.YearlySanctions), batch.Header);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), batch.ContentHash);
        Assert.Equal([new PersonRecord(KeyA, BornA, Sex.Woman), new PersonRecord(DufKey, D(1980, 5, 5), Sex.Man)],
            batch.Persons);
        Assert.Equal(
            [new CodeListEntry("KOSTRA-11F", "Økonomisk sosialhjelp (KOSTRA 11F, bidrag og lån)", BenefitCategory.OkonomiskSosialhjelp)],
            batch.BenefitTypes);
        Assert.Equal(
        [
            Paid("11F-2025-L1-03", KeyA, 6000m, D(2025, 3, 1), D(2025, 3, 31)),
            Paid("11F-2025-L1-04", KeyA, 0m, D(2025, 4, 1), D(2025, 4, 30)),
            Paid("11F-2025-L2-12", DufKey, 800m, D(2025, 12, 1), D(2025, 12, 31)),
        ], batch.Payments);
        Assert.Equal(
        [
            new LivelihoodRecord(KeyA, D(2025, 1, 1), D(2025, 12, 31), 5),
            new LivelihoodRecord(DufKey, D(2025, 1, 1), D(2025, 12, 31), 1),
        ], batch.Livelihood);
        Assert.Equal([new FamilyRecord(KeyA, KeyA + "-bu18", FamilyRelation.Barn, D(2024, 1, 1), 100, true, true, D(2025, 1, 1),
            D(2025, 12, 31), Approximate: true)], batch.Family);
        Assert.Empty(batch.CaseTypes);
        Assert.Empty(batch.Cases);
        Assert.Empty(batch.Kvp);
        Assert.Empty(batch.Jobseekers);
        Assert.Empty(batch.Followups);
        Assert.Empty(batch.Conditions);
        Assert.Empty(batch.Exemptions);
        Assert.Empty(batch.Sanctions);
    }

    [Fact]
    public void Sosialhjelp_2024_recipient_without_a_fodselsnummer_has_payments_but_no_person_and_a_warning()
    {
        var reader = KostraFixture.Reader(new DateTimeOffset(2025, 1, 20, 0, 0, 0, TimeSpan.Zero));
        var withFnr = KostraRecordBuilder.Sosialhjelp(2024);
        var withDuf = KostraRecordBuilder.Sosialhjelp(2024).Apply("PERSON_FODSELSNR=;PERSON_DUF=123456789002;PERSON_JOURNALNR=J0000002");
        var withJournal = KostraRecordBuilder.Sosialhjelp(2024).Apply("PERSON_FODSELSNR=01019000100;PERSON_JOURNALNR=' J 3");

        var result = reader.Read("a.dat", KostraFixture.File(withFnr, withDuf, withJournal));

        Assert.True(result.Accepted, KostraFixture.Describe(result));
        Assert.Equal([new PersonRecord(KeyA, BornA, Sex.Man)], result.Value!.Persons);
        Assert.Equal([KeyA, DufKey, "journal:J 3"], result.Value.Payments.Select(p => p.PersonKey).Distinct());
        Assert.Equal(18, result.Value.Payments.Count);
        var warnings = result.Findings.Where(f => f.Rule == "").ToList();
        Assert.Equal([(2, "PERSON_FODSELSNR"), (3, "PERSON_FODSELSNR")], warnings.Select(f => (f.Line, f.Column)));
        Assert.All(warnings, f => Assert.Equal(Severity.Warning, f.Severity));
        Assert.Contains("BL151", warnings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sosialhjelp_2024_birth_date_comes_from_a_synthetic_d_number()
    {
        var born = new DateOnly(1988, 2, 29);
        var record = KostraRecordBuilder.Sosialhjelp(2024).Apply("PERSON_FODSELSNR=" + SyntheticDNumber(born));

        var reader = KostraFixture.Reader(new DateTimeOffset(2025, 1, 20, 0, 0, 0, TimeSpan.Zero));

        var result = reader.Read("a.dat", KostraFixture.File(record));

        Assert.True(result.Accepted, KostraFixture.Describe(result));
        Assert.Equal(born, Assert.Single(result.Value!.Persons).BirthDate);
    }

    [Fact]
    public void Kvalifisering_record_becomes_one_participation_with_the_ticked_situations()
    {
        var record = KostraRecordBuilder.Kvalifisering(2025).Apply("STATUS=3;AVSL_DATO=30112025;AVSL_SKOLE=04;AVSL_UKJENT=17;"
            + "AVSL_ANNET=11;AVSL_VIKTIGSTE_INNTEKT=04");

        var result = KostraFixture.Read(record);

        Assert.True(result.Accepted, KostraFixture.Describe(result));
        var batch = result.Value!;
        Assert.Equal(("kostra-11CF", CaptureDomains.Persons | CaptureDomains.Kvp), (batch.Header.Format, batch.Header.Domains));
        Assert.Equal([new PersonRecord(KeyA, BornA, Sex.Woman)], batch.Persons);
        var kvp = Assert.Single(batch.Kvp);
        Assert.Equal(new KvpRecord(KeyA, D(2025, 1, 15), D(2025, 2, 1), D(2025, 3, 1), D(2025, 11, 30), 3, kvp.SituationAfter), kvp);
        // AVSL_ANNET holds 11, not its own code 10, so it is not ticked.
        Assert.Equal(["04", "17"], kvp.SituationAfter);
        Assert.Empty(batch.Payments);
        Assert.Empty(batch.BenefitTypes);
    }

    [Fact]
    public void Kvalifisering_participation_still_running_has_no_end()
    {
        var result = KostraFixture.Read(KostraRecordBuilder.Kvalifisering(2025));

        var kvp = Assert.Single(result.Value!.Kvp);
        Assert.Equal((null, 1), (kvp.EndDate, kvp.Status));
        Assert.Empty(kvp.SituationAfter);
    }

    [Fact]
    public void Oslo_district_file_is_the_district_unit()
    {
        var result = KostraFixture.Read(KostraRecordBuilder.Sosialhjelp(2025, "030112"));

        Assert.Equal(UnitCode.Parse("030112"), result.Value!.Header.Unit);
    }

    [Fact]
    public void Oslo_participation_without_a_start_date_cannot_be_counted_and_is_rejected()
    {
        var result = KostraFixture.Read(KostraRecordBuilder.Kvalifisering(2025, "030105").Apply("BEGYNT_DATO=00002025"));

        var error = Assert.Single(result.Findings, f => f.Rejects);
        Assert.Equal(("", "BEGYNT_DATO"), (error.Rule, error.Column));
        Assert.False(result.Accepted);
    }

    [Fact]
    public void Findings_never_show_a_fodselsnummer_or_duf_number()
    {
        var duf = "123456789002";
        var result = KostraFixture.Read(KostraRecordBuilder.Sosialhjelp(2025).Apply("VKLO=x;KJONN=" + FnrA[..1]),
            KostraRecordBuilder.Sosialhjelp(2025).Apply("PERSON_JOURNALNR=J2;EKTSTAT=9"),
            KostraRecordBuilder.Sosialhjelp(2025)
                .Apply("PERSON_FODSELSNR=;PERSON_DUF=" + duf + ";PERSON_JOURNALNR=J3;BIDRAG='" + FnrA[..7]),
            KostraRecordBuilder.Sosialhjelp(2025).Apply("PERSON_FODSELSNR=" + FnrA[..10] + "9;PERSON_JOURNALNR=J4"));

        Assert.Contains(result.Findings, f => f.Rule == "005A");
        Assert.Contains(result.Findings, f => f.Rule == "005");
        Assert.All(result.Findings, f =>
        {
            Assert.DoesNotContain(FnrA, f.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(FnrA[..10], f.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(duf, f.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void A_later_import_of_the_same_year_is_a_later_extract()
    {
        var first = KostraFixture.Reader(new DateTimeOffset(2026, 1, 20, 0, 0, 0, TimeSpan.Zero)).Read("a.dat",
            KostraFixture.File(KostraRecordBuilder.Sosialhjelp(2025)));
        var correction = KostraFixture.Reader(new DateTimeOffset(2026, 2, 3, 0, 0, 0, TimeSpan.Zero)).Read("a.dat",
            KostraFixture.File(KostraRecordBuilder.Sosialhjelp(2025).Apply("STMND_7=07")));

        Assert.True(correction.Value!.Header.ExtractedAt > first.Value!.Header.ExtractedAt);
        Assert.Equal((first.Value.Header.PeriodFrom, first.Value.Header.PeriodTo),
            (correction.Value.Header.PeriodFrom, correction.Value.Header.PeriodTo));
    }

    /// <summary>A D-number (day + 40) in Skatteetaten's synthetic form (month + 80), with valid control digits.</summary>
    private static string SyntheticDNumber(DateOnly birth)
    {
        for (var candidate = 100; candidate < 50_000; candidate++)
        {
            var number = FormattableString.Invariant($"{birth.Day + 40:D2}{birth.Month + 80:D2}{birth.Year % 100:D2}{candidate:D5}");
            if (Pseudonyms.Fodselsnummer.IsValid(number)) return number;
        }
        throw new InvalidOperationException("Fant ikke et gyldig d-nummer.");
    }

    private static PaymentRecord Paid(string id, string person, decimal amount, DateOnly from, DateOnly to) =>
        new(id, person, "KOSTRA-11F", BenefitCategory.OkonomiskSosialhjelp, amount, PaymentStatus.Utbetalt, to, from, to, null);
}
