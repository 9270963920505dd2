using System.Text;
using Malekort.DataQuality;

namespace Malekort.Import.Kostra;

/// <summary>How a file becomes records: encoding, line ends, empty lines, integers and recognising the skjema.</summary>
public sealed class KostraReadingTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("kostra-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    [Fact]
    public void Lf_and_crlf_files_give_the_same_records()
    {
        var records = new[] { KostraRecordBuilder.Sosialhjelp(2025).ToString(),
            KostraRecordBuilder.Sosialhjelp(2025).Born(new DateOnly(1970, 1, 1)).Apply("PERSON_JOURNALNR=J2").ToString() };

        var crlf = KostraFixture.Reader().Read("a.dat", Encoding.Latin1.GetBytes(string.Join("\r\n", records)));
        var lf = KostraFixture.Reader().Read("a.dat", Encoding.Latin1.GetBytes(string.Join("\n", records) + "\n"));

        Assert.True(crlf.Accepted && lf.Accepted, KostraFixture.Describe(crlf) + KostraFixture.Describe(lf));
        Assert.Equal(crlf.Value!.Payments, lf.Value!.Payments);
        Assert.Equal(crlf.Value.Persons, lf.Value.Persons);
    }

    [Fact]
    public void Empty_lines_are_skipped_but_findings_name_the_physical_line()
    {
        var good = KostraRecordBuilder.Sosialhjelp(2025).ToString();
        var bad = KostraRecordBuilder.Sosialhjelp(2025).Born(new DateOnly(1970, 1, 1)).Apply("PERSON_JOURNALNR=J2;VKLO=0").ToString();

        var result = KostraFixture.Reader().Read("a.dat", Encoding.Latin1.GetBytes(good + "\r\n\r\n\n" + bad + "\r\n\r\n"));

        var finding = Assert.Single(result.Findings, f => f.Rule == "014");
        Assert.Equal(4, finding.Line);
    }

    [Fact]
    public void Records_are_iso_8859_1_so_one_letter_is_one_byte()
    {
        var record = KostraRecordBuilder.Sosialhjelp(2025).Apply("SAKSBEHANDLER=Søren Ås");

        var latin1 = KostraFixture.Reader().Read("a.dat", Encoding.Latin1.GetBytes(record + "\r\n"));
        var utf8 = KostraFixture.Reader().Read("a.dat", Encoding.UTF8.GetBytes(record + "\r\n"));

        Assert.True(latin1.Accepted, KostraFixture.Describe(latin1));
        var finding = Assert.Single(utf8.Findings);
        Assert.Equal(("001", Severity.Fatal), (finding.Rule, finding.Severity));
        Assert.StartsWith("Første post har 340 tegn", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_fatal_and_says_why()
    {
        var content = Encoding.UTF8.Preamble.ToArray().Concat(KostraFixture.File(KostraRecordBuilder.Sosialhjelp(2025))).ToArray();

        var finding = Assert.Single(KostraFixture.Reader().Read("a.dat", content).Findings);

        Assert.Equal(("001", Severity.Fatal, 1), (finding.Rule, finding.Severity, finding.Line));
        Assert.Contains("ISO-8859-1", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("'0060000")]
    [InlineData("'  60000")]
    [InlineData("'60000  ")]
    public void Integers_may_be_padded_with_zeros_or_spaces(string bidrag)
    {
        var result = KostraFixture.Read(KostraRecordBuilder.Sosialhjelp(2025).Apply("BIDRAG=" + bidrag));

        Assert.True(result.Accepted, KostraFixture.Describe(result));
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Codes_are_compared_as_written_never_trimmed()
    {
        var result = KostraFixture.Read(KostraRecordBuilder.Sosialhjelp(2025).Apply("STMND_7=' 7"));

        var finding = Assert.Single(result.Findings, f => f.Rule == "002");
        Assert.Equal(("STMND_7", "STMND_7 « 7» er ikke en gyldig kode; gyldige koder er 07."), (finding.Column, finding.Message));
    }

    [Fact]
    public void Recognise_tells_the_skjema_from_the_first_line()
    {
        var f = Write("uttrekk.dat", KostraFixture.File(KostraRecordBuilder.Sosialhjelp(2024), "garbage"));
        var cf = Write("deltakere.txt", KostraFixture.File(KostraRecordBuilder.Kvalifisering(2025)));
        var lf = Write("lf.dat", Encoding.Latin1.GetBytes(KostraRecordBuilder.Kvalifisering(2024).ToString()));

        Assert.Equal(KostraSkjema.OkonomiskSosialhjelp, KostraReader.Recognise(f));
        Assert.Equal(KostraSkjema.Kvalifiseringsstonad, KostraReader.Recognise(cf));
        Assert.Equal(KostraSkjema.Kvalifiseringsstonad, KostraReader.Recognise(lf));
    }

    [Fact]
    public void Recognise_takes_the_skjema_from_the_name_only_when_the_first_line_cannot_say()
    {
        var empty = Write("KOSTRA_11CF_3107_2025.dat", " "u8.ToArray());
        var broken = Write("sosialhjelp-11F.dat", KostraFixture.File(KostraRecordBuilder.Sosialhjelp(2025) + "x"));
        var unnamed = Write("tom.dat", " "u8.ToArray());
        var csv = Write("befolkning.csv", "region;alder;2024\n3107;20;100\n"u8.ToArray());

        Assert.Equal(KostraSkjema.Kvalifiseringsstonad, KostraReader.Recognise(empty));
        Assert.Equal(KostraSkjema.OkonomiskSosialhjelp, KostraReader.Recognise(broken));
        Assert.Null(KostraReader.Recognise(unnamed));
        Assert.Null(KostraReader.Recognise(csv));
        Assert.Null(KostraReader.Recognise(Path.Combine(folder, "finnes-ikke.dat")));
    }

    [Fact]
    public void A_file_that_is_not_there_is_a_fatal_finding()
    {
        var result = KostraFixture.Reader().Read(Path.Combine(folder, "finnes-ikke.dat"));

        var finding = Assert.Single(result.Findings);
        Assert.Equal((Severity.Fatal, "finnes-ikke.dat"), (finding.Severity, finding.File));
    }

    [Fact]
    public void A_first_line_of_no_known_length_is_fatal()
    {
        var result = KostraFixture.Reader().Read("a.dat", "31072512345\r\n"u8.ToArray());

        var finding = Assert.Single(result.Findings);
        Assert.Equal(("001", Severity.Fatal, 1), (finding.Rule, finding.Severity, finding.Line));
        Assert.Contains("324 (årgang 2024) eller 338 (årgang 2025–2026)", finding.Message, StringComparison.Ordinal);
    }
}
