using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Units;

namespace Malekort.ManualValues;

/// <summary>
/// Puts manual values into a computation's unit values before they are summed into offices, counties and the country, so a
/// manual value counts and is suppressed like any other. A cell with captured data keeps it: the manual value is then replaced,
/// and the cell says so (<see cref="ValueNotes.ManualReplaced"/>); otherwise the manual value fills it, marked
/// <see cref="ValueNotes.Manual"/>. Decided here on every computation, so captured data that arrives later replaces it at once.
/// </summary>
internal static class ManualEntries
{
    public static void Apply(Dictionary<UnitCode, IndicatorValue[]> values, MonthRange months, IReadOnlyList<ManualValue> manual)
    {
        var all = IndicatorCatalog.All;
        foreach (var entry in manual)
        {
            if (!entry.Unit.IsCaptureUnit || !months.Contains(entry.Month) || IndicatorCatalog.Find(entry.Indicator) is not { } definition) continue;
            if (!values.TryGetValue(entry.Unit, out var unitValues))
            {
                // A unit with no captured data at all: every other cell is not captured.
                unitValues = new IndicatorValue[months.Count * all.Count];
                for (var slot = 0; slot < unitValues.Length; slot++) unitValues[slot] = IndicatorValue.NotCaptured(all[slot % all.Count]);
                values[entry.Unit] = unitValues;
            }
            ref var cell = ref unitValues[IndicatorResults.Slot(entry.Month - months.First, IndicatorCatalog.IndexOf(definition.Code))];
            cell = cell.IsCaptured
                ? cell with { Notes = cell.Notes | ValueNotes.ManualReplaced }
                : IndicatorValue.Of(definition, entry.Numerator, entry.Denominator, ValueNotes.Manual);
        }
    }

}
