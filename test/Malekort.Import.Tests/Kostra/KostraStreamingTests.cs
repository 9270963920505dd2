using System.Globalization;
using System.Text;
using Malekort.Capture;
using Malekort.DataQuality;

namespace Malekort.Import.Kostra;

/// <summary>
/// Issue 13: a KOSTRA file is read in passes of fixed memory, never held whole (<see cref="KostraLines"/>). Read that way it
/// must give exactly what reading it from memory gives: the same findings in the same order, the same records and hash.
/// </summary>
public sealed class KostraStreamingTests(ITestOutputHelper output)
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "kostra", "ssb-kvalifisering-minimal-2024.dat");

    /// <summary>A new valid 11F record each time: a builder changes in place.</summary>
    private static KostraRecordBuilder Valid11F => KostraRecordBuilder.Sosialhjelp(2025);

    /// <summary>The format description's constructed 2025 11F record (kostra-11F-11CF.md §4), trailing spaces trimmed.</summary>
    private const string Described11F = "420425  190919660000186219096632188            1110151204010203040506            0060000000000000100"
        + "00       0010000       0010000       0010000       0010000       0010000                            "
        + "                                                               22per0000102122";

    /// <summary>The format description's constructed 2025 11CF record.</summary>
    private const string Described11CF = "420425  190919660000004219096633133112  1501202501022025010320252    12   2         0304050607080910"
        + "111202000001                              per0000102";

    public static TheoryData<string> Files => new(Cases.Keys);

    /// <summary>Each case is a file name and its bytes; the names say what is in them.</summary>
    private static readonly Dictionary<string, (string Name, byte[] Content)> Cases = new(StringComparer.Ordinal)
    {
        ["SSB's minimal 11CF test file"] = ("ssb-kvalifisering-minimal-2024.dat", File.ReadAllBytes(Fixture)),
        ["the format description's 11F record"] = ("KOSTRA_test.dat", Latin1(Described11F.PadRight(338) + "\n")),
        ["the format description's 11CF record"] = ("KOSTRA_test.dat", Latin1(Described11CF.PadRight(152) + "\n")),
        ["valid 11F recipients, CRLF, with empty lines and no line break at the end"] = ("KOSTRA_test.dat",
            Latin1(string.Join("\r\n", Recipients(40)) + "\r\n\r\n\n" + Valid11F.Born(new DateOnly(1980, 1, 1)).Apply("PERSON_JOURNALNR=J9999999"))),
        ["valid 11CF participants in an Oslo district"] = ("KOSTRA_test.dat", KostraFixture.File(
            KostraRecordBuilder.Kvalifisering(2025, "030101"), KostraRecordBuilder.Kvalifisering(2025, "030101").Born(new DateOnly(1990, 4, 2))
                .Apply("PERSON_JOURNALNR=K2"))),
        ["a record too short on line 3 and one with a TAB on line 5"] = ("KOSTRA_test.dat", Latin1(
            $"{Valid11F}\n{Valid11F.Born(new DateOnly(1990, 4, 2))}\n{Valid11F.ToString()[..300]}\n\n{Valid11F.ToString()[..20]}\t{Valid11F.ToString()[21..]}\n")),
        ["a first line of 2 000 characters"] = ("uttrekk.dat", Latin1(new string('1', 2000) + "\n" + Valid11F + "\n")),
        ["a first line of 2 000 characters in a file named 11F"] = ("KOSTRA_11F_3107_2025.dat", Latin1("3107" + new string('5', 1996) + "\n")),
        ["a later line of 5 000 characters with a TAB far in"] = ("KOSTRA_test.dat", Latin1(
            $"{Valid11F}\n{Valid11F}{new string(' ', 4000)}\t{new string(' ', 660)}\n")),
        ["a byte order mark"] = ("KOSTRA_test.dat", [.. Encoding.UTF8.Preamble, .. KostraFixture.File(Valid11F)]),
        ["an empty file"] = ("KOSTRA_test.dat", []),
        ["only line breaks"] = ("KOSTRA_test.dat", Latin1("\r\n\n\n")),
        ["a single space, named"] = ("KOSTRA_11F_3107_2025.dat", Latin1(" \r\n")),
        ["a single space, not named"] = ("uttrekk.dat", Latin1(" ")),
        ["a VERSION after the current year"] = ("KOSTRA_test.dat", KostraFixture.File(Valid11F.ToString()[..4] + "27" + Valid11F.ToString()[6..])),
        ["records for two municipalities"] = ("KOSTRA_test.dat", KostraFixture.File(Valid11F, KostraRecordBuilder.Sosialhjelp(2025, "0301")
            .Apply("BYDELSNR=01;PERSON_JOURNALNR=J2").Born(new DateOnly(1990, 4, 2)))),
        ["one recipient nine times, and journal numbers shared"] = ("KOSTRA_test.dat", KostraFixture.File(
            [.. Enumerable.Repeat<object>(Valid11F, 9), Valid11F.Born(new DateOnly(1990, 4, 2)), Valid11F.Born(new DateOnly(1991, 4, 2))])),
        ["11CF participants with the same fødselsnummer and status"] = ("KOSTRA_test.dat", KostraFixture.File(
            KostraRecordBuilder.Kvalifisering(2025), KostraRecordBuilder.Kvalifisering(2025).Apply("PERSON_JOURNALNR=K2"),
            KostraRecordBuilder.Kvalifisering(2025).Apply("PERSON_JOURNALNR=K3;STATUS=2"))),
        ["rule errors and warnings on many records"] = ("KOSTRA_test.dat", Latin1(string.Join("\n", Recipients(150).Select((r, i) =>
            i % 3 == 0 ? r.Apply("BU18=1;ANTBU18=") : i % 3 == 1 ? r.Apply("KJONN=7;BIDRAG=100;BIDRAG_JAN=100;BIDRAG_FEB=;BIDRAG_MARS=;BIDRAG_APRIL=;BIDRAG_MAI=;BIDRAG_JUNI=") : r)))),
        ["a recipient without fødselsnummer or DUF number"] = ("KOSTRA_test.dat", KostraFixture.File(Valid11F.Apply("PERSON_FODSELSNR="))),
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void A_file_read_in_passes_of_fixed_memory_gives_the_same_findings_records_and_hash_as_read_from_memory(string file)
    {
        var (name, content) = Cases[file];
        var folder = Directory.CreateTempSubdirectory("kostra-stream-");
        try
        {
            var path = Path.Combine(folder.FullName, name);
            File.WriteAllBytes(path, content);
            var fromMemory = KostraFixture.Reader().Read(name, content);

            // Seven bytes at a time cuts every record, line break and CRLF across reads; the product's own buffer too.
            foreach (var bufferBytes in new[] { 7, KostraSource.FileBufferBytes })
            {
                var streamed = new KostraReader(KostraFixture.Pseudonyms, new KostraFixture.FixedClock(KostraFixture.Now))
                {
                    StreamOnly = true,
                    StreamBufferBytes = bufferBytes,
                }.Read(path);

                Assert.Equal(fromMemory.Findings.Select(Describe), streamed.Findings.Select(Describe));
                Assert.Equal(fromMemory.Accepted, streamed.Accepted);
                Assert.Equal(fromMemory.Unit, streamed.Unit);
                Assert.Equal(BatchSnapshot.Of(fromMemory.Value), BatchSnapshot.Of(streamed.Value));
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_cases_above_reach_every_pass_and_both_outcomes()
    {
        // The comparison means something only if the cases stop at rule 001, at the rules, at the duplicates and at none.
        var results = Cases.ToDictionary(c => c.Key, c => KostraFixture.Reader().Read(c.Value.Name, c.Value.Content));

        Assert.True(results["valid 11F recipients, CRLF, with empty lines and no line break at the end"].Accepted);
        Assert.Equal(41, results["valid 11F recipients, CRLF, with empty lines and no line break at the end"].Value!.Persons.Count);
        Assert.True(results["SSB's minimal 11CF test file"].Findings.Count > 0);
        Assert.Contains(results["a record too short on line 3 and one with a TAB on line 5"].Findings, f => (f.Rule, f.Line) == ("001", 5));
        Assert.Contains(results["a later line of 5 000 characters with a TAB far in"].Findings,
            f => f.Rule == "001" && f.Message.Contains("posisjon 4339", StringComparison.Ordinal));
        Assert.Equal(9 + 11, results["one recipient nine times, and journal numbers shared"].Findings.Count(f => f.Rule is "005A" or "005B"));
        Assert.Contains(results["rule errors and warnings on many records"].Findings, f => f.Severity == Severity.Warning);
        Assert.True(results["a single space, named"].Accepted);
    }

    [Fact]
    public void A_file_that_changes_between_the_passes_is_rejected_whole()
    {
        var folder = Directory.CreateTempSubdirectory("kostra-stream-");
        try
        {
            var path = Path.Combine(folder.FullName, "KOSTRA_test.dat");
            File.WriteAllBytes(path, Latin1(string.Join("\n", Recipients(3))));
            // The clock is read a second time for the batch header, between the rules' pass and the mapping's; the file is
            // changed then, as a writer still at work would.
            var clock = new ChangingClock(() => File.WriteAllBytes(path, Latin1(string.Join("\n", Recipients(3).Reverse()))));
            var result = new KostraReader(KostraFixture.Pseudonyms, clock) { StreamOnly = true }.Read(path);

            Assert.False(result.Accepted);
            var finding = Assert.Single(result.Findings, f => f.Severity == Severity.Fatal);
            Assert.StartsWith("Filen ble endret mens den ble lest; ingenting er lagret.", finding.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("a record too short at the end")]
    [InlineData("a rule error at the end")]
    public void A_large_11F_file_is_read_in_memory_far_below_its_size(string change)
    {
        // 100 000 recipients, 34 MB; read whole it allocated five times its size (bytes, one string, a string per line).
        const int Recipients = 100_000;
        var folder = Directory.CreateTempSubdirectory("kostra-large-");
        try
        {
            var path = Path.Combine(folder.FullName, "KOSTRA_11F_3107_2025.dat");
            using (var writer = new StreamWriter(path, false, Encoding.Latin1))
            {
                foreach (var record in LargeFile(Recipients)) writer.Write(record + "\r\n");
                writer.Write(change == "a record too short at the end" ? Valid11F.ToString()[..300] : Valid11F.Apply("KJONN=7;PERSON_JOURNALNR=X1").Born(new DateOnly(1930, 1, 1)).ToString());
                writer.Write("\r\n");
            }
            var size = new FileInfo(path).Length;
            var reader = KostraFixture.Reader();
            reader.Read(path); // the first read loads the reader's code, which is not the file's cost

            var before = GC.GetAllocatedBytesForCurrentThread();
            var result = reader.Read(path);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{change}: {allocated:N0} byte allocated reading {size:N0} byte"));
            Assert.False(result.Accepted);
            Assert.Contains(result.Findings, f => f.Line == Recipients + 1 && f.Rejects);
            Assert.True(allocated < size / 4, string.Create(CultureInfo.InvariantCulture, $"{allocated:N0} byte allokert for en fil på {size:N0} byte; funn: {string.Join(" | ", result.Findings)}"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Recipients with distinct fødselsnumre and journal numbers, each valid.</summary>
    private static IEnumerable<KostraRecordBuilder> Recipients(int count) => Enumerable.Range(0, count).Select(i =>
        KostraRecordBuilder.Sosialhjelp(2025).Born(BirthOf(i), IndividualOf(i))
            .Apply(string.Create(CultureInfo.InvariantCulture, $"PERSON_JOURNALNR=J{i:D7}")));

    /// <summary>The same as <see cref="Recipients"/> as text, built by editing one record's fields in place (fast enough for 100 000).</summary>
    private static IEnumerable<string> LargeFile(int count)
    {
        var layout = Valid11F.Layout;
        var fnr = layout.InFileOrder.Single(f => f.Name == "PERSON_FODSELSNR");
        var birth = layout.InFileOrder.Single(f => f.Name == "FODSELSDATO");
        var journal = layout.InFileOrder.Single(f => f.Name == "PERSON_JOURNALNR");
        var chars = Valid11F.ToString().ToCharArray();
        for (var i = 0; i < count; i++)
        {
            var born = BirthOf(i);
            KostraRecordBuilder.Synthetic(born, IndividualOf(i)).CopyTo(0, chars, fnr.Start, fnr.Length);
            born.ToString("ddMMyyyy", CultureInfo.InvariantCulture).CopyTo(0, chars, birth.Start, birth.Length);
            string.Create(CultureInfo.InvariantCulture, $"J{i:D7}").PadRight(journal.Length).CopyTo(0, chars, journal.Start, journal.Length);
            yield return new string(chars);
        }
    }

    // 25 000 birth days from 1940, and individual numbers 50 apart (a number without valid control digits becomes a near one).
    private static DateOnly BirthOf(int i) => new DateOnly(1940, 1, 1).AddDays(i % 25_000);

    private static int IndividualOf(int i) => 100 + 50 * (i / 25_000);

    private static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);

    private static string Describe(Finding f) =>
        $"{f.Severity} {f.File}:{f.Line}: {f.Column}: [{f.Rule}] {f.Message} ×{f.Count}";

    /// <summary>A fixed clock that does something the second time it is read.</summary>
    private sealed class ChangingClock(Action onSecondRead) : TimeProvider
    {
        private int reads;

        public override DateTimeOffset GetUtcNow()
        {
            if (++reads == 2) onSecondRead();
            return KostraFixture.Now;
        }
    }
}
