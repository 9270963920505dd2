using System.Data.Common;
using System.Globalization;
using Malekort.Indicators;
using Malekort.Periods;

namespace Malekort.Storage;

/// <summary>National versions added in the browser and their history (migration 0020).</summary>
public abstract partial class SqlStore
{
    /// <inheritdoc />
    public NationalVersionChange? AddNationalVersion(NationalVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentException.ThrowIfNullOrWhiteSpace(version.AddedBy);
        NationalVersionChange? change = null;
        Write([], (connection, transaction) =>
        {
            if (ReadNationalVersionChanges(connection, transaction).Any(c => c.Version.Code == version.Code)) return 0;
            change = KeepNationalChange(connection, transaction, version, removed: false, version.AddedBy, version.AddedAt);
            return 1;
        });
        return change;
    }

    /// <inheritdoc />
    public NationalVersionChange? RemoveNationalVersion(string versionOf, int number, string removedBy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(versionOf);
        ArgumentException.ThrowIfNullOrWhiteSpace(removedBy);
        NationalVersionChange? change = null;
        Write([], (connection, transaction) =>
        {
            if (InForce(ReadNationalVersionChanges(connection, transaction)).FirstOrDefault(v => v.VersionOf == versionOf && v.Number == number)
                is not { } found) return 0;
            change = KeepNationalChange(connection, transaction, found, removed: true, removedBy, clock.GetUtcNow());
            return 1;
        });
        return change;
    }

    /// <inheritdoc />
    public IReadOnlyList<NationalVersion> NationalVersions()
    {
        using var connection = Open();
        return InForce(ReadNationalVersionChanges(connection, null));
    }

    /// <inheritdoc />
    public IReadOnlyList<NationalVersionChange> NationalVersionChanges()
    {
        using var connection = Open();
        return ReadNationalVersionChanges(connection, null);
    }

    private static NationalVersionChange KeepNationalChange(DbConnection connection, DbTransaction transaction, NationalVersion version, bool removed,
        string by, DateTimeOffset at)
    {
        Execute(connection, transaction,
            "INSERT INTO national_version_changes (version_of, number, valid_from, formula, change, removed, changed_by, changed_at) " +
            "VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7)",
            version.VersionOf, version.Number, version.From.ToString(), version.Formula, version.Change, removed ? 1 : 0, by,
            at.ToString("O", CultureInfo.InvariantCulture));
        return new NationalVersionChange(version, removed, by, at);
    }

    /// <summary>Every change, newest first; a removal carries the version as it was added.</summary>
    private static List<NationalVersionChange> ReadNationalVersionChanges(DbConnection connection, DbTransaction? transaction)
    {
        var rows = new List<(long Id, NationalVersion Version, bool Removed, string By, DateTimeOffset At)>();
        Read(connection, transaction,
            "SELECT id, version_of, number, valid_from, formula, change, removed, changed_by, changed_at FROM national_version_changes",
            r =>
            {
                var (by, at) = (r.GetString(7), Instant(r.GetString(8)));
                rows.Add((r.GetInt64(0), new NationalVersion(r.GetString(1), (int)r.GetInt64(2), Month.Parse(r.GetString(3)), r.GetString(4),
                    r.GetString(5), by, at), r.GetInt64(6) != 0, by, at));
            });
        // The added-by and added-at of a removal's version are those of its addition, not the removal's.
        var added = rows.Where(r => !r.Removed).ToDictionary(r => r.Version.Code, r => r.Version, StringComparer.Ordinal);
        return [.. rows.OrderByDescending(r => r.Id)
            .Select(r => new NationalVersionChange(r.Removed && added.TryGetValue(r.Version.Code, out var a) ? a : r.Version, r.Removed, r.By, r.At))];
    }

    private static List<NationalVersion> InForce(List<NationalVersionChange> changes)
    {
        var removed = changes.Where(c => c.Removed).Select(c => c.Version.Code).ToHashSet(StringComparer.Ordinal);
        // Sorted here, not in SQL: the order must not depend on the database's collation.
        return [.. changes.Where(c => !c.Removed && !removed.Contains(c.Version.Code)).Select(c => c.Version)
            .OrderBy(v => v.VersionOf, StringComparer.Ordinal).ThenBy(v => v.Number)];
    }
}
