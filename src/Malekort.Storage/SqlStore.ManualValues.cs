using System.Data.Common;
using System.Globalization;
using Malekort.ManualValues;
using Malekort.Periods;
using Malekort.Units;

namespace Malekort.Storage;

/// <summary>Manual values and their change history (migration 0014).</summary>
public abstract partial class SqlStore
{
    /// <inheritdoc />
    public ManualValueChange? SetManualValue(ManualValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentException.ThrowIfNullOrWhiteSpace(value.EnteredBy);
        ManualValueChange? change = null;
        Write([value.Unit], (connection, transaction) =>
        {
            var old = ManualValueOf(connection, transaction, value.Unit, value.Indicator, value.Month);
            if (old is { } o && o.Numerator == value.Numerator && o.Denominator == value.Denominator) return 0;
            Execute(connection, transaction,
                "INSERT INTO manual_values (unit, indicator, month, numerator, denominator, entered_by, entered_at) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6) " +
                "ON CONFLICT (unit, indicator, month) DO UPDATE SET numerator = excluded.numerator, denominator = excluded.denominator, " +
                "entered_by = excluded.entered_by, entered_at = excluded.entered_at",
                value.Unit.Value, value.Indicator, value.Month.ToString(), value.Numerator, value.Denominator, value.EnteredBy,
                value.EnteredAt.ToString("O", CultureInfo.InvariantCulture));
            change = KeepManualChange(connection, transaction, value.Unit, value.Indicator, value.Month, value.EnteredAt, value.EnteredBy, old,
                (value.Numerator, value.Denominator));
            return 1;
        });
        return change;
    }

    /// <inheritdoc />
    public ManualValueChange? RemoveManualValue(UnitCode unit, string indicator, Month month, string removedBy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(removedBy);
        ManualValueChange? change = null;
        Write([unit], (connection, transaction) =>
        {
            if (ManualValueOf(connection, transaction, unit, indicator, month) is not { } old) return 0;
            Execute(connection, transaction, "DELETE FROM manual_values WHERE unit = @p0 AND indicator = @p1 AND month = @p2",
                unit.Value, indicator, month.ToString());
            change = KeepManualChange(connection, transaction, unit, indicator, month, clock.GetUtcNow(), removedBy, old, null);
            return 1;
        });
        return change;
    }

    /// <inheritdoc />
    public IReadOnlyList<ManualValue> ManualValues()
    {
        using var connection = Open();
        return ReadManualValues(connection, null);
    }

    /// <inheritdoc />
    public IReadOnlyList<ManualValueChange> ManualValueChanges(UnitCode unit)
    {
        using var connection = Open();
        var changes = new List<ManualValueChange>();
        Read(connection, null,
            "SELECT unit, indicator, month, changed_at, changed_by, old_numerator, old_denominator, new_numerator, new_denominator " +
            "FROM manual_value_changes WHERE unit = @p0 ORDER BY id DESC",
            r => changes.Add(new ManualValueChange(UnitCode.Parse(r.GetString(0)), r.GetString(1), Month.Parse(r.GetString(2)),
                DateTimeOffset.Parse(r.GetString(3), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind), r.GetString(4),
                Long(r, 5), Long(r, 6), Long(r, 7), Long(r, 8))),
            unit.Value);
        return changes;
    }

    private static List<ManualValue> ReadManualValues(DbConnection connection, DbTransaction? transaction)
    {
        var values = new List<ManualValue>();
        Read(connection, transaction, "SELECT unit, indicator, month, numerator, denominator, entered_by, entered_at FROM manual_values", r =>
            values.Add(new ManualValue(UnitCode.Parse(r.GetString(0)), Month.Parse(r.GetString(2)), r.GetString(1), r.GetInt64(3), Long(r, 4),
                r.GetString(5), DateTimeOffset.Parse(r.GetString(6), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind))));
        // Sorted here, not in SQL: the order must not depend on the database's collation.
        return [.. values.OrderBy(v => v.Unit.Value, StringComparer.Ordinal).ThenBy(v => v.Month).ThenBy(v => v.Indicator, StringComparer.Ordinal)];
    }

    private static (long Numerator, long? Denominator)? ManualValueOf(DbConnection connection, DbTransaction transaction, UnitCode unit,
        string indicator, Month month)
    {
        (long, long?)? found = null;
        Read(connection, transaction, "SELECT numerator, denominator FROM manual_values WHERE unit = @p0 AND indicator = @p1 AND month = @p2",
            r => found = (r.GetInt64(0), Long(r, 1)), unit.Value, indicator, month.ToString());
        return found;
    }

    private static ManualValueChange KeepManualChange(DbConnection connection, DbTransaction transaction, UnitCode unit, string indicator, Month month,
        DateTimeOffset at, string by, (long Numerator, long? Denominator)? old, (long Numerator, long? Denominator)? now)
    {
        Execute(connection, transaction,
            "INSERT INTO manual_value_changes (unit, indicator, month, changed_at, changed_by, old_numerator, old_denominator, new_numerator, new_denominator) " +
            "VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8)",
            unit.Value, indicator, month.ToString(), at.ToString("O", CultureInfo.InvariantCulture), by,
            old?.Numerator, old?.Denominator, now?.Numerator, now?.Denominator);
        return new ManualValueChange(unit, indicator, month, at, by, old?.Numerator, old?.Denominator, now?.Numerator, now?.Denominator);
    }

    private static long? Long(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt64(i);
}
