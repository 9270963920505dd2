using Malekort.Periods;
using Malekort.Units;

namespace Malekort.Indicators;

/// <summary>
/// Sums units into Oslo (from its districts), offices, counties and the country (spec "Values, aggregation and
/// display"): numerators and denominators are summed first and the ratio taken after; ratios are never averaged.
/// </summary>
/// <remarks>
/// Only units whose numerator was captured (and computed: a value not computed for short history is never summed) for the
/// month take part, with their denominators; when none did, the aggregate is not captured, or not computed when some unit
/// was not. <see cref="IndicatorValue.UnitsIncluded"/> of <see cref="IndicatorValue.UnitsTotal"/> says how complete the
/// sum is, and a sum that lacks units is marked <see cref="ValueNotes.PartialCoverage"/> (shown incomplete, never
/// coloured). Oslo (0301) is its own data when it has any, else the sum of its districts; counties and the country sum
/// municipalities, so no district is counted twice.
/// </remarks>
internal sealed class Aggregation
{
    private static readonly UnitCode Oslo = UnitCode.Parse("0301");
    // What an empty member value says about why it is empty.
    private const ValueNotes EmptyReasons = ValueNotes.ShortHistory | ValueNotes.YearlyCount;
    private readonly IReadOnlyList<UnitCode> osloDistricts;
    private readonly IReadOnlyList<(UnitCode Code, IReadOnlyList<UnitCode> Units)> aggregates;
    private readonly IReadOnlyList<Office> offices;

    public Aggregation(UnitRegister register, OfficeRegister offices)
    {
        osloDistricts = register.DistrictsOf(Oslo).Select(d => d.Code).ToList();
        this.offices = offices.Offices;
        var municipalities = register.Municipalities.Select(m => m.Code).ToList();
        aggregates =
        [
            .. offices.Offices.Select(o => (o.Code, o.Units)),
            .. register.Counties.Select(c => (c.Code, (IReadOnlyList<UnitCode>)municipalities.Where(m => m.County == c.Code).ToList())),
            (UnitCode.Country, municipalities),
        ];
    }

    public void AddAggregates(Dictionary<UnitCode, IndicatorValue[]> values, MonthRange months)
    {
        if (!values.ContainsKey(Oslo) && osloDistricts.Any(values.ContainsKey)) values[Oslo] = Sum(values, osloDistricts, months);

        // Only aggregates with a member that has data; each reads only units, never another aggregate, so they are summed
        // side by side.
        var present = aggregates.Where(a => a.Units.Any(values.ContainsKey)).ToList();
        var sums = new IndicatorValue[present.Count][];
        Parallel.For(0, present.Count, i => sums[i] = Sum(values, present[i].Units, months));
        for (var i = 0; i < present.Count; i++) values[present[i].Code] = sums[i];
    }

    /// <summary>
    /// The conditions follow-up (<see cref="ConditionFollowUp"/>) of each office: the sum of its units' counts, a count not
    /// captured in any of them not captured. It is the office's own view, so only offices are summed.
    /// </summary>
    public void AddOfficeFollowUp(Dictionary<UnitCode, long?[]> followUp)
    {
        foreach (var office in offices)
        {
            long?[]? sum = null;
            foreach (var unit in office.Units)
            {
                if (!followUp.TryGetValue(unit, out var counts)) continue;
                sum ??= new long?[counts.Length];
                for (var i = 0; i < counts.Length; i++)
                    if (counts[i] is { } n) sum[i] = (sum[i] ?? 0) + n;
            }
            if (sum is not null) followUp[office.Code] = sum;
        }
    }

    private static IndicatorValue[] Sum(Dictionary<UnitCode, IndicatorValue[]> values, IReadOnlyList<UnitCode> members, MonthRange months)
    {
        var all = IndicatorCatalog.All;
        var slots = months.Count * all.Count;
        var numerators = new long[slots];
        var denominators = new long[slots];
        var denominatorMissing = new bool[slots];
        var notes = new ValueNotes[slots];
        // Why members are empty (not computed, or only a yearly count): said by the sum only when no member has a value.
        var emptyNotes = new ValueNotes[slots];
        var included = new int[slots];
        // Unit by unit, each unit's values read in order: the sums stay in cache, the units stream past once.
        foreach (var member in members)
        {
            if (!values.TryGetValue(member, out var unitValues)) continue;
            for (var slot = 0; slot < slots; slot++)
            {
                ref readonly var v = ref unitValues[slot];
                if (v.Numerator is not { } n)
                {
                    emptyNotes[slot] |= v.Notes & EmptyReasons;
                    continue;
                }
                included[slot]++;
                numerators[slot] = checked(numerators[slot] + n);
                if (v.Denominator is { } d) denominators[slot] = checked(denominators[slot] + d);
                else denominatorMissing[slot] = true;
                notes[slot] |= v.Notes;
            }
        }
        // Oslo summed from its districts counts as one municipality in its county.
        var total = members.Count;
        var result = new IndicatorValue[slots];
        for (var slot = 0; slot < slots; slot++)
        {
            var definition = all[slot % all.Count];
            // A member's "not computed" says why the sum is empty; beside other members' values it is one of the units lacking.
            result[slot] = included[slot] == 0
                ? IndicatorValue.NotCaptured(definition, total, emptyNotes[slot])
                : IndicatorValue.Of(definition, numerators[slot], denominatorMissing[slot] ? null : denominators[slot],
                    notes[slot] | (included[slot] < total ? ValueNotes.PartialCoverage : ValueNotes.None),
                    included[slot], total);
        }
        return result;
    }
}
