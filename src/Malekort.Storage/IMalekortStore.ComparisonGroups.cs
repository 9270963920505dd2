using Malekort.Units;

namespace Malekort.Storage;

/// <summary>The comparison groups users have saved (issue 12 item 3). Saving one does not change the data version.</summary>
public partial interface IMalekortStore
{
    /// <summary>
    /// Saves the units as <paramref name="owner"/>'s group <paramref name="name"/> (trimmed) at the store's time, replacing the units
    /// of a group saved before under the same name; returns the group as saved.
    /// </summary>
    /// <exception cref="ArgumentException">The owner or name is blank, or there are no units.</exception>
    ComparisonGroup SaveComparisonGroup(string owner, string name, IReadOnlyList<UnitCode> units);

    /// <summary>The groups <paramref name="owner"/> has saved, by name.</summary>
    IReadOnlyList<ComparisonGroup> ComparisonGroups(string owner);
}

/// <summary>A set of units saved under a name by a user, to be compared together.</summary>
/// <param name="Owner">The sign-in name of the user who saved it.</param>
/// <param name="Name">Its name, as the user wrote it.</param>
/// <param name="Units">Its units, in the order chosen.</param>
/// <param name="SavedAt">When it was last saved.</param>
public sealed record ComparisonGroup(string Owner, string Name, IReadOnlyList<UnitCode> Units, DateTimeOffset SavedAt)
{
    /// <summary>Records compare lists by reference; two groups with the same units in the same order are equal.</summary>
    public bool Equals(ComparisonGroup? other) => other is not null && Owner == other.Owner && Name == other.Name &&
        SavedAt == other.SavedAt && Units.SequenceEqual(other.Units);

    public override int GetHashCode() => HashCode.Combine(Owner, Name, SavedAt, Units.Count);
}
