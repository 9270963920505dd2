using Malekort.Confidentiality;
using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Storage;
using Malekort.Units;

namespace Malekort.Web.Publishing;

/// <summary>One indicator of one unit whose published numbers differ between two versions.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="Indicator">The indicator code.</param>
/// <param name="Before">The earlier numbers; null when the unit was not part of it.</param>
/// <param name="After">The later numbers; null when the unit is no longer part of it.</param>
public sealed record ValueChange(UnitCode Unit, string Indicator, PublishedValue? Before, PublishedValue? After);

/// <summary>The numbers a month's publication freezes, and what changed between two sets of them.</summary>
internal static class MonthValues
{
    /// <summary>
    /// The office's and each served unit's values for the month as computed now, in catalogue order; null when none of them
    /// has anything captured for the month (nothing to approve).
    /// </summary>
    public static IReadOnlyList<PublishedValue>? Live(ShownResults results, Office office, Month month)
    {
        var units = new List<UnitCode> { office.Code };
        units.AddRange(office.Units.OrderBy(u => u.Value, StringComparer.Ordinal));
        var values = new List<PublishedValue>();
        foreach (var unit in units)
        {
            // Only the definition versions that apply in the month: a later version starting after a published month leaves
            // that month's numbers exactly as they were frozen.
            foreach (var definition in IndicatorCatalog.All.Where(d => d.AppliesIn(month)))
            {
                var v = results.Get(unit, month, definition.Code);
                values.Add(new PublishedValue(unit, definition.Code, v.Numerator, v.Denominator, v.Value));
            }
        }
        return values.Any(v => v.Numerator is not null) ? values : null;
    }

    /// <summary>Every unit and indicator whose numbers differ, in unit and catalogue order.</summary>
    public static IReadOnlyList<ValueChange> Changes(IReadOnlyList<PublishedValue> before, IReadOnlyList<PublishedValue> after)
    {
        var old = before.ToDictionary(v => (v.Unit, v.Indicator));
        var now = after.ToDictionary(v => (v.Unit, v.Indicator));
        return old.Keys.Union(now.Keys)
            .Select(k => new ValueChange(k.Unit, k.Indicator, old.GetValueOrDefault(k), now.GetValueOrDefault(k)))
            .Where(c => c.Before is null || c.After is null || !SameNumbers(c.Before, c.After))
            .OrderBy(c => c.Unit.Kind == UnitKind.Office ? 0 : 1)
            .ThenBy(c => c.Unit.Value, StringComparer.Ordinal)
            .ThenBy(c => IndicatorCatalog.Find(c.Indicator) is null ? int.MaxValue : IndicatorCatalog.IndexOf(c.Indicator))
            .ToList();
    }

    private static bool SameNumbers(PublishedValue a, PublishedValue b) =>
        a.Numerator == b.Numerator && a.Denominator == b.Denominator && Nullable.Equals(a.Value, b.Value);
}
