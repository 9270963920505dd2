using Malekort.Periods;
using Malekort.Units;

namespace Malekort.Cli.Synthetic;

public sealed class SyntheticGeneratorTests : IDisposable
{
    private static readonly MonthRange TwoYears = new(new Month(2023, 1), new Month(2024, 12));

    // Råde and Alna (SSB 07459 and 10826, 2024), small enough for quick runs.
    private static readonly SyntheticUnit[] Units =
    [
        new(UnitCode.Parse("3112"), 4_797, 620),
        new(UnitCode.Parse("030112"), 33_235, 3_862),
    ];

    private readonly string root = Path.Combine(Path.GetTempPath(), "malekort-synthetic-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }

    [Fact]
    public void The_same_seed_writes_byte_identical_batches()
    {
        var first = Generate("a", new SyntheticOptions(11, TwoYears, 0.3));
        var second = Generate("b", new SyntheticOptions(11, TwoYears, 0.3));

        Assert.Equal(first.Keys, second.Keys);
        foreach (var (file, bytes) in first) Assert.True(bytes.SequenceEqual(second[file]), $"{file} differs");
    }

    [Fact]
    public void Another_seed_writes_other_data()
    {
        var first = Generate("a", new SyntheticOptions(11, TwoYears, 0.3));
        var second = Generate("b", new SyntheticOptions(12, TwoYears, 0.3));

        Assert.Equal(first.Keys, second.Keys);
        Assert.False(first[Path.Combine("3112-2024-01-01_2024-12-31", "payments.csv")]
            .SequenceEqual(second[Path.Combine("3112-2024-01-01_2024-12-31", "payments.csv")]));
    }

    [Fact]
    public void Each_unit_gets_its_yearly_extracts_named_by_unit_and_period()
    {
        var folders = new SyntheticGenerator(new SyntheticOptions(3, new MonthRange(new Month(2022, 1), new Month(2024, 12)), 0.2))
            .Write(Units, root);

        Assert.Equal(
        [
            "3112-2022-01-01_2023-03-31", "3112-2023-01-01_2024-03-31", "3112-2024-01-01_2024-12-31",
            "030112-2022-01-01_2023-03-31", "030112-2023-01-01_2024-03-31", "030112-2024-01-01_2024-12-31",
        ], folders.Select(Path.GetFileName));
        Assert.All(folders, f => Assert.Empty(CaptureRules.Check(CaptureFolder.Read(f))));
    }

    [Fact]
    public void Scale_simulates_a_fraction_of_the_population()
    {
        var fredrikstad = new SyntheticUnit(UnitCode.Parse("3107"), 53_398, 7_000);
        var months = new MonthRange(new Month(2024, 1), new Month(2024, 12));

        var full = new SyntheticGenerator(new SyntheticOptions(5, months)).Write([fredrikstad], Path.Combine(root, "full"));
        var tenth = new SyntheticGenerator(new SyntheticOptions(5, months, 0.1)).Write([fredrikstad], Path.Combine(root, "tenth"));

        double Persons(IReadOnlyList<string> folders) => CaptureFolder.Read(folders[0])["persons.csv"].Rows.Count;
        Assert.InRange(Persons(tenth) / Persons(full), 0.07, 0.13);
    }

    [Fact]
    public void Only_municipalities_and_districts_can_be_generated()
    {
        var county = new SyntheticUnit(UnitCode.Parse("31"), 100_000, 12_000);

        Assert.Throws<ArgumentException>(() => new SyntheticGenerator(new SyntheticOptions(1, TwoYears)).Write([county], root));
    }

    private Dictionary<string, byte[]> Generate(string name, SyntheticOptions options)
    {
        var directory = Path.Combine(root, name);
        new SyntheticGenerator(options).Write(Units, directory);
        return Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .ToDictionary(f => Path.GetRelativePath(directory, f), File.ReadAllBytes, StringComparer.Ordinal);
    }
}
