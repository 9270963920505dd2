using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Malekort.DataQuality;
using Malekort.Import.Capture;

namespace Malekort.Import.Limits;

/// <summary>
/// Small versions of the hostile capture batches of issue 13 (a 240 KB zip of a million duplicate payment rows, a 7 MB zip of
/// 30 million findings): each is rejected with a bounded list of findings and exact totals, and no zip is unpacked past its
/// limits. The full-size versions run in <c>./malekort reliability</c>.
/// </summary>
public sealed class HostileBatchTests
{
    private const string PaymentsHeader = "payment_id,person_id,benefit_type,amount,status,payment_date,period_from,period_to,case_id\n";

    [Fact]
    public void A_file_with_a_hundred_thousand_broken_rows_lists_a_hundred_and_counts_every_one()
    {
        using var batch = BatchFolder.Copy(CaptureFixture.PersonIds);
        batch.Write("payments.csv", PaymentsHeader + Rows(100_000, i => $"X{i},P001,LIVOPP,-{i},UTBETALT,2023-02-01,,,S1"));

        var result = CaptureFixture.Read(batch.Path);

        Assert.False(result.Accepted);
        var amount = result.Findings.Where(f => f is { File: "payments.csv", Column: "amount" }).ToList();
        Assert.Equal(InputLimits.FindingsPerKind + 1, amount.Count);
        Assert.Equal(100_000, Finding.Total(amount));
        Assert.True(result.Findings.Count < 500, $"{result.Findings.Count} funn");
    }

    [Fact]
    public void A_zip_of_a_hundred_thousand_payments_with_one_id_is_rejected_with_bounded_findings()
    {
        using var batch = BatchFolder.Copy(CaptureFixture.PersonIds);
        // The same payment id on every row, the rest varying, so the zip stays within the expansion limit and every row is a finding.
        batch.Write("payments.csv", PaymentsHeader
            + Rows(100_000, i => $"U1,P001,LIVOPP,{7000 + (i * 7919 % 5000)}.{i % 100:D2},UTBETALT,2023-02-{1 + (i % 28):D2},,,S1"));
        var zip = batch.Zip(inTopFolder: false);

        var result = CaptureFixture.Read(zip);

        Assert.False(result.Accepted);
        var duplicates = result.Findings.Where(f => f is { File: "payments.csv", Column: "payment_id" }).ToList();
        Assert.Equal(InputLimits.FindingsPerKind + 1, duplicates.Count);
        Assert.Equal(99_999, Finding.Total(duplicates));
    }

    [Fact]
    public void A_zip_entry_that_unpacks_to_more_than_a_hundred_times_its_size_is_refused_before_it_is_unpacked()
    {
        using var batch = BatchFolder.Copy(CaptureFixture.PersonIds);
        // 20 MB of one character deflate about a thousand times: a zip bomb's shape.
        batch.Write("payments.csv", PaymentsHeader + new string(' ', 20_000_000));
        var zip = batch.Zip(inTopFolder: false);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var result = CaptureFixture.Read(zip);

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var finding = Assert.Single(result.Findings);
        Assert.Equal(Severity.Fatal, finding.Severity);
        Assert.Contains("zip-bombe", finding.Message, StringComparison.Ordinal);
        Assert.True(allocated < 8 * 1024 * 1024, $"{allocated} byte allokert");
    }

    [Fact]
    public void A_zip_with_more_entries_than_the_limit_is_refused_before_they_are_listed()
    {
        using var batch = BatchFolder.Copy(CaptureFixture.PersonIds);
        var zip = Path.Combine(batch.Path, "..", "mange.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            archive.CreateEntryFromFile(Path.Combine(batch.Path, "batch.json"), "batch.json");
            for (var i = 0; i < InputLimits.ZipEntries; i++) archive.CreateEntry(string.Create(CultureInfo.InvariantCulture, $"tom-{i}.txt"));
        }

        var result = CaptureFixture.Read(zip);

        var finding = Assert.Single(result.Findings);
        Assert.Equal((Severity.Fatal, "mange.zip"), (finding.Severity, finding.File));
        Assert.Contains("mer enn 1000 filer", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_entry_that_holds_more_than_it_declares_is_read_no_further_than_declared()
    {
        using var batch = BatchFolder.Copy(CaptureFixture.PersonIds);
        var zip = batch.Zip(inTopFolder: false);
        DeclareSmaller(zip, "persons.csv");

        var result = CaptureFixture.Read(zip);

        // Cut at half its length, persons.csv ends in the middle of a row: the batch is rejected for what it then lacks.
        Assert.False(result.Accepted);
        Assert.Contains(result.Findings, f => f is { File: "persons.csv", Line: 3 });
    }

    [Fact]
    public void A_batch_file_with_json_nested_past_the_limit_is_fatal()
    {
        using var batch = BatchFolder.Copy(CaptureFixture.PersonIds);
        batch.Edit("batch.json", json => json.Replace("\"version\": 1,", "\"version\": 1, \"dypt\": " + new string('[', 100)
            + new string(']', 100) + ",", StringComparison.Ordinal));

        var result = CaptureFixture.Read(batch.Path);

        Assert.Contains(result.Findings, f => f is { Severity: Severity.Fatal, File: "batch.json" });
    }

    private static string Rows(int count, Func<int, string> row)
    {
        var text = new StringBuilder(count * 64);
        for (var i = 0; i < count; i++) text.Append(row(i)).Append('\n');
        return text.ToString();
    }

    /// <summary>Halves the uncompressed size an entry declares, in its local header and in the central directory.</summary>
    private static void DeclareSmaller(string zip, string entryName)
    {
        var bytes = File.ReadAllBytes(zip);
        var name = Encoding.ASCII.GetBytes(entryName);
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i));
            var (nameAt, sizeAt) = signature switch
            {
                0x04034b50 => (30, 22),
                0x02014b50 => (46, 24),
                _ => (-1, -1),
            };
            if (nameAt < 0 || !bytes.AsSpan(i + nameAt).StartsWith(name)) continue;
            var size = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i + sizeAt));
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + sizeAt), size / 2);
        }
        File.WriteAllBytes(zip, bytes);
    }
}

/// <summary>The JSON readers' bounds: nesting, and a JSON-stat table that claims more values than any population table has.</summary>
public sealed class HostileJsonTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("malekort-json-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void A_digisos_file_nested_past_the_limit_is_fatal_and_says_so()
    {
        var path = Path.Combine(folder, "dyp.json");
        File.WriteAllText(path, "{\"hendelser\": " + new string('[', 5_000) + new string(']', 5_000) + "}");

        var result = Digisos.DigisosFixture.Read(path);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(Severity.Fatal, finding.Severity);
        Assert.StartsWith("JSON-en er nøstet dypere enn 64 nivåer", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_stat_table_claiming_two_billion_values_is_refused_before_anything_of_that_size_is_made()
    {
        var path = Path.Combine(folder, "stor.json");
        File.WriteAllText(path, """
            {"class": "dataset", "version": "2.0", "id": ["Region", "Tid"], "size": [2000000000, 1],
             "dimension": {"Region": {"category": {"index": {"3107": 0}}}, "Tid": {"category": {"index": {"2024": 0}}}},
             "value": [1]}
            """);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var result = new Population.SsbPopulationReader().Read(path);

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 16 * 1024 * 1024, "nothing of the claimed size was allocated");
        Assert.False(result.Accepted);
        Assert.Contains(result.Findings, f => f.Severity == Severity.Fatal);
    }
}
