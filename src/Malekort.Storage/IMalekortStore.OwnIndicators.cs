using Malekort.Indicators;

namespace Malekort.Storage;

/// <summary>A change to an own indicator as kept: who, when, and the formula before and after (null after: removed).</summary>
/// <param name="Code">The indicator's code.</param>
/// <param name="Owner">The unit that owns it.</param>
/// <param name="ChangedAt">When.</param>
/// <param name="ChangedBy">Who.</param>
/// <param name="OldFormula">The formula before; null when it was new.</param>
/// <param name="NewFormula">The formula after; null when it was removed.</param>
/// <param name="Saved">What was saved; null for a removal.</param>
public sealed record OwnIndicatorChange(string Code, Malekort.Units.UnitCode Owner, DateTimeOffset ChangedAt, string ChangedBy, string? OldFormula,
    string? NewFormula, OwnIndicator? Saved);

/// <summary>Own indicators defined by municipalities and offices (issue 11 item 6).</summary>
public partial interface IMalekortStore
{
    /// <summary>Saves a new own indicator or a new version of one; null, and nothing changed, when it says what is stored already.</summary>
    /// <remarks>The caller checks it first (<see cref="OwnIndicators.Check"/>): the store keeps facts, it does not judge formulas.</remarks>
    OwnIndicatorChange? SaveOwnIndicator(OwnIndicator indicator);

    /// <summary>Removes an own indicator; null when there was none with the code.</summary>
    OwnIndicatorChange? RemoveOwnIndicator(string code, string removedBy);

    /// <summary>Every own indicator, by code (the scorecard's are in <see cref="StoredState.OwnIndicators"/>).</summary>
    IReadOnlyList<OwnIndicator> OwnIndicators();

    /// <summary>Every version saved and every removal of the indicator with the code, newest first.</summary>
    IReadOnlyList<OwnIndicatorChange> OwnIndicatorChanges(string code);
}
