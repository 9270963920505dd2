using System.Text;
using Malekort.DataQuality;
using static Malekort.Import.Kostra.KostraRuleAssert;

namespace Malekort.Import.Kostra;

/// <summary>SSB's rules for both skjema (kostra-11F-11CF.md §3.1–3.2), each broken once and kept once.</summary>
public sealed class CommonRuleTests
{
    private const KostraSkjema F = KostraSkjema.OkonomiskSosialhjelp;
    private const KostraSkjema CF = KostraSkjema.Kvalifiseringsstonad;

    [Theory]
    [InlineData(F, "KOMMUNE_NR=0301;BYDELSNR=12", "003", false)]
    [InlineData(F, "KOMMUNE_NR=1234", "003", true)]
    [InlineData(F, "KOMMUNE_NR=0301;BYDELSNR=", "003", true)]
    [InlineData(F, "KOMMUNE_NR=0301;BYDELSNR=16", "003", true)]
    [InlineData(F, "BYDELSNR=01", "003", true)]
    [InlineData(CF, "KOMMUNE_NR=4204", "003", false)]
    [InlineData(CF, "BYDELSNR=05", "003", true)]
    [InlineData(F, "VERSION=25", "004", false)]
    [InlineData(F, "FODSELSDATO=29021964", "004A", false)]
    [InlineData(F, "FODSELSDATO=29021965", "004A", true)]
    [InlineData(F, "FODSELSDATO=", "004A", true)]
    [InlineData(CF, "FODSELSDATO=1909196", "004A", true)]
    [InlineData(F, "PERSON_FODSELSNR=01019000100", "005", false)]
    [InlineData(F, "PERSON_FODSELSNR=01019099999", "005", false)]
    [InlineData(F, "PERSON_FODSELSNR=31029000100", "005", true)]
    [InlineData(F, "PERSON_FODSELSNR=12345678901", "005", true)]
    [InlineData(F, "PERSON_FODSELSNR=1234", "005", true)]
    [InlineData(F, "PERSON_FODSELSNR=;PERSON_DUF=123456789012", "005", false)]
    [InlineData(CF, "PERSON_FODSELSNR=", "005", true)]
    [InlineData(CF, "PERSON_FODSELSNR=12345678901", "005", true)]
    [InlineData(F, "KJONN=2", "008", false)]
    [InlineData(F, "KJONN=3", "008", true)]
    [InlineData(CF, "KJONN=", "008", true)]
    [InlineData(F, "EKTSTAT=5", "009", false)]
    [InlineData(F, "EKTSTAT=6", "009", true)]
    [InlineData(CF, "EKTSTAT=0", "009", true)]
    [InlineData(F, "BU18=1;ANTBU18=2", "010", false)]
    [InlineData(F, "BU18=J", "010", true)]
    [InlineData(CF, "BU18=", "010", true)]
    [InlineData(F, "BU18=1;ANTBU18=1", "011", false)]
    [InlineData(F, "BU18=1;ANTBU18=", "011", true)]
    [InlineData(F, "BU18=1;ANTBU18=0", "011", true)]
    [InlineData(CF, "BU18=1", "011", true)]
    [InlineData(F, "BU18=2;ANTBU18=0", "012", false)]
    [InlineData(F, "BU18=2;ANTBU18=3", "012", true)]
    [InlineData(CF, "ANTBU18=' 1", "012", true)]
    [InlineData(F, "BU18=1;ANTBU18=13", "013", false)]
    [InlineData(F, "BU18=1;ANTBU18=14", "013", true)]
    [InlineData(CF, "BU18=1;ANTBU18=20", "013", true)]
    public void Common_rule_is_an_error(KostraSkjema skjema, string edits, string rule, bool fires)
    {
        var result = KostraFixture.Read(Record(skjema, 2025, edits));

        if (fires) Fires(result, rule, Severity.Error);
        else Passes(result, rule);
    }

    [Fact]
    public void Record_of_the_wrong_length_is_fatal_and_stops_every_other_rule()
    {
        var good = KostraRecordBuilder.Sosialhjelp(2025);
        var broken = KostraRecordBuilder.Sosialhjelp(2025).Apply("VKLO=0;PERSON_JOURNALNR=J0000002").ToString() + " ";

        var result = KostraFixture.Read(good, broken);

        var finding = Fires(result, "001", Severity.Fatal);
        Assert.Equal((2, ""), (finding.Line, finding.Column));
        Assert.Equal("Posten har 339 tegn, men en post i skjema 11F for årgang 2025 skal ha nøyaktig 338 tegn.", finding.Message);
        Assert.Single(result.Findings);
    }

