using Malekort.DataQuality;
using static Malekort.Import.Kostra.KostraRuleAssert;

namespace Malekort.Import.Kostra;

/// <summary>
/// SSB's rules for skjema 11CF (kostra-11F-11CF.md §3.4): each with a record that keeps it and one that breaks it, and the
/// severity SSB gives it. The records are the builder's valid 2025 participant (in the programme since 01.03.2025).
/// </summary>
public sealed class KvalifiseringRuleTests
{
    private const Severity E = Severity.Error;
    private const Severity W = Severity.Warning;
    private const string NoMonths = "STMND_3=;STMND_4=;STMND_5=;STMND_6=;STMND_7=;STMND_8=;STMND_9=;STMND_10=;STMND_11=;STMND_12=";
    private const string Ended = "STATUS=3;AVSL_DATO=30112025;AVSL_SKOLE=04;AVSL_VIKTIGSTE_INNTEKT=04";

    [Theory]
    [InlineData("006", E, "BORN=2007-01-01", false)]
    [InlineData("006", E, "BORN=2008-01-01", true)]
    [InlineData("007", W, "BORN=1957-12-31", false)]
    [InlineData("007", W, "BORN=1956-12-31", true)]
    [InlineData("014", E, "REG_DATO=01012021", false)]
    [InlineData("014", E, "REG_DATO=31122020", true)]
    [InlineData("014", E, "REG_DATO=", true)]
    [InlineData("015", E, "VEDTAK_DATO=29022024", false)]
    [InlineData("015", E, "VEDTAK_DATO=29022025", true)]
    [InlineData("016", E, "BEGYNT_DATO=31122025", false)]
    [InlineData("016", E, "BEGYNT_DATO=01012026", true)]
    [InlineData("016", E, "BEGYNT_DATO=01012020", true)]
    [InlineData("019", E, "KVP_KOMM=1;KOMMNR_KVP_KOMM=9999", false)]
    [InlineData("019", E, "KVP_KOMM=", true)]
    [InlineData("020", E, "KVP_KOMM=1;KOMMNR_KVP_KOMM=4204", false)]
    [InlineData("020", E, "KVP_KOMM=1;KOMMNR_KVP_KOMM=0106", true)] // Fredrikstad before 2020, 3107 now
    [InlineData("020", E, "KVP_KOMM=2;KOMMNR_KVP_KOMM=", false)]
    [InlineData("020", E, "KVP_KOMM=1;KOMMNR_KVP_KOMM=1234", true)] // Granvin, merged into Voss in 2020
    [InlineData("020", E, "KVP_KOMM=1;KOMMNR_KVP_KOMM=0000", true)]
    [InlineData("020", E, "KVP_KOMM=1;KOMMNR_KVP_KOMM=", true)]
    [InlineData("021", E, "YTELSE_SOSHJELP=1;YTELSE_TYPE_SOSHJ=3", false)]
    [InlineData("021", E, "YTELSE_SOSHJELP=;YTELSE_TYPE_SOSHJ=", false)]
    [InlineData("021", E, "YTELSE_SOSHJELP=1;YTELSE_TYPE_SOSHJ=1", true)]
    [InlineData("026", E, "KVP_MED_ASTONAD=1;KVP_MED_KOMMBOS=4", false)]
    [InlineData("026", E, "KVP_MED_ASTONAD=3", true)]
    [InlineData("027", E, "KVP_MED_ASTONAD=1;KVP_MED_SOSHJ_SUP=7", false)]
    [InlineData("027", E, "KVP_MED_ASTONAD=1;KVP_MED_SOSHJ_SUP=8", true)]
    [InlineData("027", E, "KVP_MED_ASTONAD=2;KVP_MED_HUSBANKBOS=5", true)]
    [InlineData("028", W, "STATUS=2;" + NoMonths, false)]
    [InlineData("028", W, NoMonths, true)]
    [InlineData("029", W, "STATUS=2;KVP_STONAD=", false)]
    [InlineData("029", W, "KVP_STONAD=0", true)]
    [InlineData("030", W, "KVP_STONAD=0", false)]
    [InlineData("030", W, "KVP_STONAD=", true)]
    [InlineData("031", W, "KVP_STONAD=0;" + NoMonths, false)]
    [InlineData("031", W, NoMonths, true)]
    [InlineData("032", W, "KVP_STONAD=600000", false)]
    [InlineData("032", W, "KVP_STONAD=600001", true)]
    [InlineData("036", E, "STATUS=7;AVSL_DATO=30112025;AVSL_UKJENT=17", false)]
    [InlineData("036", E, "STATUS=8", true)]
    [InlineData("037", E, Ended, false)]
    [InlineData("037", E, "STATUS=4", true)]
    [InlineData("037", E, "STATUS=5;AVSL_DATO=31122024", true)]
    [InlineData("038", E, Ended, false)]
    [InlineData("038", E, "STATUS=7;AVSL_DATO=30112025", true)]
    [InlineData("039", E, Ended, false)]
    [InlineData("039", E, "STATUS=3;AVSL_DATO=30112025;AVSL_SKOLE=04;AVSL_VIKTIGSTE_INNTEKT=02", true)]
    public void Kvalifisering_rule(string rule, Severity severity, string edits, bool fires)
    {
        var result = KostraFixture.Read(Record(KostraSkjema.Kvalifiseringsstonad, 2025, edits));

        if (fires)
        {
            var finding = Fires(result, rule, severity);
            Assert.Equal(1, finding.Line);
        }
        else Passes(result, rule);
    }

