using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Units;

namespace Malekort.Federation;

/// <summary>
/// The central instance's results: every municipality's and district's values as delivered, then Oslo, the offices, the
/// counties and the country summed exactly as a local computation sums them (<see cref="Aggregation"/>: ratio of sums,
/// coverage). So suppression, thresholds, targets and the pages work on them unchanged.
/// </summary>
/// <remarks>
/// Only municipalities and districts are read: an office's delivered totals are the sum of its units' and are summed again
/// here, so every level above a unit comes from one rule over what the central holds. Indicators the central's catalogue does
/// not know (a newer local version's) are left out.
/// </remarks>
public static class DeliveredResults
{
    /// <summary>The results over the months the values cover; null when there are none.</summary>
    public static IndicatorResults? Build(IEnumerable<DeliveredValue> delivered, UnitRegister units, OfficeRegister offices)
    {
        ArgumentNullException.ThrowIfNull(delivered);
        var kept = delivered.Where(v => v.Unit.IsCaptureUnit && IndicatorCatalog.Find(v.Indicator) is not null).ToList();
        if (kept.Count == 0) return null;
        var months = new MonthRange(kept.Min(v => v.Month), kept.Max(v => v.Month));
        var all = IndicatorCatalog.All;
        var values = new Dictionary<UnitCode, IndicatorValue[]>();
        foreach (var v in kept)
        {
            if (!values.TryGetValue(v.Unit, out var unitValues))
            {
                values[v.Unit] = unitValues = new IndicatorValue[months.Count * all.Count];
                for (var slot = 0; slot < unitValues.Length; slot++) unitValues[slot] = IndicatorValue.NotCaptured(all[slot % all.Count]);
            }
            var definition = IndicatorCatalog.Get(v.Indicator);
            // Suppression is the viewer's, never the data's: a delivery carries full numbers.
            var notes = v.Notes & ~ValueNotes.Suppressed;
            unitValues[IndicatorResults.Slot(v.Month - months.First, IndicatorCatalog.IndexOf(v.Indicator))] = v.Numerator is null
                ? IndicatorValue.NotCaptured(definition) with { Notes = notes }
                : IndicatorValue.Of(definition, v.Numerator, v.Denominator, notes);
        }
        new Aggregation(units, offices).AddAggregates(values, months);
        return new IndicatorResults(months, values, []);
    }
}
