using Malekort.Choices;
using Malekort.Units;

namespace Malekort.Storage;

/// <summary>The indicators each municipality, district or office has chosen for its scorecard (issue 11 item 5).</summary>
public partial interface IMalekortStore
{
    /// <summary>Replaces the unit's choice with <paramref name="choice"/>; false, and nothing changed, when it was the same.</summary>
    bool SaveIndicatorChoice(IndicatorChoice choice);

    /// <summary>Removes the unit's choice, so its scorecard shows the national set again; false when it had none.</summary>
    bool RemoveIndicatorChoice(UnitCode unit);

    /// <summary>Every unit's choice (the scorecard's are in <see cref="StoredState.IndicatorChoices"/>), by unit.</summary>
    IReadOnlyList<IndicatorChoice> IndicatorChoices();
}
