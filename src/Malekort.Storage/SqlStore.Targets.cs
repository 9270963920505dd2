using System.Data.Common;
using System.Globalization;
using Malekort.Periods;
using Malekort.Targets;
using Malekort.Thresholds;
using Malekort.Units;

namespace Malekort.Storage;

/// <summary>Targets by year and their change history (migration 0010).</summary>
public abstract partial class SqlStore
{
    /// <inheritdoc />
    public void SaveTarget(Target target, string changedBy = IMalekortStore.LocalOperator) => SaveTargets([target], changedBy);

    /// <inheritdoc />
    public void SaveTargets(IReadOnlyList<Target> targets, string changedBy = IMalekortStore.LocalOperator)
    {
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.Count == 0) return;
        Write(targets.Select(t => t.Unit).Distinct(), (connection, transaction) =>
        {
            var changed = 0;
            foreach (var year in targets.GroupBy(t => (t.Unit, t.Indicator, t.Month.Year)))
            {
                var (unit, indicator, y) = year.Key;
                var months = MonthsOf(connection, transaction, unit, indicator, y);
                foreach (var target in year) months[target.Month.Number - 1] = target.Value;
                if (WriteYear(connection, transaction, new TargetYear(unit, indicator, y, Periodisation.Monthly, null, null, months), changedBy) is not null)
                    changed++;
            }
            return changed;
        });
    }

    /// <inheritdoc />
    public TargetChange? SetTargetYear(TargetYear year, string changedBy)
    {
        ArgumentNullException.ThrowIfNull(year);
        TargetChange? change = null;
        Write([year.Unit], (connection, transaction) => (change = WriteYear(connection, transaction, year, changedBy)) is null ? 0 : 1);
        return change;
    }

    /// <inheritdoc />
    public TargetChange? RemoveTargetYear(UnitCode unit, string indicator, int year, string changedBy)
    {
        TargetChange? change = null;
        Write([unit], (connection, transaction) =>
            (change = WriteYear(connection, transaction, new TargetYear(unit, indicator, year, Periodisation.Monthly, null, null, new decimal?[12]),
                changedBy, removal: true)) is null ? 0 : 1);
        return change;
    }

    /// <inheritdoc />
    public IReadOnlyList<TargetYear> TargetYears()
    {
        using var connection = Open();
        using var transaction = BeginSnapshot(connection);
        var months = new Dictionary<(string Unit, string Indicator, int Year), decimal?[]>();
        Read(connection, transaction, "SELECT unit, indicator, month, value FROM targets", r =>
        {
            var month = Month.Parse(r.GetString(2));
            var key = (r.GetString(0), r.GetString(1), month.Year);
            if (!months.TryGetValue(key, out var values)) months[key] = values = new decimal?[12];
            values[month.Number - 1] = decimal.Parse(r.GetString(3), CultureInfo.InvariantCulture);
        });
        // How each year was last set: its newest change, if that change gave the months it has now.
        var latest = new Dictionary<(string, string, int), TargetChange>();
        Read(connection, transaction, ChangeColumns + " FROM target_changes ORDER BY id", r =>
        {
            var change = ChangeRow(r);
            latest[(change.Unit.Value, change.Indicator, change.Year)] = change;
        });
        transaction.Commit();
        return [.. months
            .OrderBy(m => m.Key.Unit, StringComparer.Ordinal).ThenBy(m => m.Key.Indicator, StringComparer.Ordinal).ThenBy(m => m.Key.Year)
            .Select(m => latest.TryGetValue(m.Key, out var c) && c.How is { } how && c.New.SequenceEqual(m.Value)
                ? new TargetYear(c.Unit, c.Indicator, c.Year, how, c.Yearly, c.Weights, m.Value)
                : new TargetYear(UnitCode.Parse(m.Key.Unit), m.Key.Indicator, m.Key.Year, Periodisation.Monthly, null, null, m.Value))];
    }

    /// <inheritdoc />
    public IReadOnlyList<TargetChange> TargetChanges(UnitCode unit)
    {
        using var connection = Open();
        var changes = new List<TargetChange>();
        Read(connection, null, ChangeColumns + " FROM target_changes WHERE unit = @p0 ORDER BY id DESC", r => changes.Add(ChangeRow(r)), unit.Value);
        return changes;
    }

    private const string ChangeColumns = "SELECT unit, indicator, year, changed_at, changed_by, method, yearly, weights, old_months, new_months";

    private static TargetChange ChangeRow(DbDataReader r) => new(
        UnitCode.Parse(r.GetString(0)), r.GetString(1), (int)r.GetInt64(2),
        DateTimeOffset.Parse(r.GetString(3), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind), r.GetString(4),
        r.GetString(5) == Removed ? null : Enum.Parse<Periodisation>(r.GetString(5)),
        r.IsDBNull(6) ? null : decimal.Parse(r.GetString(6), CultureInfo.InvariantCulture),
        r.IsDBNull(7) ? null : [.. Decode(r.GetString(7)).Select(w => w!.Value)],
        Decode(r.GetString(8)), Decode(r.GetString(9)));

    private const string Removed = "Removed";

    /// <summary>One write transaction under the units' locks; the data version moves when <paramref name="work"/> changed anything.</summary>
    private void Write(IEnumerable<UnitCode> units, Func<DbConnection, DbTransaction, int> work)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction(BatchIsolation);
        foreach (var unit in units.OrderBy(u => u.Value, StringComparer.Ordinal)) LockUnit(connection, transaction, unit);
        if (work(connection, transaction) > 0) BumpVersion(connection, transaction);
        transaction.Commit();
    }

    private static decimal?[] MonthsOf(DbConnection connection, DbTransaction transaction, UnitCode unit, string indicator, int year)
    {
        var months = new decimal?[12];
        Read(connection, transaction, "SELECT month, value FROM targets WHERE unit = @p0 AND indicator = @p1 AND month >= @p2 AND month <= @p3",
            r => months[Month.Parse(r.GetString(0)).Number - 1] = decimal.Parse(r.GetString(1), CultureInfo.InvariantCulture),
            unit.Value, indicator, new Month(year, 1).ToString(), new Month(year, 12).ToString());
        return months;
    }

    /// <summary>Makes the year's months what <paramref name="year"/> says and keeps the change; null when they already were.</summary>
    private TargetChange? WriteYear(DbConnection connection, DbTransaction transaction, TargetYear year, string changedBy, bool removal = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(changedBy);
        var old = MonthsOf(connection, transaction, year.Unit, year.Indicator, year.Year);
        if (old.SequenceEqual(year.Months)) return null;
        for (var i = 0; i < 12; i++)
        {
            var month = new Month(year.Year, i + 1).ToString();
            if (year.Months[i] is { } value)
            {
                Execute(connection, transaction,
                    "INSERT INTO targets (unit, indicator, month, value) VALUES (@p0, @p1, @p2, @p3) " +
                    "ON CONFLICT (unit, indicator, month) DO UPDATE SET value = excluded.value",
                    year.Unit.Value, year.Indicator, month, value.ToString(CultureInfo.InvariantCulture));
            }
            else if (old[i] is not null)
            {
                Execute(connection, transaction, "DELETE FROM targets WHERE unit = @p0 AND indicator = @p1 AND month = @p2", year.Unit.Value, year.Indicator, month);
            }
        }
        var at = clock.GetUtcNow();
        Execute(connection, transaction,
            "INSERT INTO target_changes (unit, indicator, year, changed_at, changed_by, method, yearly, weights, old_months, new_months) " +
            "VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9)",
            year.Unit.Value, year.Indicator, year.Year, at.ToString("O", CultureInfo.InvariantCulture), changedBy,
            removal ? Removed : year.How.ToString(), year.Yearly?.ToString(CultureInfo.InvariantCulture),
            year.Weights is null ? null : Encode([.. year.Weights.Select(w => (decimal?)w)]), Encode(old), Encode(year.Months));
        return new TargetChange(year.Unit, year.Indicator, year.Year, at, changedBy, removal ? null : year.How, year.Yearly, year.Weights, old,
            [.. year.Months]);
    }

    private static string Encode(IReadOnlyList<decimal?> values) =>
        string.Join(';', values.Select(v => v?.ToString(CultureInfo.InvariantCulture) ?? ""));

    private static decimal?[] Decode(string text) =>
        [.. text.Split(';').Select(v => v.Length == 0 ? (decimal?)null : decimal.Parse(v, CultureInfo.InvariantCulture))];
}
