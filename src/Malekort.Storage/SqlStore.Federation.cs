using System.Data.Common;
using System.Globalization;
using Malekort.Federation;
using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Units;

namespace Malekort.Storage;

/// <summary>Federation's tables (migration 0012), in the same SQL on both databases.</summary>
public abstract partial class SqlStore
{
    private const string CentralRole = "sentral";

    private const string DeliveryColumns =
        "d.office, d.month, d.revision, d.source, d.content_hash, d.published_at, d.received_at, d.definition_version";

    /// <inheritdoc />
    public InstanceRole InstanceRole()
    {
        using var connection = Open();
        var central = Scalar(connection, null, "SELECT COUNT(*) FROM instance_role WHERE id = 1 AND role = @p0", CentralRole) > 0;
        return central ? Storage.InstanceRole.Central : Storage.InstanceRole.Local;
    }

    /// <inheritdoc />
    public void BecomeCentral()
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction(BatchIsolation);
        if (Scalar(connection, transaction, "SELECT COUNT(*) FROM batches") > 0)
            throw new InvalidOperationException(
                "Databasen har persondata (innleste uttrekk) og kan ikke brukes av en sentral instans, som bare tar imot aggregater. " +
                "Gi den sentrale instansen en egen database.");
        Execute(connection, transaction,
            "INSERT INTO instance_role (id, role, set_at) VALUES (1, @p0, @p1) ON CONFLICT (id) DO NOTHING",
            CentralRole, clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        transaction.Commit();
    }

    /// <inheritdoc />
    public ReceiveResult SaveAggregates(AggregateDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        using var connection = Open();
        using var transaction = connection.BeginTransaction(BatchIsolation);
        // The office's own lock: two deliveries of the same revision (a retry racing the first) cannot both insert it.
        LockUnit(connection, transaction, delivery.Office);
        AggregateDeliveryHeader? stored = null;
        Read(connection, transaction,
            $"SELECT {DeliveryColumns} FROM aggregate_deliveries d WHERE d.office = @p0 AND d.month = @p1 AND d.revision = @p2",
            r => stored = DeliveryRow(r), delivery.Office.Value, delivery.Month.ToString(), delivery.Revision);
        if (stored is not null)
        {
            transaction.Rollback();
            var same = string.Equals(stored.ContentHash, delivery.ContentHash, StringComparison.Ordinal);
            return new ReceiveResult(same ? ReceiveOutcome.AlreadyStored : ReceiveOutcome.Conflict, stored);
        }
        Insert(connection, transaction, delivery);
        BumpVersion(connection, transaction);
        transaction.Commit();
        return new ReceiveResult(ReceiveOutcome.Stored, delivery.Header);
    }

    private void Insert(DbConnection connection, DbTransaction transaction, AggregateDelivery delivery)
    {
        var id = Scalar(connection, transaction,
            "INSERT INTO aggregate_deliveries (office, month, revision, source, content_hash, published_at, received_at, definition_version) " +
            "VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7) RETURNING id",
            delivery.Office.Value, delivery.Month.ToString(), delivery.Revision, SourceText(delivery.Source), delivery.ContentHash,
            delivery.PublishedAt.ToString("O", CultureInfo.InvariantCulture), delivery.ReceivedAt.ToString("O", CultureInfo.InvariantCulture),
            delivery.DefinitionVersion);
        using (var rows = BeginRows(connection, transaction, "aggregate_values",
                   "delivery_id", "unit", "indicator", "numerator", "denominator", "notes", "units_included", "units_total"))
        {
            foreach (var v in delivery.Values)
            {
                rows.Add(id); rows.Add(v.Unit.Value); rows.Add(v.Indicator); rows.Add(v.Numerator); rows.Add(v.Denominator);
                rows.Add(NoteNames.Of(v.Notes)); rows.Add(v.UnitsIncluded); rows.Add(v.UnitsTotal); rows.EndRow();
            }
            rows.Complete();
        }
    }

