using Malekort.Periods;
using Malekort.Units;

namespace Malekort.Cli.Synthetic;

/// <summary>
/// The demo's data: the whole of Østfold (county 31, the pilot county of seed 000) and Oslo's 15 districts (seed 004's Alna
/// among them), for 2023-01 … 2024-12, sized by their real 2024 population and spread by a stated level each, so that
/// comparisons, drill-downs and colours have something to show (issue 12 item 9).
/// </summary>
internal static class DemoData
{
    public static MonthRange Months { get; } = new(new Month(2023, 1), new Month(2024, 12));

    /// <summary>
    /// Each unit's level of social assistance relative to the national one (1.0 = 1.95 % of persons 18–66 a month). Stated,
    /// not measured: it follows the known pattern of SSB's KOSTRA figures — highest in Oslo's inner and outer east and in
    /// Østfold's towns, lowest in Oslo's west and in small rural municipalities — rounded, for no particular year
    /// (README.md in this folder, "Levels").
    /// </summary>
    public static IReadOnlyDictionary<UnitCode, double> Levels { get; } = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["3101"] = 1.50, // Halden
        ["3103"] = 1.25, // Moss
        ["3105"] = 1.40, // Sarpsborg
        ["3107"] = 1.30, // Fredrikstad
        ["3110"] = 0.70, // Hvaler
        ["3112"] = 0.90, // Råde
        ["3114"] = 0.85, // Våler
        ["3116"] = 0.90, // Skiptvet
        ["3118"] = 1.00, // Indre Østfold
        ["3120"] = 1.15, // Rakkestad
        ["3122"] = 1.00, // Marker
        ["3124"] = 0.80, // Aremark
        ["030101"] = 1.90, // Gamle Oslo
        ["030102"] = 1.30, // Grünerløkka
        ["030103"] = 1.00, // Sagene
        ["030104"] = 0.90, // St. Hanshaugen
        ["030105"] = 0.50, // Frogner
        ["030106"] = 0.40, // Ullern
        ["030107"] = 0.35, // Vestre Aker
        ["030108"] = 0.40, // Nordre Aker
        ["030109"] = 1.40, // Bjerke
        ["030110"] = 1.70, // Grorud
        ["030111"] = 1.70, // Stovner
        ["030112"] = 1.60, // Alna
        ["030113"] = 1.00, // Østensjø
        ["030114"] = 0.65, // Nordstrand
        ["030115"] = 1.75, // Søndre Nordstrand
    }.ToDictionary(x => UnitCode.Parse(x.Key), x => x.Value);

    /// <summary>The demo's units with their 2024 population from the shipped SSB files (<paramref name="dataDirectory"/>).</summary>
    public static IReadOnlyList<SyntheticUnit> Units(string dataDirectory) =>
    [
        .. NationalData.Units(dataDirectory)
            .Where(u => Levels.ContainsKey(u.Unit))
            .Select(u => u with { Level = Levels[u.Unit] }),
    ];

    /// <summary>Writes the demo units' batches under <paramref name="outputDirectory"/> and returns their folders.</summary>
    public static IReadOnlyList<string> Write(string outputDirectory, int seed = 2014) =>
        new SyntheticGenerator(new SyntheticOptions(seed, Months)).Write(Units(Commands.DemoCommand.DataDirectory()), outputDirectory);
}
