using System.Data.Common;
using System.Globalization;
using Malekort.Indicators;
using Malekort.Thresholds;
using Malekort.Units;

namespace Malekort.Storage;

/// <summary>A unit's own thresholds and their change history (migration 0009).</summary>
public abstract partial class SqlStore
{
    /// <inheritdoc />
    public void SaveThreshold(Threshold threshold)
    {
        ArgumentNullException.ThrowIfNull(threshold);
        ChangeThresholds(threshold.Unit, new Dictionary<string, Threshold?>(StringComparer.Ordinal) { [threshold.Indicator] = threshold }, threshold.SetBy);
    }

    /// <inheritdoc />
    public void DeleteThreshold(UnitCode unit, string indicator, string changedBy) =>
        ChangeThresholds(unit, new Dictionary<string, Threshold?>(StringComparer.Ordinal) { [indicator] = null }, changedBy);

    /// <inheritdoc />
    public IReadOnlyList<ThresholdChange> ChangeThresholds(UnitCode unit, IReadOnlyDictionary<string, Threshold?> wanted, string changedBy)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        ArgumentException.ThrowIfNullOrWhiteSpace(changedBy);
        foreach (var threshold in wanted.Values.OfType<Threshold>())
        {
            if (threshold.Unit != unit) throw new ArgumentException($"Grensen for {threshold.Unit} hører ikke til {unit}.", nameof(wanted));
            threshold.Validated();
        }
        using var connection = Open();
        using var transaction = connection.BeginTransaction(BatchIsolation);
        // Old and new are read and written under the unit's lock, so two people saving at once both get honest "old" limits.
        LockUnit(connection, transaction, unit);
        var stored = new Dictionary<string, Limits>(StringComparer.Ordinal);
        Read(connection, transaction, "SELECT indicator, direction, green, red FROM thresholds WHERE unit = @p0",
            r => stored[r.GetString(0)] = LimitsAt(r, 1)!.Value, unit.Value);
        var at = clock.GetUtcNow();
        var changes = new List<ThresholdChange>();
        foreach (var (indicator, threshold) in wanted.OrderBy(w => w.Key, StringComparer.Ordinal))
        {
            Limits? old = stored.TryGetValue(indicator, out var o) ? o : null;
            Limits? now = threshold?.Limits;
            if (old == now) continue;
            if (now is { } n)
            {
                Execute(connection, transaction,
                    "INSERT INTO thresholds (unit, indicator, direction, green, red, set_by) VALUES (@p0, @p1, @p2, @p3, @p4, @p5) " +
                    "ON CONFLICT (unit, indicator) DO UPDATE SET direction = excluded.direction, green = excluded.green, red = excluded.red, set_by = excluded.set_by",
                    unit.Value, indicator, n.Direction.ToString(), Text(n.Green), Text(n.Red), changedBy);
            }
            else
            {
                Execute(connection, transaction, "DELETE FROM thresholds WHERE unit = @p0 AND indicator = @p1", unit.Value, indicator);
            }
            Execute(connection, transaction,
                "INSERT INTO threshold_changes (unit, indicator, changed_at, changed_by, old_direction, old_green, old_red, new_direction, new_green, new_red) " +
                "VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9)",
                unit.Value, indicator, at.ToString("O", CultureInfo.InvariantCulture), changedBy,
                old?.Direction.ToString(), old is { } a ? Text(a.Green) : null, old is { } b ? Text(b.Red) : null,
                now?.Direction.ToString(), now is { } c ? Text(c.Green) : null, now is { } d ? Text(d.Red) : null);
            changes.Add(new ThresholdChange(unit, indicator, at, changedBy, old, now));
        }
        if (changes.Count > 0) BumpVersion(connection, transaction);
        transaction.Commit();
        return changes;
    }

    /// <inheritdoc />
    public IReadOnlyList<ThresholdChange> ThresholdChanges(UnitCode unit)
    {
        using var connection = Open();
        var changes = new List<ThresholdChange>();
        Read(connection, null,
            "SELECT indicator, changed_at, changed_by, old_direction, old_green, old_red, new_direction, new_green, new_red " +
            "FROM threshold_changes WHERE unit = @p0 ORDER BY id DESC",
            r => changes.Add(new ThresholdChange(unit, r.GetString(0),
                DateTimeOffset.Parse(r.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind), r.GetString(2),
                LimitsAt(r, 3), LimitsAt(r, 6))),
            unit.Value);
        return changes;
    }

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Limits from the columns direction, green, red starting at <paramref name="at"/>; none where direction is null.</summary>
    private static Limits? LimitsAt(DbDataReader r, int at) => r.IsDBNull(at)
        ? null
        : new Limits(Enum.Parse<Direction>(r.GetString(at)), decimal.Parse(r.GetString(at + 1), CultureInfo.InvariantCulture),
            decimal.Parse(r.GetString(at + 2), CultureInfo.InvariantCulture));
}
