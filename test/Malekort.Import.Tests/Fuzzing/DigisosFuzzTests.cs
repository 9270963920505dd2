using Malekort.Capture;
using Malekort.DataQuality;
using Malekort.Import.Digisos;

namespace Malekort.Import.Fuzzing;

/// <summary>The Digisos reader over seeded mutations of the vendor-like files and NAV's example folder.</summary>
public sealed class DigisosFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void Digisos_reader_is_total_all_or_nothing_and_deterministic_over_mutated_files_and_folders()
    {
        using var target = new DigisosFuzzTarget();

        new FuzzLoop(target, output).Run(FuzzSettings.CountPerFormat);
    }
}

/// <summary>
/// Digisos inputs are a DigisosSak file or a folder holding digisos-soker.json and soknad.json. The files are mutated in
/// place in a working copy; a folder input mutates one of its two files and puts it back after the read.
/// </summary>
internal sealed class DigisosFuzzTarget : FuzzTarget
{
    private const string Example = "nav-eksempel";
    private readonly string work = FuzzSettings.WorkFolder("malekort-fuzz-digisos");
    private readonly List<(FuzzSeed Seed, string Path, bool InFolder)> seeds = [];

    public DigisosFuzzTarget()
    {
        Directory.CreateDirectory(Path.Combine(work, Example));
        foreach (var name in new[] { "fredrikstad-socio.json", "oslo-velferd.json", $"{Example}/digisos-soker.json", $"{Example}/soknad.json" })
        {
            var bytes = File.ReadAllBytes(DigisosFixture.Fixture(name));
            var path = Path.Combine(work, name);
            File.WriteAllBytes(path, bytes);
            seeds.Add((new FuzzSeed(Path.GetFileName(name), bytes, SeedShape.Json), path, name.StartsWith(Example, StringComparison.Ordinal)));
        }
    }

    public override string Format => "digisos";

    public override bool PersonData => true;

    public override FuzzCase Prepare(Random random)
    {
        var (seed, path, inFolder) = seeds[random.Next(seeds.Count)];
        var mutations = new List<string>();
        var bytes = new Mutator(random, seeds.Select(s => s.Seed).ToList()).Mutate(seed, mutations);
        File.WriteAllBytes(path, bytes);
        var input = new FuzzCase(inFolder ? Path.GetDirectoryName(path)! : path, inFolder ? $"{Example}/{seed.Name}" : seed.Name, mutations)
        {
            FilesKnown = false,
        };
        input.Files[seed.Name] = bytes;
        if (inFolder)
        {
            foreach (var other in seeds.Where(s => s.InFolder && s.Seed != seed)) input.Files[other.Seed.Name] = other.Seed.Bytes;
        }
        input.Undo.Add(() => File.WriteAllBytes(path, seed.Bytes));
        return input;
    }

    public override ReadOutcome Read(FuzzCase input) => ReadOutcome.Of(DigisosFixture.Reader.Read(input.Path), CaptureInvariants.Canonical,
        batch => CaptureInvariants.Check(batch, input, DigisosReader.FormatName));

    public override bool FromSafetyNet(Finding finding) => CaptureFuzzTarget.SafetyNet(finding);

    public override string Save(FuzzCase input, string destination) => SaveFileOrFolder(input, destination);

    public override void Dispose() => Directory.Delete(work, recursive: true);
}
