using System.IO.Compression;
using Malekort.Import.Capture;
using Malekort.Import.Offices;
using Malekort.Import.Population;

namespace Malekort.Import.Fuzzing;

/// <summary>
/// Properties over seeded random valid inputs: what a tiny writer writes is read back as written; the order of columns and
/// of rows changes nothing but the order; a batch hashes the same as a folder and as a zip.
/// </summary>
public sealed class CapturePropertyTests : IDisposable
{
    private const int Batches = 200;
    private readonly string work = FuzzSettings.WorkFolder("malekort-properties");

    [Fact]
    public void Random_valid_batches_are_read_back_as_the_records_written()
    {
        for (var i = 0; i < Batches; i++)
        {
            var batch = RandomBatch.Create(new Random(FuzzSettings.Seed + i));
            var folder = Folder(i);
            batch.Write(folder);

            var result = CaptureFixture.Read(folder);

            Assert.True(result.Accepted, $"batch {i}:\n{CaptureFixture.Describe(result)}");
            Assert.Equal(CaptureInvariants.Canonical(batch.Expected(result.Value!)), CaptureInvariants.Canonical(result.Value!));
        }
    }

    [Fact]
    public void Shuffled_columns_and_rows_give_the_same_batch_but_for_order()
    {
        for (var i = 0; i < Batches; i++)
        {
            var random = new Random(FuzzSettings.Seed + i);
            var batch = RandomBatch.Create(random);
            var (plain, shuffled) = (Folder(i), Folder(i, "shuffled"));
            batch.Write(plain);
            batch.Write(shuffled, random);

            var expected = CaptureFixture.Read(plain);
            var actual = CaptureFixture.Read(shuffled);

            Assert.True(actual.Accepted, $"batch {i}:\n{CaptureFixture.Describe(actual)}");
            Assert.Equal(RandomBatch.Lines(expected.Value!).Order(StringComparer.Ordinal), RandomBatch.Lines(actual.Value!).Order(StringComparer.Ordinal));
            Assert.Equal(expected.Value!.Header, actual.Value!.Header);
        }
    }

    [Fact]
    public void A_batch_hashes_and_reads_the_same_as_a_folder_a_zip_and_a_zip_with_a_top_folder()
    {
        for (var i = 0; i < Batches / 4; i++)
        {
            var folder = Folder(i);
            RandomBatch.Create(new Random(FuzzSettings.Seed + i)).Write(folder);
            var atRoot = Path.Combine(work, $"{i}-root.zip");
            var inTop = Path.Combine(work, $"{i}-top.zip");
            ZipFile.CreateFromDirectory(folder, atRoot, CompressionLevel.Fastest, includeBaseDirectory: false);
            ZipFile.CreateFromDirectory(folder, inTop, CompressionLevel.NoCompression, includeBaseDirectory: true);

            var read = new[] { folder, atRoot, inTop }.Select(CaptureFixture.Read).ToList();

            Assert.All(read, r => Assert.True(r.Accepted, CaptureFixture.Describe(r)));
            Assert.Single(read.Select(r => r.Value!.ContentHash).Distinct());
            Assert.Single(read.Select(r => CaptureInvariants.Canonical(r.Value!)).Distinct());
        }
    }

    [Fact]
    public void Shuffled_rows_of_a_population_file_give_the_same_figures()
    {
        var seeds = PopulationFuzzTests.Seeds().Where(s => s.Name.EndsWith(".csv", StringComparison.Ordinal) && !s.Latin1).ToList();
        var reader = new SsbPopulationReader();
        for (var i = 0; i < 40; i++)
        {
            var random = new Random(FuzzSettings.Seed + i);
            var seed = seeds[i % seeds.Count];
            var lines = CsvRecords.Utf8(seed.Bytes).Split('\n').Where(l => l.Length > 0).ToArray();
            var rows = lines[1..];
            random.Shuffle(rows);
            // The same name in two folders: a figure's source names its file.
            var (plain, shuffled) = (Path.Combine(Folder(i, "population"), seed.Name), Path.Combine(Folder(i, "population-shuffled"), seed.Name));
            File.WriteAllBytes(plain, seed.Bytes);
            File.WriteAllLines(shuffled, [lines[0], .. rows]);

            var expected = reader.Read(plain);
            var actual = reader.Read(shuffled);

            Assert.True(expected.Accepted, seed.Name + "\n" + string.Join("\n", expected.Findings));
            Assert.Equal(PopulationFuzzTests.Canonical(expected.Value!), PopulationFuzzTests.Canonical(actual.Value!));
        }
    }

    [Fact]
    public void Shuffled_rows_and_columns_of_the_office_register_give_the_same_offices()
    {
        var seed = OfficeRegisterFuzzTests.Seeds().Single(s => s.Name == "gyldig.csv");
        var reader = new OfficeRegisterReader();
        var records = CsvRecords.Split(CsvRecords.Utf8(seed.Bytes), ',').Where(r => r.Raw.Length > 0).ToList();
        for (var i = 0; i < 40; i++)
        {
            var random = new Random(FuzzSettings.Seed + i);
            var order = Enumerable.Range(0, records[0].Cells.Count).ToArray();
            random.Shuffle(order);
            var rows = records.Skip(1).ToArray();
            random.Shuffle(rows);
            var path = Path.Combine(work, $"{i}-kontorer.csv");
            File.WriteAllLines(path, rows.Select(r => string.Join(',', order.Select(c => "\"" + r.Cells[c].Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")))
                .Prepend(string.Join(',', order.Select(c => records[0].Cells[c]))));

            var result = reader.Read(path);

            Assert.True(result.Accepted, string.Join("\n", result.Findings));
            var expected = reader.Read(Path.Combine(AppContext.BaseDirectory, "Fixtures", "offices", "gyldig.csv")).Value!;
            Assert.Equal(expected.Select(o => $"{o.Number}|{o.Name}|{string.Join('|', o.Units)}").Order(StringComparer.Ordinal),
                result.Value!.Select(o => $"{o.Number}|{o.Name}|{string.Join('|', o.Units)}").Order(StringComparer.Ordinal));
        }
    }

    public void Dispose() => Directory.Delete(work, recursive: true);

    private string Folder(int index, string kind = "plain")
    {
        var folder = Path.Combine(work, $"{index}-{kind}", "batch");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
