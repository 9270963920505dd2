using Malekort.Periods;
using Malekort.Units;

namespace Malekort.Indicators;

/// <summary>A data-quality note from computing: something left out of a value and why.</summary>
/// <param name="Unit">The municipality or district.</param>
/// <param name="Month">The month.</param>
/// <param name="Indicator">The indicator affected.</param>
/// <param name="Count">How many records were left out.</param>
/// <param name="Message">Why (nb).</param>
public sealed record ComputationNote(UnitCode Unit, Month Month, string Indicator, long Count, string Message);

/// <summary>
/// Every indicator for every unit, office, county and the country over a range of months: the result of one computation.
/// </summary>
public sealed class IndicatorResults
{
    private readonly Dictionary<UnitCode, IndicatorValue[]> values;
    private readonly Dictionary<UnitCode, long?[]> followUp;

    internal IndicatorResults(MonthRange months, Dictionary<UnitCode, IndicatorValue[]> values, IReadOnlyList<ComputationNote> notes,
        Dictionary<UnitCode, long?[]>? followUp = null)
    {
        Months = months;
        this.values = values;
        this.followUp = followUp ?? [];
        Notes = notes;
        Units = OrderForReports(values.Keys);
    }

    /// <summary>The months computed.</summary>
    public MonthRange Months { get; }

    /// <summary>
    /// The units with results: municipalities and districts with data, then the offices, counties and the country they
    /// make up.
    /// </summary>
    public IReadOnlyList<UnitCode> Units { get; }

    /// <summary>What was left out while computing, and why.</summary>
    public IReadOnlyList<ComputationNote> Notes { get; }

    /// <summary>
    /// The conditions follow-up (<see cref="ConditionFollowUp"/>) of a unit or office in a month, by <see cref="FollowUpLine.Slot"/>:
    /// null for a count not captured; empty when the unit has none (a county, the country, a month not computed).
    /// </summary>
    public ReadOnlySpan<long?> FollowUp(UnitCode unit, Month month) =>
        Months.Contains(month) && followUp.TryGetValue(unit, out var counts)
            ? counts.AsSpan((month - Months.First) * ConditionFollowUp.Slots, ConditionFollowUp.Slots)
            : [];

    /// <summary>Whether the unit has results.</summary>
    public bool Has(UnitCode unit) => values.ContainsKey(unit);

    private readonly IReadOnlyList<IndicatorDefinition> own = [];
    private readonly Dictionary<string, int> ownIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<UnitCode, IndicatorValue[]> ownValues = [];

    /// <summary>The own indicators computed (issue 11 item 6) and their values per unit, by month × indicator.</summary>
    internal (IReadOnlyList<IndicatorDefinition> Definitions, Dictionary<UnitCode, IndicatorValue[]> Values) Own
    {
        init
        {
            own = value.Definitions;
            for (var i = 0; i < own.Count; i++) ownIndex[own[i].Code] = i;
            ownValues = value.Values;
        }
    }

    /// <summary>The own indicators computed with these results, in code order; whom each may be shown to is the caller's business.</summary>
    public IReadOnlyList<IndicatorDefinition> OwnDefinitions => own;

    /// <summary>The national or own indicator with this code, if any.</summary>
    public IndicatorDefinition? Find(string code) =>
        IndicatorCatalog.Find(code) ?? (ownIndex.TryGetValue(code, out var i) ? own[i] : null);

    /// <summary>One value; not captured when the unit or month has no results.</summary>
    /// <exception cref="KeyNotFoundException">No national or own indicator has the code.</exception>
    public IndicatorValue Get(UnitCode unit, Month month, string indicator)
    {
        if (IndicatorCatalog.Find(indicator) is null && ownIndex.TryGetValue(indicator, out var o))
        {
            if (!Months.Contains(month) || !ownValues.TryGetValue(unit, out var computed)) return IndicatorValue.NotCaptured(own[o]);
            return computed[(month - Months.First) * own.Count + o];
        }
        var definition = IndicatorCatalog.Get(indicator);
        if (!Months.Contains(month) || !values.TryGetValue(unit, out var unitValues)) return IndicatorValue.NotCaptured(definition);
        return unitValues[Slot(month, IndicatorCatalog.IndexOf(indicator))];
    }

    internal static int IndicatorCount => IndicatorCatalog.All.Count;

    internal int Slot(Month month, int indicator) => Slot(month - Months.First, indicator);

    /// <summary>Where the value of the <paramref name="monthOffset"/>th month computed is in <see cref="ValuesOf"/>.</summary>
    internal static int Slot(int monthOffset, int indicator) => monthOffset * IndicatorCount + indicator;

    /// <summary>A unit's values, by <see cref="Slot(int, int)"/>: for a caller that reads many cells of one unit without strings.</summary>
    internal ReadOnlyMemory<IndicatorValue> ValuesOf(UnitCode unit) => values[unit];

    internal static IReadOnlyList<UnitCode> OrderForReports(IEnumerable<UnitCode> units) => units
        .OrderBy(u => u.Kind switch
        {
            UnitKind.Municipality or UnitKind.District => 0,
            UnitKind.Office => 1,
            UnitKind.County => 2,
            _ => 3,
        })
        .ThenBy(u => u.Value, StringComparer.Ordinal)
        .ToList();
}
