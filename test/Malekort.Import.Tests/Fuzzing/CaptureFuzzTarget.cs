using System.IO.Compression;
using System.Text;
using Malekort.Capture;
using Malekort.DataQuality;
using Malekort.Import.Capture;

namespace Malekort.Import.Fuzzing;

/// <summary>
/// The capture reader over mutated batches. The two fixture batches (person_id and fnr) are written once to a folder in
/// memory; an input changes one or two files (or removes, adds or nests one) and is undone after the read. One input in
/// <see cref="ZipShare"/> is a zip instead, laid out in the ways zips come: at the root, in a top folder, with
/// <c>../</c> and absolute names, backslashes, duplicate entries, macOS metadata, a small zip bomb, or a broken container.
/// </summary>
internal sealed class CaptureFuzzTarget : FuzzTarget
{
    private const int ZipShare = 10; // percent
    private readonly string work = FuzzSettings.WorkFolder("malekort-fuzz-capture");
    private readonly Batch[] batches;
    private readonly List<FuzzSeed> pool;

    public CaptureFuzzTarget()
    {
        batches = [Load(CaptureFixture.PersonIds), Load(CaptureFixture.Fnr)];
        pool = batches.SelectMany(b => b.Seeds.Values).ToList();
    }

    public override string Format => "capture";

    public override bool PersonData => true;

    public override FuzzCase Prepare(Random random)
    {
        var batch = batches[random.Next(batches.Length)];
        var mutator = new Mutator(random, pool);
        return random.Next(100) < ZipShare ? PrepareZip(random, batch, mutator) : PrepareFolder(random, batch, mutator);
    }

    public override ReadOutcome Read(FuzzCase input) =>
        ReadOutcome.Of(CaptureFixture.Reader.Read(input.Path), CaptureInvariants.Canonical,
            b => CaptureInvariants.Check(b, input, CaptureReader.FormatName));

    public override bool FromSafetyNet(Finding finding) => SafetyNet(finding);

    /// <summary>The capture, KOSTRA and Digisos readers' last-resort catches say "uventet feil" (or name the exception).</summary>
    internal static bool SafetyNet(Finding finding) =>
        finding.Message.Contains("uventet feil", StringComparison.Ordinal)
        || finding.Message.StartsWith("Filen kunne ikke leses (", StringComparison.Ordinal);

    public override string Save(FuzzCase input, string destination) => SaveFileOrFolder(input, destination);

    public override void Dispose() => Directory.Delete(work, recursive: true);

    private FuzzCase PrepareFolder(Random random, Batch batch, Mutator mutator)
    {
        var action = random.Next(100);
        if (action < 90)
        {
            // batch.json is one file of fourteen but holds every header rule; give it a fair share.
            var first = random.Next(100) < 15 ? "batch.json" : batch.Csv[random.Next(batch.Csv.Length)];
            var changes = action < 82 ? 1 : 2;
            // Most single changes are read in a small batch (batch.json, persons.csv, the file and its code list): a read
            // costs per file, and the cross-file rules the file takes part in are all there.
            var small = changes == 1 && batch.Small.ContainsKey(first) && random.Next(100) < 65;
            var folder = small ? batch.Small[first] : batch.Folder;
            var input = new FuzzCase(folder, small ? $"{batch.Name} (small, {first})" : batch.Name, []);
            foreach (var name in small ? SmallBatch(first) : batch.Seeds.Keys) input.Files[name] = batch.Seeds[name].Bytes;
            for (var i = 0; i < changes; i++)
            {
                var name = i == 0 ? first : random.Next(100) < 15 ? "batch.json" : batch.Csv[random.Next(batch.Csv.Length)];
                var mutations = new List<string>();
                var bytes = mutator.Mutate(new FuzzSeed(name, input.Files[name], batch.Seeds[name].Shape), mutations);
                input.Mutations.Add($"{name}: {string.Join(", ", mutations)}");
                Write(input, folder, batch, name, bytes);
            }
            return input;
        }
        return ChangeFiles(random, batch, action);
    }

