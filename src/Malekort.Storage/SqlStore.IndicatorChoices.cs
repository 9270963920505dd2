using System.Data.Common;
using System.Globalization;
using Malekort.Choices;
using Malekort.Units;

namespace Malekort.Storage;

/// <summary>The units' choices of indicators (migration 0015).</summary>
public abstract partial class SqlStore
{
    /// <inheritdoc />
    public bool SaveIndicatorChoice(IndicatorChoice choice)
    {
        ArgumentNullException.ThrowIfNull(choice);
        ArgumentException.ThrowIfNullOrWhiteSpace(choice.ChosenBy);
        var changed = false;
        Write([choice.Unit], (connection, transaction) =>
        {
            var old = ReadIndicatorChoices(connection, transaction, choice.Unit).SingleOrDefault();
            if (old is not null && old.Indicators.SequenceEqual(choice.Indicators)) return 0;
            Execute(connection, transaction, "DELETE FROM indicator_choices WHERE unit = @p0", choice.Unit.Value);
            for (var i = 0; i < choice.Indicators.Count; i++)
            {
                Execute(connection, transaction,
                    "INSERT INTO indicator_choices (unit, position, indicator, heading, chosen_by, chosen_at) VALUES (@p0, @p1, @p2, @p3, @p4, @p5)",
                    choice.Unit.Value, i + 1, choice.Indicators[i].Indicator, choice.Indicators[i].Heading, choice.ChosenBy,
                    choice.ChosenAt.ToString("O", CultureInfo.InvariantCulture));
            }
            changed = true;
            return 1;
        });
        return changed;
    }

    /// <inheritdoc />
    public bool RemoveIndicatorChoice(UnitCode unit)
    {
        var removed = false;
        Write([unit], (connection, transaction) =>
        {
            removed = Scalar(connection, transaction, "SELECT COUNT(*) FROM indicator_choices WHERE unit = @p0", unit.Value) > 0;
            if (removed) Execute(connection, transaction, "DELETE FROM indicator_choices WHERE unit = @p0", unit.Value);
            return removed ? 1 : 0;
        });
        return removed;
    }

    /// <inheritdoc />
    public IReadOnlyList<IndicatorChoice> IndicatorChoices()
    {
        using var connection = Open();
        return ReadIndicatorChoices(connection, null, null);
    }

    private static List<IndicatorChoice> ReadIndicatorChoices(DbConnection connection, DbTransaction? transaction, UnitCode? unit)
    {
        var rows = new List<(string Unit, long Position, ChosenIndicator Indicator, string By, string At)>();
        Read(connection, transaction,
            "SELECT unit, position, indicator, heading, chosen_by, chosen_at FROM indicator_choices" + (unit is null ? "" : " WHERE unit = @p0"),
            r => rows.Add((r.GetString(0), r.GetInt64(1), new ChosenIndicator(r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3)), r.GetString(4),
                r.GetString(5))),
            unit is { } u ? [u.Value] : []);
        // Ordered here, not in SQL: the order must not depend on the database's collation.
        return [.. rows.GroupBy(r => r.Unit).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var ordered = g.OrderBy(r => r.Position).ToList();
            return new IndicatorChoice(UnitCode.Parse(g.Key), [.. ordered.Select(r => r.Indicator)], ordered[0].By,
                DateTimeOffset.Parse(ordered[0].At, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
        })];
    }
}
