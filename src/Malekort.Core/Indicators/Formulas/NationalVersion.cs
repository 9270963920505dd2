using Malekort.Periods;

namespace Malekort.Indicators;

/// <summary>
/// A later version of a national indicator's definition added by the directorate in the browser (issue 11 item 7), as stored: the
/// facts typed on the form, who and when. Like an own indicator it is a formula over the counts, worked out from its text each time
/// (<see cref="NationalVersions.Compile"/>); unlike one it belongs to no unit and is computed and shown for everyone.
/// </summary>
/// <param name="VersionOf">The code of the national indicator it is a version of (e.g. <c>B.102</c>).</param>
/// <param name="Number">The version number, fixed when it was added so its code <c>B.102.v3</c> never moves.</param>
/// <param name="From">The first month it applies in; the versions before it keep their numbers in every month.</param>
/// <param name="Formula">The formula as typed, e.g. <c>BL152 / BEF.18_66 * 100</c>.</param>
/// <param name="Change">What changed from the version before (nb).</param>
/// <param name="AddedBy">Who added it.</param>
/// <param name="AddedAt">When.</param>
public sealed record NationalVersion(string VersionOf, int Number, Month From, string Formula, string Change, string AddedBy, DateTimeOffset AddedAt)
{
    /// <summary>Its code on the scorecard and in the API: the indicator's with <c>.v</c> and the number, as a declared version's.</summary>
    public string Code => $"{VersionOf}.v{Number}";
}
