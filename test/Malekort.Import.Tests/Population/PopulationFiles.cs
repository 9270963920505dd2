using System.Runtime.CompilerServices;
using System.Text;
using Malekort.DataQuality;
using Malekort.Population;
using Malekort.Units;

namespace Malekort.Import.Population;

/// <summary>Paths of the real SSB files and the fixtures, and small assertions the population tests share.</summary>
internal static class PopulationFiles
{
    private static readonly Lazy<string> Root = new(() =>
        // Walk up from the test binaries; when they are built outside the tree (--artifacts-path), from this source file.
        FindRoot(AppContext.BaseDirectory) ?? FindRoot(SourceFolder())
        ?? throw new InvalidOperationException("Fant ikke Malekort.slnx over " + AppContext.BaseDirectory));

    private static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Malekort.slnx"))) return dir.FullName;
        }
        return null;
    }

    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path) ?? "";

    public static string RepositoryRoot => Root.Value;

    /// <summary>A file in <c>data/ssb/</c>.</summary>
    public static string Ssb(string name) => Path.Combine(RepositoryRoot, "data", "ssb", name);

    /// <summary>A file in <c>Fixtures/population/</c>.</summary>
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "population", name);

    public static ReadResult<IReadOnlyList<PopulationFigure>> Read(string path) => new SsbPopulationReader().Read(path);

    /// <summary>Every finding, one per line, for readable assertion failures.</summary>
    public static string Describe<T>(ReadResult<T> result) => string.Join("\n", result.Findings);

    public static IReadOnlyList<PopulationFigure> Accepted(ReadResult<IReadOnlyList<PopulationFigure>> result)
    {
        Assert.True(result.Accepted, "Filen skulle vært godtatt:\n" + Describe(result));
        return result.Value!;
    }

    public static PopulationFigure Figure(IReadOnlyList<PopulationFigure> figures, string unit, int year) =>
        Assert.Single(figures, f => f.Unit == UnitCode.Parse(unit) && f.Year == year);

    public static void AssertFigure(PopulationFigure figure, long aged18To66, long aged18To24, long total)
    {
        Assert.Equal(aged18To66, figure.Aged18To66);
        Assert.Equal(aged18To24, figure.Aged18To24);
        Assert.Equal(total, figure.Total);
    }

    public static IReadOnlyList<Finding> Findings<T>(ReadResult<T> result, Severity severity) =>
        result.Findings.Where(f => f.Severity == severity).ToList();
}

/// <summary>A file in a fresh temporary folder, deleted with the folder.</summary>
internal sealed class TemporaryFile : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("malekort-population-").FullName;

    public TemporaryFile(string name, string text, Encoding? encoding = null)
    {
        Path = System.IO.Path.Combine(folder, name);
        File.WriteAllBytes(Path, (encoding ?? new UTF8Encoding(false)).GetBytes(text));
    }

    public TemporaryFile(string name, byte[] bytes)
    {
        Path = System.IO.Path.Combine(folder, name);
        File.WriteAllBytes(Path, bytes);
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