    /// <inheritdoc />
    public ImportOutcome SaveKostraAggregates(IReadOnlyList<AggregateDelivery> deliveries, ImportLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        ArgumentNullException.ThrowIfNull(entry);
        using var connection = Open();
        using var transaction = connection.BeginTransaction(BatchIsolation);
        var stored = 0;
        foreach (var delivery in deliveries)
        {
            if (delivery.Source != AggregateSource.Kostra) throw new ArgumentException("Bare KOSTRA-aggregater lagres her.", nameof(deliveries));
            // A municipality's month from KOSTRA is its own "office" here (its code), numbered by revision like a delivery: the
            // same numbers again change nothing, other numbers are the next revision, which replaces the one before.
            string? newestHash = null;
            var newest = 0;
            Read(connection, transaction,
                "SELECT d.revision, d.content_hash FROM aggregate_deliveries d WHERE d.office = @p0 AND d.month = @p1 AND d.source = 'kostra' " +
                "ORDER BY d.revision DESC LIMIT 1",
                r => (newest, newestHash) = ((int)r.GetInt64(0), r.GetString(1)), delivery.Office.Value, delivery.Month.ToString());
            if (string.Equals(newestHash, delivery.ContentHash, StringComparison.Ordinal)) continue;
            Insert(connection, transaction, delivery with { Revision = newest + 1 });
            stored++;
        }
        if (stored == 0)
        {
            transaction.Rollback();
            return ImportOutcome.AlreadyImported;
        }
        InsertLog(connection, transaction, entry with { Outcome = ImportOutcome.Imported });
        BumpVersion(connection, transaction);
        transaction.Commit();
        return ImportOutcome.Imported;
    }

    /// <inheritdoc />
    public IReadOnlyList<AggregateDeliveryHeader> AggregateDeliveries()
    {
        using var connection = Open();
        var headers = new List<AggregateDeliveryHeader>();
        Read(connection, null, $"SELECT {DeliveryColumns} FROM aggregate_deliveries d ORDER BY d.id", r => headers.Add(DeliveryRow(r)));
        return headers;
    }

