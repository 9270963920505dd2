using System.Globalization;
using System.Text;
using Malekort.Capture;
using Malekort.DataQuality;
using Malekort.Units;

namespace Malekort.Import.Capture;

/// <summary>
/// Issue 14: a batch's small files are read once and parsed from memory, large ones streamed (<see cref="BatchFile"/>). The
/// fast path must give what the plain one gives, every file streamed: the same records, hash and findings, good and broken.
/// </summary>
public sealed class WholeAndStreamedFilesTests
{
    private static readonly CaptureReader Streaming = new(CaptureFixture.Pseudonyms, UnitRegister.Default) { StreamOnly = true };

    public static TheoryData<string> Batches => new(Cases.Keys);

    /// <summary>Each case changes a copy of a fixture batch; the names say how.</summary>
    private static readonly Dictionary<string, Action<BatchFolder>> Cases = new(StringComparer.Ordinal)
    {
        ["valid"] = _ => { },
        ["valid, with fødselsnumre"] = _ => { },
        ["a byte order mark and CRLF line ends"] = b => b.WriteBytes("persons.csv",
            [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(b.Read("persons.csv").ReplaceLineEndings("\r\n"))]),
        ["a byte that is not UTF-8 on line 3"] = b => b.WriteBytes("payments.csv", Replace(b.Read("payments.csv"), "U2,", [0x80, (byte)',']) ),
        ["a character cut at the end of the file"] = b => b.WriteBytes("followups.csv", [.. Encoding.UTF8.GetBytes(b.Read("followups.csv")), 0xC3]),
        ["an unclosed quote"] = b => b.Append("payments.csv", "\"U9,P001,HUSL,100.00,UTBETALT,2023-02-01,,,S1"),
        ["rows with broken values and field counts"] = b =>
        {
            b.Append("persons.csv", "P005,1990-02-30,3");
            b.Append("payments.csv", "U10,P001,HUSL");
            b.Append("kvp.csv", "P001,,,2023-01-01,,9,");
        },
        ["an empty file and a file the format does not know"] = b => b.Write("sanctions.csv", "").Write("notater.txt", "hei\n"),
        ["a header without a required column"] = b => b.Edit("cases.csv", text => text.Replace("case_id", "saks_id", StringComparison.Ordinal)),
        ["a payments file over the bound for whole files"] = b => b.Write("payments.csv", LargePayments(b.Read("payments.csv"))),
    };

    [Theory]
    [MemberData(nameof(Batches))]
    public void Small_files_read_whole_give_the_same_records_hash_and_findings_as_every_file_streamed(string change)
    {
        using var batch = BatchFolder.Copy(change.Contains("fødselsnumre", StringComparison.Ordinal) ? CaptureFixture.Fnr : CaptureFixture.PersonIds);
        Cases[change](batch);

        foreach (var path in new[] { batch.Path, batch.Zip(inTopFolder: true) })
        {
            var fast = CaptureFixture.Read(path);
            var plain = Streaming.Read(path);

            Assert.Equal(plain.Findings.Select(Describe), fast.Findings.Select(Describe));
            Assert.Equal(plain.Accepted, fast.Accepted);
            Assert.Equal(BatchSnapshot.Of(plain.Value), BatchSnapshot.Of(fast.Value));
        }
    }

    [Fact]
    public void The_cases_above_reach_both_outcomes()
    {
        // The comparison above means something only if some cases are accepted and some rejected, with findings.
        using var good = BatchFolder.Copy(CaptureFixture.PersonIds);
        using var bad = BatchFolder.Copy(CaptureFixture.PersonIds);
        Cases["a byte that is not UTF-8 on line 3"](bad);

        Assert.True(CaptureFixture.Read(good.Path).Accepted);
        var finding = Assert.Single(CaptureFixture.Read(bad.Path).Findings, f => f.Rejects);
        Assert.Equal(("payments.csv", 3), (finding.File, finding.Line));
    }

    [Fact]
    public void A_batch_keeps_its_small_known_files_whole_and_streams_a_large_file_and_a_file_it_does_not_know()
    {
        using var batch = BatchFolder.Copy(CaptureFixture.PersonIds);
        batch.Write("payments.csv", LargePayments(batch.Read("payments.csv"))).Write("notater.txt", "hei\n");
        var log = new FindingLog();

        using var files = BatchFiles.Load(batch.Path, log);
        using var plain = BatchFiles.Load(batch.Path, new FindingLog(), streamOnly: true);

        Assert.NotNull(files);
        Assert.NotNull(plain);
        Assert.True(files.Get(CaptureFiles.Payments)!.Length > BatchFile.WholeFileBytes);
        Assert.False(files.Get(CaptureFiles.Payments)!.IsWhole);
        Assert.False(files.Get("notater.txt")!.IsWhole);
        Assert.All(files.Names.Where(n => n is not CaptureFiles.Payments and not "notater.txt"), n => Assert.True(files.Get(n)!.IsWhole, n));
        Assert.All(plain.Names, n => Assert.False(plain.Get(n)!.IsWhole, n));
        Assert.Equal(plain.ContentHash, files.ContentHash);
        Assert.All(files.Names, n => Assert.Equal(plain.Get(n)!.Scan, files.Get(n)!.Scan));
    }

    [Fact]
    public void A_batch_holds_no_more_than_its_bound_whole_however_many_small_files_it_has()
    {
        // Known files just under the bound for one file: only as many as fit in the batch's bound are kept whole.
        using var batch = BatchFolder.Copy(CaptureFixture.PersonIds);
        var filler = "person_id,date\n" + new string('#', (int)BatchFile.WholeFileBytes - 100) + "\n";
        foreach (var name in new[] { CaptureFiles.Followups, CaptureFiles.Jobseekers, CaptureFiles.Kvp, CaptureFiles.Livelihood, CaptureFiles.Sanctions })
            batch.Write(name, filler);

        using var files = BatchFiles.Load(batch.Path, new FindingLog());

        var held = files!.Names.Select(files.Get).Where(f => f!.IsWhole).Sum(f => f!.Length);
        Assert.True(held <= BatchFile.WholeBatchBytes, $"{held} byte holdt hele");
        Assert.Contains(files.Names, n => !files.Get(n)!.IsWhole);
    }

    private static string LargePayments(string text)
    {
        // The file's rows again, each with a new payment id, until it is past the bound for one whole file.
        var rows = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var builder = new StringBuilder(text);
        for (var i = 0; builder.Length <= BatchFile.WholeFileBytes + 1000; i++)
            builder.Append(CultureInfo.InvariantCulture, $"X{i}{rows[1 + i % (rows.Length - 1)]}\n");
        return builder.ToString();
    }

    private static byte[] Replace(string text, string what, byte[] with)
    {
        var at = text.IndexOf(what, StringComparison.Ordinal);
        return [.. Encoding.UTF8.GetBytes(text[..at]), .. with, .. Encoding.UTF8.GetBytes(text[(at + what.Length)..])];
    }

    private static string Describe(Finding f) => $"{f.Severity} {f.File}:{f.Line}: {f.Column}: {f.Message}";
}
