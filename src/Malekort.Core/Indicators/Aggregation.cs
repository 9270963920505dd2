using Malekort.Periods;
using Malekort.Units;

namespace Malekort.Indicators;

/// <summary>
/// Sums units into Oslo (from its districts), offices, counties and the country (spec "Values, aggregation and
/// display"): numerators and denominators are summed first and the ratio taken after; ratios are never averaged.
/// </summary>
/// <remarks>
/// Only units whose numerator was captured for the month take part, with their denominators; when none did, the
/// aggregate is not captured. <see cref="IndicatorValue.UnitsIncluded"/> of <see cref="IndicatorValue.UnitsTotal"/>
/// says how complete the sum is. Oslo (0301) is its own data when it has any, else the sum of its districts; counties
/// and the country sum municipalities, so no district is counted twice.
/// </remarks>
internal sealed class Aggregation(UnitRegister register, OfficeRegister offices, MonthRange months)
{
    public void AddAggregates(Dictionary<UnitCode, IndicatorValue[]> values)
    {
        var oslo = UnitCode.Parse("0301");
        if (!values.ContainsKey(oslo))
        {
            var districts = register.DistrictsOf(oslo).Select(d => d.Code).ToList();
            if (districts.Any(values.ContainsKey)) values[oslo] = Sum(values, districts);
        }

        var members = new List<(UnitCode Code, IReadOnlyList<UnitCode> Units)>();
        foreach (var office in offices.Offices)
        {
            if (office.Units.Any(values.ContainsKey)) members.Add((office.Code, office.Units));
        }
        var municipalities = register.Municipalities.Select(m => m.Code).ToList();
        foreach (var county in register.Counties)
        {
            var inCounty = municipalities.Where(m => m.County == county.Code).ToList();
            if (inCounty.Any(values.ContainsKey)) members.Add((county.Code, inCounty));
        }
        if (municipalities.Any(values.ContainsKey)) members.Add((UnitCode.Country, municipalities));
        // Each aggregate reads only units, never another aggregate, so they can be summed side by side.
        var sums = new IndicatorValue[members.Count][];
        Parallel.For(0, members.Count, i => sums[i] = Sum(values, members[i].Units));
        for (var i = 0; i < members.Count; i++) values[members[i].Code] = sums[i];
    }

    private IndicatorValue[] Sum(Dictionary<UnitCode, IndicatorValue[]> values, IReadOnlyList<UnitCode> members)
    {
        var all = IndicatorCatalog.All;
        var present = members.Where(values.ContainsKey).Select(m => values[m]).ToList();
        var result = new IndicatorValue[months.Count * all.Count];
        for (var slot = 0; slot < result.Length; slot++)
        {
            var definition = all[slot % all.Count];
            long numerator = 0, denominator = 0;
            bool denominatorKnown = true;
            var notes = ValueNotes.None;
            var included = 0;
            foreach (var unitValues in present)
            {
                ref readonly var v = ref unitValues[slot];
                if (v.Numerator is not { } n) continue;
                included++;
                numerator = checked(numerator + n);
                if (v.Denominator is { } d) denominator = checked(denominator + d);
                else denominatorKnown = false;
                notes |= v.Notes;
            }
            // Oslo summed from its districts counts as one municipality in its county.
            var total = members.Count;
            if (included == 0)
            {
                result[slot] = IndicatorValue.NotCaptured(definition, total);
                continue;
            }
            if (included < total) notes |= ValueNotes.PartialCoverage;
            result[slot] = IndicatorValue.Of(definition, numerator, denominatorKnown ? denominator : null, notes, included, total);
        }
        return result;
    }
}
