using Malekort.ManualValues;
using Malekort.Periods;
using Malekort.Units;

namespace Malekort.Storage;

/// <summary>Values typed by people for months without captured data, with every change (issue 11 item 4).</summary>
public partial interface IMalekortStore
{
    /// <summary>
    /// Stores <paramref name="value"/> for its unit, indicator and month, replacing what was typed before, and keeps the change;
    /// null, and nothing kept, when the same numbers were typed before.
    /// </summary>
    ManualValueChange? SetManualValue(ManualValue value);

    /// <summary>Removes the unit's manual value of the indicator in the month, keeping the change; null when there was none.</summary>
    ManualValueChange? RemoveManualValue(UnitCode unit, string indicator, Month month, string removedBy);

    /// <summary>Every manual value in force (the scorecard's are in <see cref="StoredState.ManualValues"/>), by unit, month and indicator.</summary>
    IReadOnlyList<ManualValue> ManualValues();

    /// <summary>Every change of the unit's manual values, newest first.</summary>
    IReadOnlyList<ManualValueChange> ManualValueChanges(UnitCode unit);
}

/// <summary>
/// One entry, change or removal of a manual value, kept for ever: who, when, and the numbers before and after (null where there
/// were or are none; a count's denominator is always null).
/// </summary>
public sealed record ManualValueChange(UnitCode Unit, string Indicator, Month Month, DateTimeOffset ChangedAt, string ChangedBy,
    long? OldNumerator, long? OldDenominator, long? NewNumerator, long? NewDenominator);
