using Malekort.Targets;
using Malekort.Units;

namespace Malekort.Storage;

/// <summary>Targets (måltall) by year, and every change of them kept with who, when, old and new (issue 11 item 3).</summary>
public partial interface IMalekortStore
{
    /// <summary>
    /// Replaces the year's 12 monthly targets of the indicator in the unit with <paramref name="year"/>'s, in one transaction, and
    /// keeps the change by <paramref name="changedBy"/>; null, and nothing kept, when the months are the same as before.
    /// </summary>
    TargetChange? SetTargetYear(TargetYear year, string changedBy);

    /// <summary>Removes the year's targets of the indicator in the unit, keeping the change; null when it had none.</summary>
    TargetChange? RemoveTargetYear(UnitCode unit, string indicator, int year, string changedBy);

    /// <summary>Every year with a target, by unit, indicator and year, each as it was last set (legacy months as month by month).</summary>
    IReadOnlyList<TargetYear> TargetYears();

    /// <summary>Every change of the unit's targets, newest first.</summary>
    IReadOnlyList<TargetChange> TargetChanges(UnitCode unit);
}
