using Malekort.Thresholds;
using Malekort.Units;

namespace Malekort.Storage;

/// <summary>A unit's own thresholds, and every change of them kept with who, when, old and new (issue 11 item 2).</summary>
public partial interface IMalekortStore
{
    /// <summary>
    /// Sets (a threshold) or removes (null: the recommended default applies again) the unit's own thresholds for the
    /// indicators given, in one transaction, and keeps a change row for each that differs from what is stored, by
    /// <paramref name="changedBy"/> at the store's time. Changes of one unit serialise. Returns the changes kept, in the
    /// order of the indicators' codes; none when nothing differed, and then the data version stays.
    /// </summary>
    /// <exception cref="ArgumentException">A threshold is for another unit, or its limits contradict its direction.</exception>
    IReadOnlyList<ThresholdChange> ChangeThresholds(UnitCode unit, IReadOnlyDictionary<string, Threshold?> wanted, string changedBy);

    /// <summary>Every change of the unit's own thresholds, newest first.</summary>
    IReadOnlyList<ThresholdChange> ThresholdChanges(UnitCode unit);
}
