using Malekort.Periods;
using Malekort.Population;
using Malekort.Units;

namespace Malekort.Indicators;

/// <summary>
/// Computes every indicator for every unit with data, month by month, then sums them into Oslo, offices, counties and
/// the country. Pure: the same working set, population and registers give the same results.
/// </summary>
public sealed class IndicatorEngine(UnitRegister units, OfficeRegister offices)
{
    // Who sums into what depends only on the registers: worked out once per engine, not per computation.
    private readonly Aggregation aggregation = new(units, offices);

    /// <summary>
    /// Computes the months in <paramref name="months"/>; <paramref name="manual"/> values fill their units' cells without captured
    /// data before the sums (<see cref="ManualValues.ManualEntries"/>).
    /// </summary>
    /// <remarks>
    /// <paramref name="own"/> are own indicators' declarations (<see cref="OwnIndicators.Compile(IReadOnlyList{OwnIndicator})"/>),
    /// computed last from every unit's and aggregate's national values.
    /// </remarks>
    public IndicatorResults Compute(WorkingSet workingSet, PopulationTable population, MonthRange months,
        IReadOnlyList<ManualValues.ManualValue>? manual = null, IReadOnlyList<IndicatorDefinition>? own = null)
    {
        var values = new Dictionary<UnitCode, IndicatorValue[]>();
        var followUp = new Dictionary<UnitCode, long?[]>();
        var notes = new List<ComputationNote>();
        var computed = workingSet.Units.Values
            .AsParallel()
            .Select(unit => new UnitComputation(unit, population, months).Run())
            .ToList();
        foreach (var (unit, unitValues, unitNotes, unitFollowUp) in computed)
        {
            values[unit] = unitValues;
            followUp[unit] = unitFollowUp;
            notes.AddRange(unitNotes);
        }
        if (manual is { Count: > 0 }) ManualValues.ManualEntries.Apply(values, months, manual);
        aggregation.AddAggregates(values, months);
        aggregation.AddOfficeFollowUp(followUp);
        notes.Sort((a, b) => (a.Unit.Value, a.Month.Index).CompareTo((b.Unit.Value, b.Month.Index)));
        own ??= [];
        return new IndicatorResults(months, values, notes, followUp) { Own = (own, FormulaValues.Compute(values, months, own)) };
    }

    /// <summary>
    /// Who was counted in <paramref name="indicator"/>'s <paramref name="side"/> for a municipality or district in a month, and
    /// why: the same computation as <see cref="Compute"/>, for that unit and month, listing the persons the counter's rule holds
    /// for and the records that made it hold. Null when that side does not count persons (<see cref="Explains"/>); a unit
    /// without data gives a count of null.
    /// </summary>
    public static Explanation.CountExplanation? Explain(WorkingSet workingSet, PopulationTable population, UnitCode unit, Month month,
        string indicator, Explanation.CountedSide side)
    {
        ArgumentNullException.ThrowIfNull(workingSet);
        if (!Explains(indicator, side)) return null;
        if (!workingSet.Units.TryGetValue(unit, out var data)) return new(unit, month, indicator, side, null, []);
        return new UnitComputation(data, population, new MonthRange(month, month)).Explain(indicator, side);
    }

    /// <summary>Whether the indicator's side counts persons, so that <see cref="Explain"/> can list them.</summary>
    public static bool Explains(string indicator, Explanation.CountedSide side) => UnitComputation.Explains(indicator, side);
}
