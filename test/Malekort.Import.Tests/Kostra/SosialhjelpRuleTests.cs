using Malekort.DataQuality;
using Malekort.Import.Limits;
using static Malekort.Import.Kostra.KostraRuleAssert;

namespace Malekort.Import.Kostra;

/// <summary>
/// SSB's rules for skjema 11F (kostra-11F-11CF.md §3.1 rule 002 and §3.3): each with a record that keeps it and one that
/// breaks it, and the severity SSB gives it. The records are the builder's valid 2025 recipient with the edits applied.
/// </summary>
public sealed class SosialhjelpRuleTests
{
    private const Severity E = Severity.Error;
    private const Severity W = Severity.Warning;
    private const string NoMonthlyBidrag = "BIDRAG_JAN=;BIDRAG_FEB=;BIDRAG_MARS=;BIDRAG_APRIL=;BIDRAG_MAI=;BIDRAG_JUNI=";

    [Theory]
    [InlineData("002", E, "GITT_OKONOMIRAD=1", false)]
    [InlineData("002", E, "SAKSBEHANDLER=", true)]
    [InlineData("002", E, "BIDRAG='6000 0", true)]
    [InlineData("002", E, "UTBETDATO=31022025", true)]
    [InlineData("002", E, "STMND_7=08", true)]
    [InlineData("002", E, "VILKARKURS=16", true)]
    [InlineData("002", E, "BIDRAG_JAN=' 10000", false)]
    [InlineData("006", W, "BORN=2007-01-01", false)]
    [InlineData("006", W, "BORN=2008-12-31", true)]
    [InlineData("007", W, "BORN=1930-01-01", false)]
    [InlineData("007", W, "BORN=1929-12-31", true)]
    [InlineData("014", E, "VKLO=9;ARBSIT=04", false)]
    [InlineData("014", E, "VKLO=0", true)]
    [InlineData("015", E, "VKLO=1;ARBSIT=02", false)]
    [InlineData("015", E, "VKLO=1;ARBSIT=03", true)]
    [InlineData("016", E, "VKLO=2;ARBSIT=06", false)]
    [InlineData("016", E, "VKLO=2;ARBSIT=01", true)]
    [InlineData("017", E, "VKLO=4;ARBSIT=03", false)]
    [InlineData("017", E, "VKLO=4;ARBSIT=04", true)]
    [InlineData("018", E, "VKLO=6;ARBSIT=09", false)]
    [InlineData("018", E, "VKLO=6;ARBSIT=07", true)]
    [InlineData("019", E, "VKLO=8;ARBSIT=10", false)]
    [InlineData("019", E, "VKLO=8;ARBSIT=04", true)]
    [InlineData("020B", E, "VKLO=3;TRYGDESIT=02", false)]
    [InlineData("020B", E, "VKLO=3;TRYGDESIT=12", true)]
    [InlineData("021", W, "VKLO=5;ARBSIT=08", false)]
    [InlineData("021", W, "VKLO=5;ARBSIT=01", true)]
    [InlineData("022", E, "TRYGDESIT=13;BU18=1;ANTBU18=1", false)]
    [InlineData("022", E, "TRYGDESIT=03", true)]
    [InlineData("023A", E, "TRYGDESIT=07;BORN=1963-12-31", false)]
    [InlineData("023A", E, "TRYGDESIT=07;BORN=1964-01-01", true)]
    [InlineData("023B", E, "TRYGDESIT=05;BU18=1;ANTBU18=2", false)]
    [InlineData("023B", E, "TRYGDESIT=05", true)]
    [InlineData("023C", E, "TRYGDESIT=13;BU18=1;ANTBU18=1", false)]
    [InlineData("023C", E, "TRYGDESIT=13;BU18=1;ANTBU18=0", true)]
    [InlineData("024", W, "TRYGDESIT=04;ARBSIT=07", false)]
    [InlineData("024", W, "TRYGDESIT=04;ARBSIT=08", true)]
    [InlineData("024B", E, "VKLO=3;TRYGDESIT=11;ARBSIT=07", false)]
    [InlineData("024B", E, "VKLO=3;TRYGDESIT=11;ARBSIT=08", true)]
    [InlineData("025", E, "ARBSIT=10;VKLO=7", false)]
    [InlineData("025", E, "ARBSIT=11", true)]
    [InlineData("026", E, "STMND_1=;STMND_2=;STMND_3=;STMND_4=;STMND_5=;STMND_6=;STMND_12=12", false)]
    [InlineData("026", E, "STMND_1=;STMND_2=;STMND_3=;STMND_4=;STMND_5=;STMND_6=", true)]
    [InlineData("027", E, "BIDRAG=0;LAAN=60000;LAAN_JAN=60000;" + NoMonthlyBidrag, false)]
    [InlineData("027", E, "BIDRAG=0;LAAN=0", true)]
    [InlineData("030", W, "BIDRAG=1000000;BIDRAG_JAN=940000", false)]
    [InlineData("030", W, "BIDRAG=1000001;BIDRAG_JAN=940001", true)]
    [InlineData("031", W, "BIDRAG=201;BIDRAG_JAN=201;BIDRAG_FEB=0;BIDRAG_MARS=0;BIDRAG_APRIL=0;BIDRAG_MAI=0;BIDRAG_JUNI=0", false)]
    [InlineData("031", W, "BIDRAG=200;BIDRAG_JAN=200;BIDRAG_FEB=0;BIDRAG_MARS=0;BIDRAG_APRIL=0;BIDRAG_MAI=0;BIDRAG_JUNI=0", true)]
    [InlineData("032", E, "GITT_OKONOMIRAD=1", false)]
    [InlineData("032", E, "GITT_OKONOMIRAD=3", true)]
    [InlineData("033", E, "FAAT_INDIVIDUELL_PLAN=1", false)]
    [InlineData("033", E, "FAAT_INDIVIDUELL_PLAN=", true)]
    [InlineData("035", E, "BOSIT=6", false)]
    [InlineData("035", E, "BOSIT=7", true)]
    [InlineData("036", W, "BIDRAG_JUNI=;BIDRAG_DES=10000", false)]
    [InlineData("036", W, "BIDRAG_JUNI=9999", true)]
    [InlineData("037", W, "LAAN=500;LAAN_MARS=500", false)]
    [InlineData("037", W, "LAAN=500", true)]
    [InlineData("038", W, "PERSON_FODSELSNR=;PERSON_DUF=123456789002", false)]
    [InlineData("038", W, "PERSON_FODSELSNR=;PERSON_DUF=123456789019", true)]
    [InlineData("038", W, "PERSON_FODSELSNR=;PERSON_DUF=", true)]
    [InlineData("039", E, "VILKARSOSLOV=2", false)]
    [InlineData("039", E, "VILKARSOSLOV=0", true)]
    [InlineData("040", E, "VILKARSAMEKT=1", false)]
    [InlineData("040", E, "VILKARSAMEKT=", true)]
    [InlineData("041", E, "VILKARSOSLOV=1;UTBETDATO=15032025;UTBETTOMDATO=30062025;VILKARSAMT=08", false)]
    [InlineData("041", E, "VILKARSOSLOV=1;UTBETTOMDATO=30062025;VILKARSAMT=08", true)]
    [InlineData("042", E, "VILKARSOSLOV=2;UTBETDATO=15032025", false)]
    [InlineData("042", E, "VILKARSOSLOV=1;UTBETDATO=15032025;UTBETTOMDATO=31062025;VILKARSAMT=08", true)]
    [InlineData("043", E, "VILKARSOSLOV=1;UTBETDATO=15032025;UTBETTOMDATO=30062025;VILKARNORSKSAMISKOPPL=20", false)]
    [InlineData("043", E, "VILKARSOSLOV=1;UTBETDATO=15032025;UTBETTOMDATO=30062025", true)]
    public void Sosialhjelp_rule(string rule, Severity severity, string edits, bool fires)
    {
        var result = KostraFixture.Read(Record(KostraSkjema.OkonomiskSosialhjelp, 2025, edits));

        if (fires)
        {
            var finding = Fires(result, rule, severity);
            Assert.Equal(1, finding.Line);
            Assert.NotEqual("", finding.Column);
        }
        else Passes(result, rule);
    }

