using Malekort.Indicators;
using Malekort.Units;

namespace Malekort.Thresholds;

/// <summary>The thresholds in force: a unit's own where set, else the directorate's recommended default.</summary>
public sealed class ThresholdTable
{
    // Honest about where the numbers come from: the directorate has published no limits (seed 002).
    private const string RecommendedDefault = "Målekort (anbefalt standard til kommunen setter egne)";
    private readonly Dictionary<(UnitCode, string), Threshold> own = [];

    /// <summary>Creates a table from the units' own thresholds.</summary>
    public ThresholdTable(IEnumerable<Threshold> unitThresholds)
    {
        foreach (var t in unitThresholds) own[(t.Unit, t.Indicator)] = t;
    }

    /// <summary>
    /// The recommended defaults. The directorate's letter (seed 002) leaves limits to each municipality and says it may
    /// recommend some later; these are the product's starting values for shares, means and B10, chosen near national
    /// levels, and every municipality replaces them with its own. Counts depend on the unit's size and have no default.
    /// </summary>
    public static IReadOnlyList<Threshold> Defaults { get; } =
    [
        new(UnitCode.Country, "B.101", Direction.LowerIsBetter, 2.0m, 3.5m, RecommendedDefault),
        new(UnitCode.Country, "B.102", Direction.LowerIsBetter, 0.8m, 1.5m, RecommendedDefault),
        new(UnitCode.Country, "B.103", Direction.LowerIsBetter, 3.0m, 5.0m, RecommendedDefault),
        new(UnitCode.Country, "B.104", Direction.LowerIsBetter, 25m, 35m, RecommendedDefault),
        new(UnitCode.Country, "PL151", Direction.LowerIsBetter, 14m, 30m, RecommendedDefault),
        new(UnitCode.Country, "B10", Direction.HigherIsBetter, 80m, 60m, RecommendedDefault),
        // § 20a makes an activity condition the rule for recipients under 30, exemptions the exception.
        new(UnitCode.Country, "V.101", Direction.HigherIsBetter, 80m, 60m, RecommendedDefault),
    ];

    /// <summary>The unit's own thresholds.</summary>
    public IEnumerable<Threshold> Own => own.Values;

    /// <summary>The threshold in force for the indicator in the unit, if any.</summary>
    public Threshold? For(UnitCode unit, string indicator) =>
        own.TryGetValue((unit, indicator), out var t) ? t : Defaults.FirstOrDefault(d => d.Indicator == indicator);

    /// <summary>The colour of a value: grey without a value, none without a threshold.</summary>
    public Colour Classify(UnitCode unit, string indicator, double? value) =>
        value is null ? Colour.Grey : For(unit, indicator)?.Classify(value.Value) ?? Colour.None;
}