    /// <summary>The files of the small batch a file is read in.</summary>
    private static IEnumerable<string> SmallBatch(string file)
    {
        IEnumerable<string> files = ["batch.json", "persons.csv", file];
        if (file == "payments.csv") files = files.Append("benefit_types.csv");
        if (file == "cases.csv") files = files.Append("case_types.csv");
        return files.Distinct(StringComparer.Ordinal);
    }

    private FuzzCase ChangeFiles(Random random, Batch batch, int action)
    {
        var input = new FuzzCase(batch.Folder, batch.Name, []);
        foreach (var (name, bytes) in batch.Seeds) input.Files[name] = bytes.Bytes;
        if (action < 95)
        {
            var name = batch.Seeds.Keys.ElementAt(random.Next(batch.Seeds.Count));
            var path = Path.Combine(batch.Folder, name);
            File.Delete(path);
            input.Files.Remove(name);
            input.Mutations.Add($"delete {name}");
            input.Undo.Add(() => File.WriteAllBytes(path, batch.Seeds[name].Bytes));
        }
        else if (action < 98)
        {
            var (name, text) = random.Next(3) switch
            {
                0 => ("notes.txt", "hei"),
                1 => ("Persons.csv", "person_id,birth_date\nP9,2000-01-01\n"),
                _ => ("payments.csv.bak", "x"),
            };
            var path = Path.Combine(batch.Folder, name);
            File.WriteAllText(path, text);
            input.Mutations.Add($"add {name}");
            input.Undo.Add(() => File.Delete(path));
        }
        else
        {
            var folder = Path.Combine(batch.Folder, "nested");
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, "persons.csv"), batch.Seeds["persons.csv"].Bytes);
            input.Mutations.Add("add nested/persons.csv");
            input.Undo.Add(() => Directory.Delete(folder, recursive: true));
        }
        return input;
    }

    private static void Write(FuzzCase input, string folder, Batch batch, string name, byte[] bytes)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, bytes);
        input.Files[name] = bytes;
        input.Undo.Add(() => File.WriteAllBytes(path, batch.Seeds[name].Bytes));
    }

    private FuzzCase PrepareZip(Random random, Batch batch, Mutator mutator)
    {
        var path = Path.Combine(work, "batch.zip");
        var input = new FuzzCase(path, batch.Name + " (zip)", []);
        foreach (var (name, seed) in batch.Seeds) input.Files[name] = seed.Bytes;
        if (random.Next(100) < 60)
        {
            var name = random.Next(100) < 15 ? "batch.json" : batch.Csv[random.Next(batch.Csv.Length)];
            var mutations = new List<string>();
            input.Files[name] = mutator.Mutate(new FuzzSeed(name, input.Files[name], batch.Seeds[name].Shape), mutations);
            input.Mutations.Add($"{name}: {string.Join(", ", mutations)}");
        }
        var entries = input.Files.Select(f => (Name: f.Key, Bytes: f.Value)).ToList();
        // The bomb takes a second to refuse, so it is one layout in a thousand: enough to show a bound, not to spend the budget.
        var layout = random.Next(1000) == 0 ? 7 : random.Next(11) switch { 7 => 11, var other => other };
        switch (layout)
        {
            case 0:
                entries = entries.Select(e => ("top/" + e.Name, e.Bytes)).ToList();
                input.Mutations.Add("zip: in a top folder");
                break;
            case 1:
                entries = entries.Select(e => ("../" + e.Name, e.Bytes)).ToList();
                input.Mutations.Add("zip: names start with ../");
                input.FilesKnown = false;
                break;
            case 2:
                var escaping = random.Next(entries.Count);
                entries[escaping] = ("../../" + entries[escaping].Name, entries[escaping].Bytes);
                input.Mutations.Add($"zip: {entries[escaping].Name}");
                input.FilesKnown = false;
                break;
            case 3:
                entries = entries.Select(e => ("/" + e.Name, e.Bytes)).ToList();
                input.Mutations.Add("zip: absolute names");
                input.FilesKnown = false;
                break;
            case 4:
                entries = entries.Select(e => ("top\\" + e.Name, e.Bytes)).ToList();
                input.Mutations.Add("zip: backslashes");
                break;
            case 5:
                var twice = entries[random.Next(entries.Count)];
                entries.Add((twice.Name, random.Next(2) == 0 ? twice.Bytes : [.. twice.Bytes, .. "x"u8]));
                input.Mutations.Add($"zip: {twice.Name} twice");
                break;
            case 6:
                entries.Add(("__MACOSX/._persons.csv", [0, 5, 22, 7, 0, 2]));
                entries.Add(("top/", []));
                input.Mutations.Add("zip: macOS metadata and a folder entry");
                break;
            case 7:
                // A small bomb: a few megabytes that compress to a few kilobytes. The reader must take it or refuse it in time.
                var bomb = random.Next(2) == 0
                    ? new byte[4 << 20]
                    : Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("P001,1985-03-14,2\n", 100_000)));
                var target = random.Next(2) == 0 ? "persons.csv" : "payments.csv";
                entries.RemoveAll(e => e.Name == target);
                entries.Add((target, bomb));
                input.Files[target] = bomb;
                input.Mutations.Add($"zip: {target} as a bomb of {bomb.Length} bytes");
                break;
            case 8:
                entries.Clear();
                input.Files.Clear();
                input.Mutations.Add("zip: empty");
                break;
            case 9:
                entries.Add(("top/extra/deeper.csv", "a\n"u8.ToArray()));
                input.Mutations.Add("zip: a nested entry");
                input.FilesKnown = false;
                break;
            default:
                input.Mutations.Add("zip: at the root");
                break;
        }
        var zip = Zip(entries, random.Next(4) == 0 ? CompressionLevel.NoCompression : CompressionLevel.Fastest);
        if (random.Next(100) < 20)
        {
            var mutations = new List<string>();
            zip = mutator.MutateBytes(zip, mutations);
            input.Mutations.Add("zip bytes: " + string.Join(", ", mutations));
            input.FilesKnown = false;
        }
        File.WriteAllBytes(path, zip);
        return input;
    }

    private static byte[] Zip(List<(string Name, byte[] Bytes)> entries, CompressionLevel level)
    {
        using var memory = new MemoryStream();
        using (var archive = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                var entry = archive.CreateEntry(name, level);
                if (name.EndsWith('/')) continue;
                using var stream = entry.Open();
                stream.Write(bytes);
            }
        }
        return memory.ToArray();
    }

    private Batch Load(string fixture)
    {
        var folder = Path.Combine(work, fixture);
        Directory.CreateDirectory(folder);
        var seeds = new Dictionary<string, FuzzSeed>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(BatchFolder.Fixture(fixture)).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            var bytes = File.ReadAllBytes(file);
            File.WriteAllBytes(Path.Combine(folder, name), bytes);
            seeds[name] = new FuzzSeed(name, bytes, name.EndsWith(".json", StringComparison.Ordinal) ? SeedShape.Json : SeedShape.Csv);
        }
        var csv = seeds.Keys.Where(n => n.EndsWith(".csv", StringComparison.Ordinal)).ToArray();
        var small = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in csv)
        {
            var smallFolder = Path.Combine(work, $"{fixture}-{Path.GetFileNameWithoutExtension(file)}");
            Directory.CreateDirectory(smallFolder);
            foreach (var name in SmallBatch(file)) File.WriteAllBytes(Path.Combine(smallFolder, name), seeds[name].Bytes);
            small[file] = smallFolder;
        }
        return new Batch(fixture, folder, seeds, csv, small);
    }

    /// <param name="Small">For each CSV file, a folder holding only what it needs: batch.json, persons.csv, it and its code list.</param>
    private sealed record Batch(string Name, string Folder, Dictionary<string, FuzzSeed> Seeds, string[] Csv, Dictionary<string, string> Small);
}
