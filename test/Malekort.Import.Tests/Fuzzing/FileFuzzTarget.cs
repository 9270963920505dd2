using Malekort.DataQuality;

namespace Malekort.Import.Fuzzing;

/// <summary>
/// A reader of one file over mutated seeds. Each seed keeps one working file in memory (<c>/dev/shm</c>) under its own
/// name, rewritten for every input, since readers name the file in their findings.
/// </summary>
/// <typeparam name="T">What the reader produces.</typeparam>
internal sealed class FileFuzzTarget<T> : FuzzTarget
{
    private readonly string work;
    private readonly IReadOnlyList<FuzzSeed> seeds;
    private readonly Func<string, ReadResult<T>> read;
    private readonly Func<T, string> canonical;
    private readonly Func<T, FuzzCase, IEnumerable<string>> invariants;
    private readonly Func<Finding, bool> safetyNet;

    /// <param name="format">The format's name in the output.</param>
    /// <param name="seeds">Valid inputs to mutate from.</param>
    /// <param name="read">The reader's <c>Read</c>.</param>
    /// <param name="canonical">The value as text, equal for equal values.</param>
    /// <param name="invariants">What is wrong with an accepted value, given the input it was read from.</param>
    /// <param name="personData">Whether the format can hold fødselsnumre.</param>
    /// <param name="safetyNet">Whether a finding came from the reader's last-resort catch.</param>
    public FileFuzzTarget(string format, IReadOnlyList<FuzzSeed> seeds, Func<string, ReadResult<T>> read, Func<T, string> canonical,
        Func<T, FuzzCase, IEnumerable<string>> invariants, bool personData = false, Func<Finding, bool>? safetyNet = null)
    {
        Format = format;
        PersonData = personData;
        this.safetyNet = safetyNet ?? (_ => false);
        this.seeds = seeds;
        this.read = read;
        this.canonical = canonical;
        this.invariants = invariants;
        work = FuzzSettings.WorkFolder("malekort-fuzz-" + format);
    }

    public override string Format { get; }

    public override bool PersonData { get; }

    public override FuzzCase Prepare(Random random)
    {
        var seed = seeds[random.Next(seeds.Count)];
        var mutations = new List<string>();
        var bytes = new Mutator(random, seeds).Mutate(seed, mutations);
        var input = new FuzzCase(Path.Combine(work, seed.Name), seed.Name, mutations);
        input.Files[seed.Name] = bytes;
        File.WriteAllBytes(input.Path, bytes);
        return input;
    }

    public override ReadOutcome Read(FuzzCase input) => ReadOutcome.Of(read(input.Path), canonical, value => invariants(value, input));

    public override bool FromSafetyNet(Finding finding) => safetyNet(finding);

    public override void Dispose() => Directory.Delete(work, recursive: true);
}
