using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Malekort.DataQuality;
using Malekort.Periods;
using Malekort.Units;

namespace Malekort.Storage;

/// <summary>The run log, in the same SQL on both databases.</summary>
public abstract partial class SqlStore
{
    private const string RunLogColumns =
        "id, kind, channel, started_at, duration_ms, outcome, subject, unit, month, message, findings_count";

    /// <inheritdoc />
    public long AppendRunLog(RunLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var connection = Open();
        return Scalar(connection, null,
            "INSERT INTO run_log (kind, channel, started_at, duration_ms, outcome, subject, unit, month, message, findings_count, findings) " +
            "VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10) RETURNING id",
            entry.Kind.ToString(), entry.Channel.ToString(), entry.StartedAt.ToString("O", CultureInfo.InvariantCulture),
            (long)entry.Duration.TotalMilliseconds, entry.Outcome.ToString(), entry.Subject, entry.Unit?.Value, entry.Month?.ToString(),
            entry.Message, entry.FindingsCount, JsonSerializer.Serialize(entry.Findings));
    }

    /// <inheritdoc />
    public IReadOnlyList<RunLogEntry> RunLog(int limit)
    {
        using var connection = Open();
        var entries = new List<RunLogEntry>();
        Read(connection, null, $"SELECT {RunLogColumns} FROM run_log ORDER BY id DESC LIMIT @p0",
            r => entries.Add(RunLogRow(r, [])), Math.Max(0, limit));
        return entries;
    }

    /// <inheritdoc />
    public RunLogEntry? RunLogEntry(long id)
    {
        using var connection = Open();
        RunLogEntry? entry = null;
        Read(connection, null, $"SELECT {RunLogColumns}, findings FROM run_log WHERE id = @p0",
            r => entry = RunLogRow(r, JsonSerializer.Deserialize<List<Finding>>(r.GetString(11)) ?? []), id);
        return entry;
    }

    private static RunLogEntry RunLogRow(DbDataReader r, IReadOnlyList<Finding> findings) => new(
        Enum.Parse<RunKind>(r.GetString(1)), Enum.Parse<RunChannel>(r.GetString(2)),
        DateTimeOffset.Parse(r.GetString(3), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
        TimeSpan.FromMilliseconds(r.GetInt64(4)), Enum.Parse<RunOutcome>(r.GetString(5)), r.GetString(6),
        r.IsDBNull(7) ? null : UnitCode.Parse(r.GetString(7)), r.IsDBNull(8) ? null : Month.Parse(r.GetString(8)), r.GetString(9), findings)
    {
        Id = r.GetInt64(0),
        FindingsCount = r.GetInt64(10),
    };
}