    [Fact]
    public void Every_rule_has_the_severity_ssbs_code_gives_it()
    {
        var warnings = SosialhjelpRules.All.Where(r => r.Severity == Severity.Warning).Select(r => r.Id);
        var fatal = SosialhjelpRules.All.Where(r => r.Severity == Severity.Fatal).Select(r => r.Id);

        Assert.Equal(["006", "007", "021", "024", "030", "031", "036", "037", "038"], warnings);
        Assert.Equal(["000", "001"], fatal);
        Assert.Equal(SosialhjelpRules.All.Count, SosialhjelpRules.All.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public void Blank_bydelsnr_outside_oslo_is_no_missing_mandatory_field()
    {
        // SSB's 2025 table marks BYDELSNR mandatory, but rule 003 demands it blank outside Oslo; the rule wins.
        var result = KostraFixture.Read(KostraRecordBuilder.Sosialhjelp(2025, "3107"));

        Passes(result, "002");
        Assert.True(result.Accepted);
    }

    [Fact]
    public void Nothing_is_mandatory_in_the_2024_layout()
    {
        var record = KostraRecordBuilder.Sosialhjelp(2024).Apply("SAKSBEHANDLER=;PERSON_JOURNALNR=J1");

        var reader = KostraFixture.Reader(new DateTimeOffset(2025, 2, 1, 0, 0, 0, TimeSpan.Zero));

        Passes(reader.Read("a.dat", KostraFixture.File(record)), "002");
    }

    [Fact]
    public void Dates_in_the_2024_layout_are_ddmmyy()
    {
        var reader = KostraFixture.Reader(new DateTimeOffset(2025, 2, 1, 0, 0, 0, TimeSpan.Zero));
        var good = KostraRecordBuilder.Sosialhjelp(2024).Apply("VILKARSOSLOV=1;UTBETDATO=150324;UTBETTOMDATO=300624;VILKARSAMT=08");
        var bad = KostraRecordBuilder.Sosialhjelp(2024).Apply("VILKARSOSLOV=1;UTBETDATO=150324;UTBETTOMDATO=310624;VILKARSAMT=08");

        Assert.True(reader.Read("a.dat", KostraFixture.File(good)).Accepted);
        Fires(reader.Read("a.dat", KostraFixture.File(bad)), "042", Severity.Error);
    }

    [Fact]
    public void Age_in_the_2024_layout_comes_from_the_fodselsnummer()
    {
        var reader = KostraFixture.Reader(new DateTimeOffset(2025, 2, 1, 0, 0, 0, TimeSpan.Zero));
        var record = KostraRecordBuilder.Sosialhjelp(2024).Apply("BORN=2007-06-01");

        var finding = Fires(reader.Read("a.dat", KostraFixture.File(record)), "006", Severity.Warning);

        Assert.Equal(("PERSON_FODSELSNR", "Mottakeren er 17 år, altså under 18 år."), (finding.Column, finding.Message));
    }

    [Fact]
    public void Same_fodselsnummer_twice_breaks_005A_and_names_the_other_journal_number()
    {
        var result = KostraFixture.Read(KostraRecordBuilder.Sosialhjelp(2025),
            KostraRecordBuilder.Sosialhjelp(2025).Apply("PERSON_JOURNALNR=J0000002"));

        var findings = result.Findings.Where(f => f.Rule == "005A").ToList();
        Assert.Equal([1, 2], findings.Select(f => f.Line));
        Assert.Equal("Fødselsnummeret står også i linje 2 (journalnummer «J0000002»); hver skal bare stå én gang.",
            findings[0].Message);
        Assert.False(result.Accepted);
        Assert.Equal(Severity.Error, findings[0].Severity);
    }

    [Fact]
    public void Same_journal_number_twice_breaks_005B()
    {
        var result = KostraFixture.Read(KostraRecordBuilder.Sosialhjelp(2025),
            KostraRecordBuilder.Sosialhjelp(2025).Apply("BORN=1970-01-01"));

        Assert.Equal([1, 2], result.Findings.Where(f => f.Rule == "005B").Select(f => f.Line));
        Passes(result, "005A");
        Assert.False(result.Accepted);
    }

    [Fact]
    public void Different_people_with_different_journal_numbers_break_neither()
    {
        var result = KostraFixture.Read(KostraRecordBuilder.Sosialhjelp(2025),
            KostraRecordBuilder.Sosialhjelp(2025).Apply("BORN=1970-01-01;PERSON_JOURNALNR=J0000002"));

        Assert.True(result.Accepted, KostraFixture.Describe(result));
    }

    [Fact]
    public void A_rule_that_fires_on_many_records_reports_the_first_hundred_and_a_count()
    {
        var records = Enumerable.Range(1, 150).Select(i => (object)KostraRecordBuilder.Sosialhjelp(2025)
            .Born(new DateOnly(1960, 1, 1).AddDays(i)).Apply(FormattableString.Invariant($"PERSON_JOURNALNR=J{i:D7};VKLO=0"))).ToArray();

        var result = KostraFixture.Read(records);

        var rule014 = result.Findings.Where(f => f.Rule == "014").ToList();
        Assert.Equal(InputLimits.FindingsPerKind + 1, rule014.Count);
        Assert.Equal("50 funn til av samme slag er ikke vist: 150 i alt, de 100 første står i listen.", rule014[^1].Message);
        Assert.Equal(150, Finding.Total(rule014));
    }
}