    [Fact]
    public void Tab_in_a_record_is_fatal()
    {
        var record = KostraRecordBuilder.Sosialhjelp(2025).Apply("SAKSBEHANDLER='per\t000102").ToString();

        var finding = Fires(KostraFixture.Read(record), "001", Severity.Fatal);

        Assert.Contains("tabulatortegn (posisjon 269)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Record_of_the_other_years_length_is_fatal_for_the_year_version_names()
    {
        var record2024 = KostraRecordBuilder.Sosialhjelp(2024).Apply("VERSION=25");

        var finding = Fires(KostraFixture.Read(record2024), "001", Severity.Fatal);

        Assert.Equal("Posten har 324 tegn, men en post i skjema 11F for årgang 2025 skal ha nøyaktig 338 tegn.", finding.Message);
    }

    [Fact]
    public void Records_of_another_year_than_the_first_break_rule_004()
    {
        var result = KostraFixture.Read(KostraRecordBuilder.Sosialhjelp(2026),
            KostraRecordBuilder.Sosialhjelp(2026).Apply("VERSION=25;PERSON_JOURNALNR=J0000002;PERSON_FODSELSNR=;PERSON_DUF=123456789012"));

        var finding = Fires(result, "004", Severity.Error);
        Assert.Equal((2, "VERSION"), (finding.Line, finding.Column));
    }

    [Fact]
    public void A_year_after_the_import_year_breaks_rule_004()
    {
        var result = KostraFixture.Reader(new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero)).Read("a.dat",
            KostraFixture.File(KostraRecordBuilder.Sosialhjelp(2026)));

        var finding = Fires(result, "004", Severity.Error);
        Assert.Equal("Oppgaveåret 2026 (VERSION «26») ligger etter inneværende år 2025.", finding.Message);
    }

    [Fact]
    public void The_running_year_is_plausible_for_an_extract_made_during_it()
    {
        var result = KostraFixture.Reader(new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero)).Read("a.dat",
            KostraFixture.File(KostraRecordBuilder.Sosialhjelp(2025)));

        Assert.True(result.Accepted, KostraFixture.Describe(result));
    }

    [Theory]
    [InlineData("23")]
    [InlineData("00")]
    [InlineData("xx")]
    public void A_year_without_a_known_layout_breaks_rule_004(string version)
    {
        var result = KostraFixture.Read(KostraRecordBuilder.Sosialhjelp(2025).Apply("VERSION=" + version));

        var finding = Fires(result, "004", Severity.Error);
        Assert.Equal((1, "VERSION"), (finding.Line, finding.Column));
        Assert.Contains("2024–2026", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Records_of_two_units_break_rule_003()
    {
        var result = KostraFixture.Read(KostraRecordBuilder.Sosialhjelp(2025),
            KostraRecordBuilder.Sosialhjelp(2025, "3103").Apply("PERSON_JOURNALNR=J0000002;PERSON_FODSELSNR=;PERSON_DUF=123456789012"));

        var finding = Fires(result, "003", Severity.Error);
        Assert.Equal((2, "KOMMUNE_NR"), (finding.Line, finding.Column));
        Assert.Equal("Posten gjelder 3103, men filens første post gjelder 3107; en fil skal gjelde én kommune eller bydel.",
            finding.Message);
    }

    [Fact]
    public void Two_oslo_districts_in_one_file_break_rule_003()
    {
        var result = KostraFixture.Read(KostraRecordBuilder.Sosialhjelp(2025, "030112"),
            KostraRecordBuilder.Sosialhjelp(2025, "030101").Apply("PERSON_JOURNALNR=J0000002;PERSON_FODSELSNR=;PERSON_DUF=123456789012"));

        var finding = Fires(result, "003", Severity.Error);
        Assert.Equal((2, "BYDELSNR"), (finding.Line, finding.Column));
    }

    [Fact]
    public void Single_space_file_named_for_its_unit_and_year_is_an_accepted_zero()
    {
        var result = KostraFixture.Reader().Read("KOSTRA_11F_3107_2025.dat", " "u8.ToArray());

        Assert.True(result.Accepted, KostraFixture.Describe(result));
        var batch = result.Value!;
        Assert.Equal(("kostra-11F", "3107", new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)),
            (batch.Header.Format, batch.Header.Unit.Value, batch.Header.PeriodFrom, batch.Header.PeriodTo));
        Assert.Empty(batch.Persons);
        Assert.Empty(batch.Payments);
        Assert.Empty(result.Findings);
    }

    [Theory]
    [InlineData("11CF-030112-2024.txt", "kostra-11CF", "030112", 2024)]
    [InlineData("kostra_11f_3107_2026", "kostra-11F", "3107", 2026)]
    public void Single_space_file_takes_skjema_unit_and_year_from_its_name(string name, string format, string unit, int year)
    {
        var result = KostraFixture.Reader().Read(name, " \r\n"u8.ToArray());

        Assert.True(result.Accepted, KostraFixture.Describe(result));
        var header = result.Value!.Header;
        Assert.Equal((format, unit, year), (header.Format, header.Unit.Value, header.PeriodFrom.Year));
    }

    [Fact]
    public void Single_space_files_of_two_units_have_different_hashes()
    {
        var a = KostraFixture.Reader().Read("KOSTRA_11F_3107_2025.dat", " "u8.ToArray()).Value!;
        var b = KostraFixture.Reader().Read("KOSTRA_11F_3103_2025.dat", " "u8.ToArray()).Value!;

        Assert.NotEqual(a.ContentHash, b.ContentHash);
    }

    [Theory]
    [InlineData("tom.dat")]
    [InlineData("KOSTRA_11F_2025.dat")]
    public void Single_space_file_whose_name_does_not_say_unit_and_year_breaks_rule_000(string name)
    {
        var result = KostraFixture.Reader().Read(name, " "u8.ToArray());

        var finding = Fires(result, "000", Severity.Fatal);
        Assert.Contains("KOSTRA_11F_3107_2025.dat", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("KOSTRA_11F_1234_2025.dat", "003")]
    [InlineData("KOSTRA_11F_3107_2023.dat", "004")]
    [InlineData("KOSTRA_11F_3107_2027.dat", "004")]
    public void Single_space_file_named_for_an_unknown_unit_or_year_is_rejected(string name, string rule)
    {
        Fires(KostraFixture.Reader().Read(name, " "u8.ToArray()), rule, Severity.Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\r\n\r\n")]
    public void Empty_file_breaks_rule_000(string content)
    {
        Fires(KostraFixture.Reader().Read("KOSTRA_11F_3107_2025.dat", Encoding.Latin1.GetBytes(content)), "000", Severity.Fatal);
    }
}
