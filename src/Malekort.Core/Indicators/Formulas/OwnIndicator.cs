using Malekort.Units;

namespace Malekort.Indicators;

/// <summary>
/// An indicator a municipality or office defines itself as a formula over the base counts and population (issue 11 item 6), as
/// stored: the facts typed on the form, who and when. What it computes is worked out from the formula text each time
/// (<see cref="OwnIndicators.Compile(IReadOnlyList{OwnIndicator})"/>), so a stored indicator follows today's declarations of the counts it names.
/// </summary>
/// <param name="Code">Its code, unique among national and own indicators (e.g. <c>EGEN.LANGTID</c>).</param>
/// <param name="Name">Name (nb).</param>
/// <param name="Description">What it says (nb).</param>
/// <param name="Direction">Which way is better, for thresholds.</param>
/// <param name="Measure">The unit of measure shown beside the value (nb), e.g. «prosent», «personer».</param>
/// <param name="Formula">The formula as typed, e.g. <c>BL166 / BL151 * 100</c>.</param>
/// <param name="Owner">The municipality or office that defined it.</param>
/// <param name="SharedWith">The units it has been given to: offices, municipalities or counties.</param>
/// <param name="DefinedBy">Who saved this version.</param>
/// <param name="DefinedAt">When.</param>
public sealed record OwnIndicator(
    string Code,
    string Name,
    string Description,
    Direction Direction,
    string Measure,
    string Formula,
    UnitCode Owner,
    IReadOnlyList<UnitCode> SharedWith,
    string DefinedBy,
    DateTimeOffset DefinedAt)
{
    /// <summary>Whether a viewer belonging to <paramref name="unit"/> may see it: its owner's and those it was given to.</summary>
    public bool IsVisibleTo(UnitCode? unit) => unit is { } u && (u == Owner || SharedWith.Contains(u));

    /// <summary>Whether two versions say the same (who and when aside).</summary>
    public bool SameAs(OwnIndicator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Code == other.Code && Name == other.Name && Description == other.Description && Direction == other.Direction
            && Measure == other.Measure && Formula == other.Formula && Owner == other.Owner && SharedWith.SequenceEqual(other.SharedWith);
    }
}
