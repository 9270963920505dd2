using Malekort.Indicators;

namespace Malekort.Storage;

/// <summary>A national version added or removed, as kept: the version, whether this removed it, who and when.</summary>
/// <param name="Version">The version as added (for a removal, as it was).</param>
/// <param name="Removed">Whether this change removed it.</param>
/// <param name="ChangedBy">Who.</param>
/// <param name="ChangedAt">When.</param>
public sealed record NationalVersionChange(NationalVersion Version, bool Removed, string ChangedBy, DateTimeOffset ChangedAt);

/// <summary>National versions of definitions the directorate adds in the browser (issue 11 item 7).</summary>
public partial interface IMalekortStore
{
    /// <summary>Adds a national version; null, and nothing changed, when its number was ever used for that indicator (numbers are never reused).</summary>
    /// <remarks>The caller checks it first (<see cref="NationalVersions.Check"/>) and numbers it (<see cref="NationalVersions.Next"/>).</remarks>
    NationalVersionChange? AddNationalVersion(NationalVersion version);

    /// <summary>Removes a national version in force; null when there is none with the indicator and number.</summary>
    NationalVersionChange? RemoveNationalVersion(string versionOf, int number, string removedBy);

    /// <summary>The national versions in force, by indicator and number (the scorecard's are in <see cref="StoredState.NationalVersions"/>).</summary>
    IReadOnlyList<NationalVersion> NationalVersions();

    /// <summary>Every addition and removal, newest first.</summary>
    IReadOnlyList<NationalVersionChange> NationalVersionChanges();
}
