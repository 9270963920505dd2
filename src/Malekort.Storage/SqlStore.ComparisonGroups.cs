using System.Globalization;
using Malekort.Units;

namespace Malekort.Storage;

/// <summary>Saved comparison groups (migration 0011).</summary>
public abstract partial class SqlStore
{
    /// <inheritdoc />
    public ComparisonGroup SaveComparisonGroup(string owner, string name, IReadOnlyList<UnitCode> units)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentNullException.ThrowIfNull(units);
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("Sammenligningsgruppen må ha et navn.", nameof(name));
        if (units.Count == 0) throw new ArgumentException($"Sammenligningsgruppen «{name.Trim()}» har ingen enheter.", nameof(units));
        var group = new ComparisonGroup(owner, name.Trim(), units, clock.GetUtcNow());
        using var connection = Open();
        Execute(connection, null,
            "INSERT INTO comparison_groups (owner, name, units, saved_at) VALUES (@p0, @p1, @p2, @p3) " +
            "ON CONFLICT (owner, name) DO UPDATE SET units = excluded.units, saved_at = excluded.saved_at",
            group.Owner, group.Name, string.Join(' ', units.Select(u => u.Value)), group.SavedAt.ToString("O", CultureInfo.InvariantCulture));
        return group;
    }

    /// <inheritdoc />
    public IReadOnlyList<ComparisonGroup> ComparisonGroups(string owner)
    {
        using var connection = Open();
        var groups = new List<ComparisonGroup>();
        Read(connection, null, "SELECT name, units, saved_at FROM comparison_groups WHERE owner = @p0 ORDER BY name",
            r => groups.Add(new ComparisonGroup(owner, r.GetString(0),
                r.GetString(1).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(UnitCode.Parse).ToList(),
                DateTimeOffset.Parse(r.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind))),
            owner);
        return groups;
    }
}
