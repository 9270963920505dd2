using System.Data.Common;
using System.Globalization;
using Malekort.Indicators;
using Malekort.Units;

namespace Malekort.Storage;

/// <summary>Own indicators and their history (migration 0018).</summary>
public abstract partial class SqlStore
{
    private const string OwnColumns = "code, owner, name, description, direction, measure, formula, shared_with, defined_by, defined_at";

    /// <inheritdoc />
    public OwnIndicatorChange? SaveOwnIndicator(OwnIndicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentException.ThrowIfNullOrWhiteSpace(indicator.DefinedBy);
        OwnIndicatorChange? change = null;
        Write([indicator.Owner], (connection, transaction) =>
        {
            var old = ReadOwnIndicators(connection, transaction, indicator.Code).SingleOrDefault();
            if (old is not null && old.SameAs(indicator)) return 0;
            Execute(connection, transaction, $"INSERT INTO own_indicators ({OwnColumns}) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9) " +
                "ON CONFLICT (code) DO UPDATE SET owner = excluded.owner, name = excluded.name, description = excluded.description, " +
                "direction = excluded.direction, measure = excluded.measure, formula = excluded.formula, shared_with = excluded.shared_with, " +
                "defined_by = excluded.defined_by, defined_at = excluded.defined_at",
                indicator.Code, indicator.Owner.Value, indicator.Name, indicator.Description, indicator.Direction.ToString(), indicator.Measure,
                indicator.Formula, Shared(indicator.SharedWith), indicator.DefinedBy, indicator.DefinedAt.ToString("O", CultureInfo.InvariantCulture));
            change = KeepOwnChange(connection, transaction, indicator.Code, indicator.Owner, indicator.DefinedAt, indicator.DefinedBy, old, indicator);
            return 1;
        });
        return change;
    }

    /// <inheritdoc />
    public OwnIndicatorChange? RemoveOwnIndicator(string code, string removedBy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(removedBy);
        OwnIndicatorChange? change = null;
        using (var connection = Open())
        {
            if (ReadOwnIndicators(connection, null, code).SingleOrDefault() is not { } found) return null;
            Write([found.Owner], (c, transaction) =>
            {
                if (ReadOwnIndicators(c, transaction, code).SingleOrDefault() is not { } old) return 0;
                Execute(c, transaction, "DELETE FROM own_indicators WHERE code = @p0", code);
                change = KeepOwnChange(c, transaction, code, old.Owner, clock.GetUtcNow(), removedBy, old, null);
                return 1;
            });
        }
        return change;
    }

    /// <inheritdoc />
    public IReadOnlyList<OwnIndicator> OwnIndicators()
    {
        using var connection = Open();
        return ReadOwnIndicators(connection, null, null);
    }

    /// <inheritdoc />
    public IReadOnlyList<OwnIndicatorChange> OwnIndicatorChanges(string code)
    {
        using var connection = Open();
        var changes = new List<OwnIndicatorChange>();
        Read(connection, null,
            "SELECT code, owner, changed_at, changed_by, old_formula, new_formula, name, description, direction, measure, shared_with " +
            "FROM own_indicator_changes WHERE code = @p0 ORDER BY id DESC",
            r =>
            {
                var (owner, at, by) = (UnitCode.Parse(r.GetString(1)), Instant(r.GetString(2)), r.GetString(3));
                var newFormula = r.IsDBNull(5) ? null : r.GetString(5);
                var saved = newFormula is null ? null : new OwnIndicator(r.GetString(0), r.GetString(6), r.GetString(7),
                    Enum.Parse<Direction>(r.GetString(8)), r.GetString(9), newFormula, owner, Units(r.GetString(10)), by, at);
                changes.Add(new OwnIndicatorChange(r.GetString(0), owner, at, by, r.IsDBNull(4) ? null : r.GetString(4), newFormula, saved));
            },
            code);
        return changes;
    }

    private static OwnIndicatorChange KeepOwnChange(DbConnection connection, DbTransaction transaction, string code, UnitCode owner,
        DateTimeOffset at, string by, OwnIndicator? old, OwnIndicator? saved)
    {
        Execute(connection, transaction,
            "INSERT INTO own_indicator_changes (code, owner, changed_at, changed_by, old_formula, new_formula, name, description, direction, measure, shared_with) " +
            "VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10)",
            code, owner.Value, at.ToString("O", CultureInfo.InvariantCulture), by, old?.Formula, saved?.Formula, saved?.Name, saved?.Description,
            saved?.Direction.ToString(), saved?.Measure, saved is null ? null : Shared(saved.SharedWith));
        return new OwnIndicatorChange(code, owner, at, by, old?.Formula, saved?.Formula, saved);
    }

    private static List<OwnIndicator> ReadOwnIndicators(DbConnection connection, DbTransaction? transaction, string? code)
    {
        var found = new List<OwnIndicator>();
        Read(connection, transaction, $"SELECT {OwnColumns} FROM own_indicators" + (code is null ? "" : " WHERE code = @p0"),
            r => found.Add(new OwnIndicator(r.GetString(0), r.GetString(2), r.GetString(3), Enum.Parse<Direction>(r.GetString(4)), r.GetString(5),
                r.GetString(6), UnitCode.Parse(r.GetString(1)), Units(r.GetString(7)), r.GetString(8), Instant(r.GetString(9)))),
            code is null ? [] : [code]);
        // Sorted here, not in SQL: the order must not depend on the database's collation.
        return [.. found.OrderBy(o => o.Code, StringComparer.Ordinal)];
    }

    private static string Shared(IReadOnlyList<UnitCode> units) => string.Join(' ', units.Select(u => u.Value));

    private static UnitCode[] Units(string text) => [.. text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(UnitCode.Parse)];

    private static DateTimeOffset Instant(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
