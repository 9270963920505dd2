using System.IO.Compression;
using System.Text;
using Malekort.Import.Capture;

namespace Malekort.Import.Limits;

/// <summary>
/// Issue 13: a batch's files are read as streams, never held whole. A persons.csv of 5 M rows in a zip used to be unpacked
/// into one array before a row was read (the import peaked at 1,1 GiB); now the entry is scanned and parsed a buffer at a time.
/// </summary>
public sealed class StreamedEntryTests : IDisposable
{
    private const int Rows = 2_000_000;
    private const long Bound = 8L * 1024 * 1024;
    private readonly string folder = Directory.CreateTempSubdirectory("malekort-strom-").FullName;

    [Fact]
    public void A_zip_entry_of_about_50_MB_is_hashed_checked_and_read_row_by_row_with_less_than_8_MiB_allocated()
    {
        var zip = Path.Combine(folder, "stor.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            using (var json = new StreamWriter(archive.CreateEntry("batch.json").Open())) json.Write("{}");
            using var writer = new StreamWriter(archive.CreateEntry("persons.csv", CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
            writer.Write("person_id,birth_date,sex\n");
            for (var i = 0; i < Rows; i++) writer.Write($"P{i:D9},19{50 + i % 50}-0{1 + i % 9}-1{i % 10},{(i % 2 == 0 ? "K" : "M")}\n");
        }
        var log = new FindingLog();
        var before = GC.GetAllocatedBytesForCurrentThread();

        long length, rows = 0;
        string hash;
        using (var files = BatchFiles.Load(zip, log))
        {
            Assert.NotNull(files);
            var persons = files.Get(CaptureFiles.Persons)!;
            (length, hash) = (persons.Length, files.ContentHash);
            using var table = CsvTable.Open(CaptureFiles.Persons, persons, log, ["person_id", "birth_date"], ["person_id", "birth_date", "sex"]);
            Assert.NotNull(table);
            foreach (var row in table) rows++;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        TestContext.Current.TestOutputHelper?.WriteLine($"persons.csv {length} byte, {rows} rader, {allocated} byte allokert");
        Assert.Empty(log.Findings);
        Assert.Equal(Rows, rows);
        Assert.True(length > 40_000_000, $"persons.csv er {length} byte");
        Assert.True(allocated < Bound, $"{allocated} byte allokert for en fil på {length} byte");
        // The hash is the same as over the whole bytes: a folder and a zip of the same files are still the same batch.
        using var whole = ZipFile.OpenRead(zip);
        Assert.Equal(BatchHash.Of(whole.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal).Select(e => (e.FullName, Bytes(e)))), hash);
    }

    [Theory]
    [InlineData(21)]
    [InlineData(65_534)]
    [InlineData(65_535)]
    [InlineData(131_071)]
    public void A_file_that_is_not_utf8_is_found_on_its_line_wherever_the_reads_cut_it(int at)
    {
        // «ø» (two bytes) at this offset: cut by the scan's 64 KiB reads it is still a character; a lone continuation byte is not.
        const string Header = "person_id,birth_date\n";
        var text = Header + new string('a', at - Header.Length) + "ø\nb\n";
        var bytes = Encoding.UTF8.GetBytes(text).Concat(new byte[] { 0x80, (byte)'\n' }).ToArray();
        var path = Path.Combine(folder, "batch");
        Directory.CreateDirectory(path);
        File.WriteAllText(Path.Combine(path, "batch.json"), "{}");
        File.WriteAllBytes(Path.Combine(path, "persons.csv"), bytes);
        var log = new FindingLog();

        using var files = BatchFiles.Load(path, log);
        var table = CsvTable.Open(CaptureFiles.Persons, files!.Get(CaptureFiles.Persons)!, log, ["person_id"], ["person_id", "birth_date"]);

        Assert.Null(table);
        var finding = Assert.Single(log.Findings);
        Assert.Equal(4, finding.Line);
        Assert.Contains("ikke gyldig UTF-8", finding.Message, StringComparison.Ordinal);
    }

    private static byte[] Bytes(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
