using Malekort.Periods;
using Malekort.Units;

namespace Malekort.Cli.Synthetic;

/// <summary>
/// The demo's data: the Østfold pilot offices of seed 000 (NAV Fredrikstad, NAV Moss, NAV Råde) and Oslo's
/// district Alna (seed 004), for 2023-01 … 2024-12, sized by their real 2024 population.
/// </summary>
internal static class DemoData
{
    public static MonthRange Months { get; } = new(new Month(2023, 1), new Month(2024, 12));

    // Persons 18–66 and 18–24 on 1 January 2024. Copied here so the demo needs no file:
    // municipalities from data/ssb/ssb_07459_nevnere_2024.csv, Alna from data/ssb/ssb_10826_bydel_nevnere_2024.csv.
    public static IReadOnlyList<SyntheticUnit> Units { get; } =
    [
        new(UnitCode.Parse("3107"), 53_398, 7_000),   // Fredrikstad
        new(UnitCode.Parse("3103"), 32_411, 3_966),   // Moss
        new(UnitCode.Parse("3112"), 4_797, 620),      // Råde
        new(UnitCode.Parse("030112"), 33_235, 3_862), // Alna
    ];

    /// <summary>Writes the demo units' batches under <paramref name="outputDirectory"/> and returns their folders.</summary>
    public static IReadOnlyList<string> Write(string outputDirectory, int seed = 2014) =>
        new SyntheticGenerator(new SyntheticOptions(seed, Months)).Write(Units, outputDirectory);
}
