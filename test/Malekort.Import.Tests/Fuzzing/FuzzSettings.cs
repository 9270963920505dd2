using System.Globalization;

namespace Malekort.Import.Fuzzing;

/// <summary>
/// The fuzz run's seed and budget: fixed by default so every CI run reads the same inputs, and so a failure found in CI
/// can be read again locally. The everyday test command reads <see cref="DefaultCountPerFormat"/> inputs per format;
/// <c>./malekort test --full</c> sets <c>MALEKORT_TEST_FULL=1</c> and reads <see cref="FullCountPerFormat"/>.
/// <c>MALEKORT_FUZZ_SEED</c> picks another seed and <c>MALEKORT_FUZZ_COUNT</c> another number of mutated inputs per format.
/// </summary>
internal static class FuzzSettings
{
    public const int DefaultSeed = 20_240_402;

    /// <summary>
    /// The inputs per format in every run of the test command: every mutation and zip layout comes up many times, and the
    /// five formats take seconds, so the suite stays quick for everyone's landing.
    /// </summary>
    public const int DefaultCountPerFormat = 2_000;

    /// <summary>The inputs per format of the full run (<c>./malekort test --full</c>): the brief's floor, several minutes on 2 cores.</summary>
    public const int FullCountPerFormat = 100_000;

    /// <summary>An input whose reads take longer than this has hung (the inputs are a few kilobytes; a read takes well under 1 ms).</summary>
    public static readonly TimeSpan TimeBound = TimeSpan.FromSeconds(Number("MALEKORT_FUZZ_TIMEOUT_SECONDS") ?? 5);

    public static int Seed => Number("MALEKORT_FUZZ_SEED") ?? DefaultSeed;

    public static int CountPerFormat =>
        Number("MALEKORT_FUZZ_COUNT") ?? (Environment.GetEnvironmentVariable("MALEKORT_TEST_FULL") == "1" ? FullCountPerFormat : DefaultCountPerFormat);

    /// <summary>Where working files go: memory (<c>/dev/shm</c>) when the machine has it, so a run does not wait on a disk.</summary>
    public static string WorkFolder(string prefix)
    {
        const string shm = "/dev/shm";
        var root = Directory.Exists(shm) ? shm : Path.GetTempPath();
        var folder = Path.Combine(root, $"{prefix}-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Where inputs that broke a property are saved, so they can be read again and turned into regression tests.</summary>
    public static string FailureFolder(string format) => Path.Combine(Path.GetTempPath(), "malekort-fuzz-failures", format);

    /// <summary>A per-input random source that depends only on the seed, the format and the input's number.</summary>
    public static Random InputRandom(int seed, string format, int index)
    {
        var hash = 2_166_136_261u;
        foreach (var c in format) hash = unchecked((hash ^ c) * 16_777_619u);
        var mixed = unchecked((uint)seed * 0x9E3779B1u ^ hash ^ (uint)index * 0x85EBCA6Bu);
        return new Random(unchecked((int)(mixed & 0x7FFFFFFF)));
    }

    private static int? Number(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : null;
}
