using Malekort.Import.Offices;
using Malekort.Import.Population;
using Malekort.Units;

namespace Malekort.Import.Fuzzing;

/// <summary>The office register reader over seeded mutations of the register fixtures and the demo register.</summary>
public sealed class OfficeRegisterFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void Office_register_reader_is_total_all_or_nothing_and_deterministic_over_mutated_files()
    {
        using var target = new FileFuzzTarget<IReadOnlyList<Office>>("offices", Seeds(), new OfficeRegisterReader().Read,
            offices => string.Join('\n', offices.Select(o => $"{o.Number}|{o.Name}|{string.Join('|', o.Units)}")), Invariants);

        new FuzzLoop(target, output).Run(FuzzSettings.CountPerFormat);
    }

    internal static List<FuzzSeed> Seeds()
    {
        var fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures", "offices");
        return Directory.EnumerateFiles(fixtures, "*.csv").Order(StringComparer.Ordinal)
            .Append(Path.Combine(PopulationFiles.RepositoryRoot, "data", "offices", "demo-offices.csv"))
            .Select(path => new FuzzSeed(Path.GetFileName(path), File.ReadAllBytes(path), SeedShape.Csv))
            .ToList();
    }

    /// <summary>Every non-blank row is an office; numbers are four digits and unique; every unit is known and served once.</summary>
    internal static IEnumerable<string> Invariants(IReadOnlyList<Office> offices, FuzzCase input)
    {
        var rows = CsvRecords.DataRows(CsvRecords.Utf8(input.Files.Values.Single()), ',', CsvRecords.WhitespaceLine);
        if (rows != offices.Count) yield return $"{rows} non-blank rows but {offices.Count} offices";
        if (offices.Select(o => o.Number).Distinct(StringComparer.Ordinal).Count() != offices.Count) yield return "an office number twice";
        var served = new HashSet<UnitCode>();
        foreach (var office in offices)
        {
            if (office.Number.Length != 4 || !office.Number.All(char.IsAsciiDigit)) yield return $"office number {office.Number}";
            if (office.Name.Length == 0 || office.Name != office.Name.Trim()) yield return $"office name «{office.Name}»";
            if (office.Units.Count == 0) yield return $"office {office.Number} serves nothing";
            foreach (var unit in office.Units)
            {
                if (!UnitRegister.Default.IsKnownCaptureUnit(unit)) yield return $"office {office.Number} serves {unit}, not a capture unit";
                if (!served.Add(unit)) yield return $"{unit} is served by two offices";
            }
        }
    }
}
