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

    /// <summary>The unit's own threshold for the indicator, else the recommended default, if any.</summary>
    public Threshold? For(UnitCode unit, string indicator) => OwnOf(unit, indicator) ?? Default(indicator);

    /// <summary>The unit's own threshold for the indicator, if it has set one.</summary>
    public Threshold? OwnOf(UnitCode unit, string indicator) => own.GetValueOrDefault((unit, indicator));

    /// <summary>The directorate's recommended default for the indicator, if there is one.</summary>
    public static Threshold? Default(string indicator) => Defaults.FirstOrDefault(d => d.Indicator == indicator);

    /// <summary>
    /// This table with the unit's own thresholds replaced as given (null: removed, so the default applies): what the table would
    /// be after saving them, for a preview that colours exactly as the scorecard will.
    /// </summary>
    public ThresholdTable With(UnitCode unit, IReadOnlyDictionary<string, Threshold?> changed)
    {
        ArgumentNullException.ThrowIfNull(changed);
        var table = new ThresholdTable(own.Values);
        foreach (var (indicator, threshold) in changed)
        {
            if (threshold is null) table.own.Remove((unit, indicator));
            else table.own[(unit, indicator)] = threshold;
        }
        return table;
    }

    /// <summary>
    /// The threshold that colours the indicator for a unit, and why when that is not plain. An office serving exactly one
    /// municipality or district uses that unit's own thresholds unless the office has its own, so the same number gets the same
    /// colour on both pages; an office serving several says whose thresholds apply; where an office's and its unit's own
    /// limits differ, the office's page says so.
    /// </summary>
    public ThresholdChoice Choose(UnitCode unit, string indicator, OfficeRegister offices)
    {
        ArgumentNullException.ThrowIfNull(offices);
        var choice = Pick(unit, indicator, offices);
        return choice with { Whose = Whose(choice.Threshold, offices) };
    }

    private ThresholdChoice Pick(UnitCode unit, string indicator, OfficeRegister offices)
    {
        var office = unit.Kind == UnitKind.Office ? offices.Find(unit) : null;
        var mine = OwnOf(unit, indicator);
        if (office is null) return new(mine ?? Default(indicator), null);
        var membersWithOwn = office.Units.Where(u => OwnOf(u, indicator) is not null).ToList();
        if (office.Units.Count == 1 && membersWithOwn.Count == 1)
        {
            var (member, theirs) = (office.Units[0], OwnOf(office.Units[0], indicator)!);
            var name = offices.NameOf(member);
            if (mine is null) return new(theirs, $"Kontoret betjener bare {name} og bruker grensene {name} har satt.");
            return Same(mine, theirs)
                ? new(mine, null)
                : new(mine, $"Kontoret har egne grenser; {name} har satt andre ({theirs.Describe(Culture)}), så samme tall kan ha en annen farge på {name}s side.");
        }
        if (membersWithOwn.Count == 0) return new(mine ?? Default(indicator), null);
        var names = string.Join(", ", membersWithOwn.Select(offices.NameOf));
        var applies = mine is not null ? "kontorets egne grenser gjelder for kontoret"
            : Default(indicator) is not null ? "standardgrensene gjelder for kontoret" : "kontoret har ingen grenser";
        return new(mine ?? Default(indicator),
            $"Kontoret betjener {office.Units.Count} kommuner/bydeler, og {names} har egne grenser for sine tall; {applies}.");
    }

    /// <summary>
    /// Whose limits these are, as the scorecard says it under them: the recommended default, or the unit that set its own and
    /// who set them (<c>egne grenser for Fredrikstad, satt av kari</c>).
    /// </summary>
    public static string Whose(Threshold? threshold, OfficeRegister offices)
    {
        ArgumentNullException.ThrowIfNull(offices);
        return threshold switch
        {
            null => "",
            { IsDefault: true } => $"satt av {threshold.SetBy}",
            _ => $"egne grenser for {offices.NameOf(threshold.Unit)}, satt av {threshold.SetBy}",
        };
    }

    private static readonly System.Globalization.CultureInfo Culture = System.Globalization.CultureInfo.GetCultureInfo("nb-NO");

    private static bool Same(Threshold a, Threshold b) => a.Direction == b.Direction && a.Green == b.Green && a.Red == b.Red;

    /// <summary>
    /// The colour of a value: grey without a value, none for a sum that lacks units (coverage before colour) or without a
    /// threshold, else the threshold's colour of the exact value (never of the rounded one shown).
    /// </summary>
    public Colour Classify(UnitCode unit, string indicator, IndicatorValue value, OfficeRegister offices)
    {
        if (value.Value is not { } exact) return Colour.Grey;
        if (value.IsIncomplete) return Colour.Incomplete;
        return Choose(unit, indicator, offices).Threshold?.Classify(exact) ?? Colour.None;
    }
}

/// <summary>The threshold that colours a unit's indicator, and, when it is not plainly the unit's own or the default, why (nb).</summary>
public sealed record ThresholdChoice(Threshold? Threshold, string? Explanation)
{
    /// <summary>Whose limits apply, in words (<see cref="ThresholdTable.Whose"/>); empty without a threshold.</summary>
    public string Whose { get; init; } = "";
}