    [Fact]
    public void There_is_no_rule_002_for_11CF()
    {
        var result = KostraFixture.Read(KostraRecordBuilder.Kvalifisering(2025).Apply("SAKSBEHANDLER=;YTELSE_INTRO=9"));

        Passes(result, "002");
        Assert.DoesNotContain(KvalifiseringRules.All, r => r.Id == "002");
    }

    [Fact]
    public void Oslo_districts_skip_rules_005A_005B_and_014_to_016_as_ssb_does()
    {
        var old = "REG_DATO=01012019;VEDTAK_DATO=01022019;BEGYNT_DATO=01032019";
        var result = KostraFixture.Read(KostraRecordBuilder.Kvalifisering(2025, "030112").Apply(old),
            KostraRecordBuilder.Kvalifisering(2025, "030112").Apply(old));

        Assert.True(result.Accepted, KostraFixture.Describe(result));
    }

    [Fact]
    public void Same_fodselsnummer_with_the_same_status_breaks_005A_and_with_another_status_does_not()
    {
        var same = KostraFixture.Read(KostraRecordBuilder.Kvalifisering(2025),
            KostraRecordBuilder.Kvalifisering(2025).Apply("PERSON_JOURNALNR=K0000002"));
        var other = KostraFixture.Read(KostraRecordBuilder.Kvalifisering(2025),
            KostraRecordBuilder.Kvalifisering(2025).Apply("PERSON_JOURNALNR=K0000002;" + Ended));

        Assert.Equal([1, 2], same.Findings.Where(f => f.Rule == "005A").Select(f => f.Line));
        Passes(other, "005A");
        Assert.True(other.Accepted, KostraFixture.Describe(other));
    }

    [Fact]
    public void Same_journal_number_twice_breaks_005B()
    {
        var result = KostraFixture.Read(KostraRecordBuilder.Kvalifisering(2025),
            KostraRecordBuilder.Kvalifisering(2025).Apply("BORN=1970-01-01"));

        Fires(result, "005B", Severity.Error);
    }

    [Fact]
    public void Every_rule_has_the_severity_ssbs_code_gives_it()
    {
        var warnings = KvalifiseringRules.All.Where(r => r.Severity == Severity.Warning).Select(r => r.Id);

        Assert.Equal(["007", "028", "029", "030", "031", "032"], warnings);
        Assert.Equal(KvalifiseringRules.All.Count, KvalifiseringRules.All.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public void Ssbs_minimal_2024_test_file_is_read_in_the_2024_layout()
    {
        // SSB's kvalifisering_minimal.dat: 136-character records for bydel 14 in Oslo, STATUS deliberately one position late.
        var reader = KostraFixture.Reader(new DateTimeOffset(2025, 2, 1, 0, 0, 0, TimeSpan.Zero));

        var result = reader.Read(Path.Combine(AppContext.BaseDirectory, "Fixtures", "kostra", "ssb-kvalifisering-minimal-2024.dat"));

        Assert.False(result.Accepted);
        Assert.DoesNotContain(result.Findings, f => f.Rule is "001" or "003" or "004");
        Assert.Equal([1, 2], result.Findings.Where(f => f.Rule == "036").Select(f => f.Line));
        Assert.Equal([1, 2], result.Findings.Where(f => f.Rule == "005").Select(f => f.Line));
        Assert.All(result.Findings, f => Assert.Equal("ssb-kvalifisering-minimal-2024.dat", f.File));
    }
}