    /// <inheritdoc />
    public IReadOnlyList<AggregateRow>? DeliveredValues(UnitCode office, Month month, int revision)
    {
        var rows = RevisionRows("aggregate_deliveries", "SELECT unit, indicator, numerator, denominator, notes, units_included, units_total " +
            "FROM aggregate_values WHERE delivery_id = @p0", office, month, revision,
            r => new AggregateRow(UnitCode.Parse(r.GetString(0)), r.GetString(1), r.IsDBNull(2) ? null : r.GetInt64(2),
                r.IsDBNull(3) ? null : r.GetInt64(3), NoteNames.Parse(r.GetString(4)), (int)r.GetInt64(5), (int)r.GetInt64(6)));
        // Sorted here, not in SQL: the order must not depend on the database's collation.
        return rows is null ? null : [.. rows.OrderBy(v => v.Unit.Value, StringComparer.Ordinal).ThenBy(v => v.Indicator, StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public IReadOnlyList<DeliveredValue> AggregatesInForce()
    {
        using var connection = Open();
        var values = new List<DeliveredValue>();
        // A municipality an office delivered from its own Målekort for the month takes those numbers: a KOSTRA figure for it
        // that month is kept (a fact) but never used, whichever came first (docs/federation.md, "Mixed sources").
        Read(connection, null,
            "SELECT v.unit, d.month, v.indicator, v.numerator, v.denominator, v.notes, d.source FROM aggregate_values v " +
            "JOIN aggregate_deliveries d ON d.id = v.delivery_id " +
            "WHERE d.revision = (SELECT MAX(x.revision) FROM aggregate_deliveries x WHERE x.office = d.office AND x.month = d.month " +
            "AND x.source = d.source) " +
            "AND NOT (d.source = 'kostra' AND EXISTS (SELECT 1 FROM aggregate_deliveries l JOIN aggregate_values lv ON lv.delivery_id = l.id " +
            "WHERE l.source = 'lokal' AND l.month = d.month AND lv.unit = v.unit))",
            r =>
            {
                var unit = UnitCode.Parse(r.GetString(0));
                if (!unit.IsCaptureUnit) return;
                var notes = NoteNames.Parse(r.GetString(5)) | (r.GetString(6) == "kostra" ? ValueNotes.Kostra : ValueNotes.None);
                values.Add(new DeliveredValue(unit, Month.Parse(r.GetString(1)), r.GetString(2), r.IsDBNull(3) ? null : r.GetInt64(3),
                    r.IsDBNull(4) ? null : r.GetInt64(4), notes));
            });
        return values;
    }

    /// <inheritdoc />
    public void SetDeliveryKey(UnitCode office, string keyHash, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(keyHash);
        using var connection = Open();
        Execute(connection, null,
            "INSERT INTO delivery_keys (office, key_hash, created_at) VALUES (@p0, @p1, @p2) " +
            "ON CONFLICT (office) DO UPDATE SET key_hash = excluded.key_hash, created_at = excluded.created_at",
            office.Value, keyHash, createdAt.ToString("O", CultureInfo.InvariantCulture));
    }

    /// <inheritdoc />
    public UnitCode? DeliveryKeyOffice(string keyHash)
    {
        ArgumentNullException.ThrowIfNull(keyHash);
        using var connection = Open();
        UnitCode? office = null;
        Read(connection, null, "SELECT office FROM delivery_keys WHERE key_hash = @p0", r => office = UnitCode.Parse(r.GetString(0)), keyHash);
        return office;
    }

    /// <inheritdoc />
    public IReadOnlyList<(UnitCode Office, DateTimeOffset CreatedAt)> DeliveryKeys()
    {
        using var connection = Open();
        var keys = new List<(UnitCode, DateTimeOffset)>();
        Read(connection, null, "SELECT office, created_at FROM delivery_keys", r => keys.Add((UnitCode.Parse(r.GetString(0)),
            DateTimeOffset.Parse(r.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind))));
        return [.. keys.OrderBy(k => k.Item1.Value, StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public IReadOnlyList<PublicationHeader> Undelivered(string central)
    {
        ArgumentNullException.ThrowIfNull(central);
        using var connection = Open();
        var headers = new List<PublicationHeader>();
        Read(connection, null,
            $"SELECT {PublicationColumns} FROM publications p " +
            "WHERE p.revision = (SELECT MAX(x.revision) FROM publications x WHERE x.office = p.office AND x.month = p.month) " +
            "AND NOT EXISTS (SELECT 1 FROM aggregate_receipts r WHERE r.central = @p0 AND r.office = p.office AND r.month = p.month " +
            "AND r.revision = p.revision) " +
            "AND NOT EXISTS (SELECT 1 FROM aggregate_refusals f WHERE f.central = @p0 AND f.office = p.office AND f.month = p.month " +
            "AND f.revision = p.revision) ORDER BY p.id",
            r => headers.Add(PublicationRow(r)), central);
        return headers;
    }

    /// <inheritdoc />
    public void RecordReceipt(string central, PublicationHeader revision, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(central);
        ArgumentNullException.ThrowIfNull(revision);
        using var connection = Open();
        Execute(connection, null,
            "INSERT INTO aggregate_receipts (central, office, month, revision, content_hash, delivered_at) VALUES (@p0, @p1, @p2, @p3, @p4, @p5) " +
            "ON CONFLICT (central, office, month, revision) DO NOTHING",
            central, revision.Office.Value, revision.Month.ToString(), revision.Revision, revision.Fingerprint,
            at.ToString("O", CultureInfo.InvariantCulture));
    }

    /// <inheritdoc />
    public void RecordRefusal(string central, PublicationHeader revision, int status, string reason, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(central);
        ArgumentNullException.ThrowIfNull(revision);
        ArgumentNullException.ThrowIfNull(reason);
        using var connection = Open();
        Execute(connection, null,
            "INSERT INTO aggregate_refusals (central, office, month, revision, status, reason, refused_at) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6) " +
            "ON CONFLICT (central, office, month, revision) DO NOTHING",
            central, revision.Office.Value, revision.Month.ToString(), revision.Revision, status, reason,
            at.ToString("O", CultureInfo.InvariantCulture));
    }

    /// <inheritdoc />
    public IReadOnlyList<DeliveryRefusal> DeliveryRefusals()
    {
        using var connection = Open();
        var refusals = new List<DeliveryRefusal>();
        // Only a refusal of the revision in force still waits for someone: a newer revision is delivered on its own.
        Read(connection, null,
            "SELECT f.central, f.office, f.month, f.revision, f.status, f.reason, f.refused_at FROM aggregate_refusals f " +
            "WHERE f.revision = (SELECT MAX(x.revision) FROM publications x WHERE x.office = f.office AND x.month = f.month)",
            r => refusals.Add(new DeliveryRefusal(r.GetString(0), UnitCode.Parse(r.GetString(1)), Month.Parse(r.GetString(2)), (int)r.GetInt64(3),
                (int)r.GetInt64(4), r.GetString(5), DateTimeOffset.Parse(r.GetString(6), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind))));
        return [.. refusals.OrderBy(f => f.Office.Value, StringComparer.Ordinal).ThenBy(f => f.Month)];
    }

    private static string SourceText(AggregateSource source) => source == AggregateSource.Kostra ? "kostra" : "lokal";

    private static AggregateDeliveryHeader DeliveryRow(DbDataReader r) => new(
        UnitCode.Parse(r.GetString(0)), Month.Parse(r.GetString(1)), (int)r.GetInt64(2),
        r.GetString(3) == "kostra" ? AggregateSource.Kostra : AggregateSource.Local, r.GetString(4),
        DateTimeOffset.Parse(r.GetString(5), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
        DateTimeOffset.Parse(r.GetString(6), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind), r.GetString(7));
}
