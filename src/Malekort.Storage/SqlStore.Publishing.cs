using System.Data.Common;
using System.Globalization;
using Malekort.Federation;
using Malekort.Periods;
using Malekort.Units;

namespace Malekort.Storage;

/// <summary>Published months and their revisions, in the same SQL on both databases.</summary>
public abstract partial class SqlStore
{
    private const string PublicationColumns = "office, month, revision, published_at, published_by, data_version, fingerprint, definition_version";

    /// <inheritdoc />
    public PublishResult Publish(PublicationDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var fingerprint = PublicationFingerprint.Of(draft.Values);
        using var connection = Open();
        using var transaction = connection.BeginTransaction(BatchIsolation);
        // The office's own lock: two publishers of the same month cannot both see revision n and both write n + 1.
        LockUnit(connection, transaction, draft.Office);
        PublicationHeader? latest = null;
        Read(connection, transaction,
            $"SELECT {PublicationColumns} FROM publications WHERE office = @p0 AND month = @p1 ORDER BY revision DESC LIMIT 1",
            r => latest = PublicationRow(r), draft.Office.Value, draft.Month.ToString());
        if (latest is not null && string.Equals(latest.Fingerprint, fingerprint, StringComparison.Ordinal))
        {
            transaction.Rollback();
            return new PublishResult(PublishOutcome.Unchanged, latest);
        }
        var header = new PublicationHeader(draft.Office, draft.Month, (latest?.Revision ?? 0) + 1, draft.PublishedAt, draft.PublishedBy,
            draft.DataVersion, fingerprint) { DefinitionVersion = draft.DefinitionVersion };
        var id = Scalar(connection, transaction,
            $"INSERT INTO publications ({PublicationColumns}) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7) RETURNING id",
            header.Office.Value, header.Month.ToString(), header.Revision, header.PublishedAt.ToString("O", CultureInfo.InvariantCulture),
            header.PublishedBy, header.DataVersion, header.Fingerprint, header.DefinitionVersion);
        using (var rows = BeginRows(connection, transaction, "publication_values",
                   "publication_id", "unit", "indicator", "numerator", "denominator", "value", "notes"))
        {
            foreach (var v in draft.Values)
            {
                rows.Add(id); rows.Add(v.Unit.Value); rows.Add(v.Indicator); rows.Add(v.Numerator); rows.Add(v.Denominator);
                rows.AddNullable(PublicationFingerprint.ValueText(v.Value)); rows.Add(NoteNames.Of(v.Notes)); rows.EndRow();
            }
            rows.Complete();
        }
        transaction.Commit();
        return new PublishResult(PublishOutcome.Published, header);
    }

    /// <inheritdoc />
    public IReadOnlyList<PublicationHeader> Publications()
    {
        using var connection = Open();
        var headers = new List<PublicationHeader>();
        Read(connection, null, $"SELECT {PublicationColumns} FROM publications ORDER BY id", r => headers.Add(PublicationRow(r)));
        return headers;
    }

    /// <inheritdoc />
    public IReadOnlyList<PublicationHeader> Publications(UnitCode office, Month month)
    {
        using var connection = Open();
        var headers = new List<PublicationHeader>();
        Read(connection, null, $"SELECT {PublicationColumns} FROM publications WHERE office = @p0 AND month = @p1 ORDER BY revision",
            r => headers.Add(PublicationRow(r)), office.Value, month.ToString());
        return headers;
    }

    /// <inheritdoc />
    public IReadOnlyList<PublishedValue>? PublishedValues(UnitCode office, Month month, int revision)
    {
        var values = RevisionRows("publications", "SELECT unit, indicator, numerator, denominator, value, notes FROM publication_values " +
            "WHERE publication_id = @p0", office, month, revision,
            r => new PublishedValue(UnitCode.Parse(r.GetString(0)), r.GetString(1), r.IsDBNull(2) ? null : r.GetInt64(2),
                r.IsDBNull(3) ? null : r.GetInt64(3), r.IsDBNull(4) ? null : double.Parse(r.GetString(4), CultureInfo.InvariantCulture))
            {
                Notes = r.IsDBNull(5) ? Indicators.ValueNotes.None : NoteNames.Parse(r.GetString(5)),
            });
        // Sorted here, not in SQL: the order must not depend on the database's collation.
        return values is null ? null : [.. values.OrderBy(v => v.Unit.Value, StringComparer.Ordinal).ThenBy(v => v.Indicator, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The rows of one revision of an office's month (a publication's values, or a delivery's on a central instance) in one
    /// snapshot; null when there is no such revision. <paramref name="rowsSql"/> takes the revision's id as <c>@p0</c>.
    /// </summary>
    private List<T>? RevisionRows<T>(string revisions, string rowsSql, UnitCode office, Month month, int revision, Func<DbDataReader, T> row)
    {
        using var connection = Open();
        using var transaction = BeginSnapshot(connection);
        long? id = null;
        Read(connection, transaction, $"SELECT id FROM {revisions} WHERE office = @p0 AND month = @p1 AND revision = @p2",
            r => id = r.GetInt64(0), office.Value, month.ToString(), revision);
        if (id is null) return null;
        var rows = new List<T>();
        Read(connection, transaction, rowsSql, r => rows.Add(row(r)), id.Value);
        transaction.Commit();
        return rows;
    }

    private static PublicationHeader PublicationRow(DbDataReader r) => new(
        UnitCode.Parse(r.GetString(0)), Month.Parse(r.GetString(1)), (int)r.GetInt64(2),
        DateTimeOffset.Parse(r.GetString(3), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind), r.GetString(4), r.GetInt64(5),
        r.GetString(6))
    {
        DefinitionVersion = r.IsDBNull(7) ? null : r.GetString(7),
    };
}
