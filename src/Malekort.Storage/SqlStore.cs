using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Malekort.Capture;
using Malekort.DataQuality;
using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Population;
using Malekort.Thresholds;
using Malekort.Units;

namespace Malekort.Storage;

/// <summary>
/// The storage logic both databases share: the SQL here runs unchanged on SQLite and PostgreSQL. A dialect supplies
/// connections, its key type and its fastest bulk load.
/// </summary>
public abstract partial class SqlStore(TimeProvider clock) : IMalekortStore
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <inheritdoc />
    public abstract string Description { get; }

    /// <summary>The auto-numbered primary key column type.</summary>
    private protected abstract string IdColumn { get; }

    /// <summary>The binary column type.</summary>
    private protected abstract string BlobColumn { get; }

    /// <summary>
    /// The statements that make <paramref name="table"/> append-only: every UPDATE and DELETE (and TRUNCATE, where there is
    /// one) is refused by the database itself, whoever sends it.
    /// </summary>
    private protected abstract string AppendOnlySql(string table);

    /// <summary>The statements that remove the foreign keys of <paramref name="table"/>'s <c>batch_id</c> and <c>person_id</c>.</summary>
    private protected abstract string DropReferencesSql(string table);

    /// <summary>Opens a connection, ready to use.</summary>
    private protected abstract DbConnection Open();

    /// <summary>A bulk writer for the table's columns inside the transaction.</summary>
    private protected abstract RowWriter BeginRows(DbConnection connection, DbTransaction transaction, string table, params string[] columns);

    /// <summary>Readies a fresh connection for writing a whole batch, before its transaction begins.</summary>
    private protected virtual void PrepareBulkLoad(DbConnection connection)
    {
    }

    /// <summary>Serialises writers per unit where the database needs it; SQLite serialises every writer anyway.</summary>
    private protected virtual void LockUnit(DbConnection connection, DbTransaction transaction, UnitCode unit)
    {
    }

    /// <summary>The isolation of a batch import; SQLite's serializable takes the write lock up front.</summary>
    private protected virtual IsolationLevel BatchIsolation => IsolationLevel.Serializable;

    /// <summary>
    /// A read-only transaction that sees one committed state throughout, and never waits for a writer nor holds one up.
    /// </summary>
    private protected virtual DbTransaction BeginSnapshot(DbConnection connection) => connection.BeginTransaction(IsolationLevel.RepeatableRead);

    /// <summary>Keeps two processes from migrating at once where the database needs it; released on dispose.</summary>
    private protected virtual IDisposable? LockSchema(DbConnection connection) => null;

    /// <inheritdoc />
    public void Migrate()
    {
        using var connection = Open();
        using var schemaLock = LockSchema(connection);
        Migrator.Apply(connection, IdColumn, BlobColumn, AppendOnlySql, DropReferencesSql, clock);
        RebuildBatchRows(connection);
    }

    /// <summary>Applies the migrations up to <paramref name="version"/> only, as an older program left its database (tests).</summary>
    internal void MigrateTo(int version)
    {
        using var connection = Open();
        using var schemaLock = LockSchema(connection);
        Migrator.Apply(connection, IdColumn, BlobColumn, AppendOnlySql, DropReferencesSql, clock, version);
    }

    /// <inheritdoc />
    public ImportOutcome SaveBatch(CaptureBatch batch, ImportLogEntry entry) => SaveBatches([(batch, entry)])[0];

    /// <inheritdoc />
    public IReadOnlyList<ImportOutcome> SaveBatches(IReadOnlyList<(CaptureBatch Batch, ImportLogEntry Entry)> batches)
    {
        ArgumentNullException.ThrowIfNull(batches);
        if (batches.Count == 0) return [];
        using var connection = Open();
        PrepareBulkLoad(connection);
        using var transaction = connection.BeginTransaction(BatchIsolation);
        // Always in the same order, so two writers of overlapping sets of units cannot each hold a lock the other waits for.
        var units = batches.Select(b => b.Batch.Header.Unit).Distinct().OrderBy(u => u.Value, StringComparer.Ordinal).ToList();
        var known = LockUnitsAndFindHashes(connection, transaction, units,
            [.. batches.Select(b => b.Batch.ContentHash).Distinct(StringComparer.Ordinal)]);
        var outcomes = new ImportOutcome[batches.Count];
        var landing = new List<(CaptureBatch Batch, ImportLogEntry Entry)>(batches.Count);
        for (var i = 0; i < batches.Count; i++)
        {
            var (batch, entry) = batches[i];
            // The same content twice in one call lands once, as it would in two calls.
            if (!known.Add(batch.ContentHash))
            {
                outcomes[i] = ImportOutcome.AlreadyImported;
                continue;
            }
            landing.Add((batch, entry with { Outcome = ImportOutcome.Imported }));
            outcomes[i] = ImportOutcome.Imported;
        }
        if (landing.Count == 0)
        {
            transaction.Rollback();
            return outcomes;
        }
        var (people, newPeople) = PersonIds(connection, transaction, landing.Select(f => f.Batch));
        // Every id this call creates is taken up front, so the log, the batches and the people go in by bulk writer like the
        // rest, with no statement (on PostgreSQL no round trip) per batch or per unit.
        var ids = ReserveIds(connection, transaction, [("import_log", landing.Count), ("batches", landing.Count), ("people", newPeople.Count)]);
        var fresh = new List<(CaptureBatch Batch, long Id)>(landing.Count);
        for (var i = 0; i < landing.Count; i++) fresh.Add((landing[i].Batch, ids[1][i]));
        WriteLogs(connection, transaction, [.. landing.Select((l, i) => (l.Entry, ids[0][i]))]);
        WriteBatches(connection, transaction, landing, ids[0], ids[1]);
        WritePeople(connection, transaction, newPeople, ids[2], people);
        WriteRecords(connection, transaction, fresh, people);
        WriteConditions(connection, transaction, fresh, people);
        using (var rows = BeginRows(connection, transaction, "batch_rows", "batch_id", "data", "rules_version"))
        {
            foreach (var (batch, batchId) in fresh)
            {
                var unitIds = people[batch.Header.Unit];
                rows.Add(batchId); rows.Add(BatchRows.From(batch, key => unitIds[key]).Encode()); rows.Add(BatchRows.RulesVersion); rows.EndRow();
            }
            rows.Complete();
        }
        BumpVersion(connection, transaction);
        transaction.Commit();
        return outcomes;
    }

    /// <summary>
    /// Takes the import lock of each of <paramref name="units"/> (given in order) and then finds those of
    /// <paramref name="hashes"/> a stored batch already has; PostgreSQL sends both in one round trip.
    /// </summary>
    private protected virtual HashSet<string> LockUnitsAndFindHashes(DbConnection connection, DbTransaction transaction,
        IReadOnlyList<UnitCode> units, IReadOnlyList<string> hashes)
    {
        foreach (var unit in units) LockUnit(connection, transaction, unit);
        var found = new HashSet<string>(StringComparer.Ordinal);
        using var command = Command(connection, transaction, StoredHashesSql(hashes.Count), [.. hashes]);
        using var reader = command.ExecuteReader();
        while (reader.Read()) found.Add(reader.GetString(0));
        return found;
    }

    /// <summary>The statement that reads which of <paramref name="count"/> hashes (<c>@p0</c> …) a stored batch has.</summary>
    private protected static string StoredHashesSql(int count) =>
        $"SELECT content_hash FROM batches WHERE content_hash IN ({string.Join(", ", Enumerable.Range(0, count).Select(i => "@p" + i.ToString(Invariant)))})";

    /// <summary>
    /// <paramref name="counts"/> new ids of each named table (whose key is <c>id</c>), in increasing order, for rows this
    /// transaction writes with their ids given. Nothing else may take ids of these tables meanwhile: the caller holds the
    /// write lock (SQLite) or draws them from the table's own sequence (PostgreSQL).
    /// </summary>
    private protected abstract long[][] ReserveIds(DbConnection connection, DbTransaction transaction, IReadOnlyList<(string Table, int Count)> counts);

    /// <summary>The import log entries with their reserved ids, and their findings, each table through one bulk writer.</summary>
    private void WriteLogs(DbConnection connection, DbTransaction transaction, IReadOnlyList<(ImportLogEntry Entry, long Id)> entries)
    {
        using (var rows = BeginRows(connection, transaction, "import_log", "id", "source", "format", "imported_at", "outcome", "unit", "period_from",
                   "period_to", "content_hash", "counts"))
        {
            foreach (var (entry, id) in entries)
            {
                rows.Add(id); rows.Add(entry.Source); rows.Add(entry.Format); rows.Add(entry.ImportedAt.ToString("O", Invariant));
                rows.Add(entry.Outcome.ToString()); rows.AddNullable(entry.Unit?.Value); rows.Add(CalendarDates.ToInt(entry.PeriodFrom));
                rows.Add(CalendarDates.ToInt(entry.PeriodTo)); rows.Add(entry.ContentHash); rows.Add(JsonSerializer.Serialize(entry.Counts));
                rows.EndRow();
            }
            rows.Complete();
        }
        // Most imports have no findings: no bulk load to set up (on PostgreSQL, a COPY and its round trips saved).
        if (entries.All(e => e.Entry.Findings.Count == 0)) return;
        using var findings = BeginFindings(connection, transaction);
        foreach (var (entry, id) in entries) AddFindings(findings, id, entry.Findings);
        findings.Complete();
    }

    private void WriteBatches(DbConnection connection, DbTransaction transaction, List<(CaptureBatch Batch, ImportLogEntry Entry)> landing,
        long[] importIds, long[] batchIds)
    {
        using var rows = BeginRows(connection, transaction, "batches", "id", "import_id", "content_hash", "format", "source_system", "unit",
            "period_from", "period_to", "extracted_at", "domains", "supersession_key");
        for (var i = 0; i < landing.Count; i++)
        {
            var batch = landing[i].Batch;
            var h = batch.Header;
            rows.Add(batchIds[i]); rows.Add(importIds[i]); rows.Add(batch.ContentHash); rows.Add(h.Format); rows.Add(h.SourceSystem); rows.Add(h.Unit.Value);
            rows.Add(CalendarDates.ToInt(h.PeriodFrom)); rows.Add(CalendarDates.ToInt(h.PeriodTo)); rows.Add(h.ExtractedAt.ToString("O", Invariant));
            rows.Add((long)h.Domains); rows.AddNullable(h.SupersessionKey);
            rows.EndRow();
        }
        rows.Complete();
    }

    /// <summary>Numbers the people new to their unit with the reserved ids and writes them.</summary>
    private void WritePeople(DbConnection connection, DbTransaction transaction, List<(UnitCode Unit, string Key)> newPeople, long[] ids,
        Dictionary<UnitCode, Dictionary<string, long>> people)
    {
        if (newPeople.Count == 0) return;
        using var rows = BeginRows(connection, transaction, "people", "id", "unit", "person_key");
        for (var i = 0; i < newPeople.Count; i++)
        {
            var (unit, key) = newPeople[i];
            rows.Add(ids[i]); rows.Add(unit.Value); rows.Add(key); rows.EndRow();
            people[unit][key] = ids[i];
        }
        rows.Complete();
    }

    /// <summary>
    /// The ids the units already have for those of <paramref name="keysOf"/>' keys they know, per unit. Each dialect has its own
    /// fast look-up by key; reading the units' people instead would make an import cost more as their history grows.
    /// </summary>
    private protected abstract Dictionary<UnitCode, Dictionary<string, long>> FindPeople(DbConnection connection, DbTransaction transaction,
        IReadOnlyDictionary<UnitCode, HashSet<string>> keysOf);

    /// <summary>
    /// The people ids of every person key the batches name, per unit, and the keys new to their unit (in the order they are
    /// first named), which still need an id.
    /// </summary>
    private (Dictionary<UnitCode, Dictionary<string, long>> People, List<(UnitCode Unit, string Key)> New) PersonIds(DbConnection connection,
        DbTransaction transaction, IEnumerable<CaptureBatch> batches)
    {
        var keysOf = new Dictionary<UnitCode, HashSet<string>>();
        foreach (var batch in batches)
        {
            if (!keysOf.TryGetValue(batch.Header.Unit, out var keys)) keysOf[batch.Header.Unit] = keys = new HashSet<string>(StringComparer.Ordinal);
            foreach (var p in batch.Persons) keys.Add(p.PersonKey);
            foreach (var p in batch.Payments) keys.Add(p.PersonKey);
            foreach (var p in batch.Livelihood) keys.Add(p.PersonKey);
            foreach (var p in batch.Family) keys.Add(p.PersonKey);
            foreach (var p in batch.Cases) keys.Add(p.PersonKey);
            foreach (var p in batch.Kvp) keys.Add(p.PersonKey);
            foreach (var p in batch.Jobseekers) keys.Add(p.PersonKey);
            foreach (var p in batch.Followups) keys.Add(p.PersonKey);
            foreach (var p in batch.Conditions) keys.Add(p.PersonKey);
            foreach (var p in batch.Exemptions) keys.Add(p.PersonKey);
            foreach (var p in batch.Sanctions) keys.Add(p.PersonKey);
        }
        // Only these batches' keys are looked up: a unit's import must not cost more as its history grows.
        var people = FindPeople(connection, transaction, keysOf);
        var missing = new List<(UnitCode Unit, string Key)>();
        foreach (var (unit, keys) in keysOf)
        {
            if (!people.TryGetValue(unit, out var ids)) people[unit] = ids = new Dictionary<string, long>(keys.Count, StringComparer.Ordinal);
            foreach (var key in keys)
            {
                if (!ids.ContainsKey(key)) missing.Add((unit, key));
            }
        }
        return (people, missing);
    }

    /// <summary>
    /// Writes one readable table's rows of every batch through one bulk writer (one COPY on PostgreSQL), and none at all for a
    /// table no batch has rows for. <paramref name="columns"/> follow <c>batch_id</c>; <paramref name="write"/> adds them.
    /// </summary>
    private void WriteTable<T>(DbConnection c, DbTransaction t, List<(CaptureBatch Batch, long Id)> fresh, Func<CaptureBatch, IReadOnlyList<T>> records,
        string table, string[] columns, Action<RowWriter, T, Dictionary<string, long>> write,
        Dictionary<UnitCode, Dictionary<string, long>> people)
    {
        if (fresh.All(f => records(f.Batch).Count == 0)) return;
        using var rows = BeginRows(c, t, table, ["batch_id", .. columns]);
        foreach (var (batch, batchId) in fresh)
        {
            var ids = people[batch.Header.Unit];
            foreach (var record in records(batch))
            {
                rows.Add(batchId);
                write(rows, record, ids);
                rows.EndRow();
            }
        }
        rows.Complete();
    }

    private void WriteRecords(DbConnection c, DbTransaction t, List<(CaptureBatch Batch, long Id)> fresh,
        Dictionary<UnitCode, Dictionary<string, long>> people)
    {
        WriteTable(c, t, fresh, b => b.Persons, "persons", ["person_id", "birth_date", "sex"], (rows, p, ids) =>
        {
            rows.Add(ids[p.PersonKey]); rows.Add(CalendarDates.ToInt(p.BirthDate)); rows.Add((int?)p.Sex);
        }, people);
        WriteTable<(string List, CodeListEntry Entry)>(c, t, fresh,
            b => [.. b.BenefitTypes.Select(e => ("benefit_type", e)), .. b.CaseTypes.Select(e => ("case_type", e))], "code_lists",
            ["list", "code", "name", "category"], (rows, l, _) =>
            {
                var (list, e) = l;
                rows.Add(list); rows.Add(e.Code); rows.Add(e.Name); rows.Add(CaptureCodes.TextOf(e.Category));
            }, people);
        WriteTable(c, t, fresh, b => b.Payments, "payments", ["payment_id", "person_id", "benefit_type", "category", "amount_ore", "status",
            "payment_date", "period_from", "period_to", "case_id"], (rows, p, ids) =>
            {
                rows.Add(p.PaymentId); rows.Add(ids[p.PersonKey]); rows.Add(p.BenefitType); rows.Add(CaptureCodes.TextOf(p.Category));
                rows.Add(checked((long)decimal.Round(p.Amount * 100m))); rows.Add(CaptureCodes.TextOf(p.Status));
                rows.Add(CalendarDates.ToInt(p.PaymentDate)); rows.Add(CalendarDates.ToInt(p.PeriodFrom)); rows.Add(CalendarDates.ToInt(p.PeriodTo));
                rows.AddNullable(p.CaseId);
            }, people);
        WriteTable(c, t, fresh, b => b.Livelihood, "livelihood", ["person_id", "valid_from", "valid_to", "source"], (rows, l, ids) =>
        {
            rows.Add(ids[l.PersonKey]); rows.Add(CalendarDates.ToInt(l.ValidFrom)); rows.Add(CalendarDates.ToInt(l.ValidTo)); rows.Add(l.Source);
        }, people);
        WriteTable(c, t, fresh, b => b.Family, "family", ["person_id", "member_id", "relation", "member_birth_date", "calculation_percent",
            "provider_duty", "in_household", "valid_from", "valid_to", "approximate"], (rows, f, ids) =>
            {
                rows.Add(ids[f.PersonKey]); rows.Add(f.MemberId); rows.Add(CaptureCodes.TextOf(f.Relation));
                rows.Add(CalendarDates.ToInt(f.MemberBirthDate)); rows.Add(f.CalculationPercent); rows.Add(f.ProviderDuty); rows.Add(f.InHousehold);
                rows.Add(CalendarDates.ToInt(f.ValidFrom)); rows.Add(CalendarDates.ToInt(f.ValidTo)); rows.Add(f.Approximate ? 1L : 0L);
            }, people);
        WriteTable(c, t, fresh, b => b.Cases, "cases", ["case_id", "person_id", "case_type", "category", "received_date", "approved_date"], (rows, k, ids) =>
        {
            rows.Add(k.CaseId); rows.Add(ids[k.PersonKey]); rows.Add(k.CaseType); rows.Add(CaptureCodes.TextOf(k.Category));
            rows.Add(CalendarDates.ToInt(k.ReceivedDate)); rows.Add(CalendarDates.ToInt(k.ApprovedDate));
        }, people);
        WriteTable(c, t, fresh, b => b.Kvp, "kvp", ["person_id", "registered_date", "decision_date", "start_date", "end_date", "status", "situation_after"],
            (rows, k, ids) =>
            {
                rows.Add(ids[k.PersonKey]); rows.Add(CalendarDates.ToInt(k.RegisteredDate)); rows.Add(CalendarDates.ToInt(k.DecisionDate));
                rows.Add(CalendarDates.ToInt(k.StartDate)); rows.Add(CalendarDates.ToInt(k.EndDate)); rows.Add(k.Status);
                rows.Add(string.Join('|', k.SituationAfter));
            }, people);
        WriteTable(c, t, fresh, b => b.Jobseekers, "jobseekers", ["person_id", "grp", "registered_from", "registered_to"], (rows, j, ids) =>
        {
            rows.Add(ids[j.PersonKey]); rows.Add(CaptureCodes.TextOf(j.Group)); rows.Add(CalendarDates.ToInt(j.RegisteredFrom));
            rows.Add(CalendarDates.ToInt(j.RegisteredTo));
        }, people);
        WriteTable(c, t, fresh, b => b.Followups, "followups", ["person_id", "followup_date"], (rows, f, ids) =>
        {
            rows.Add(ids[f.PersonKey]); rows.Add(CalendarDates.ToInt(f.Date));
        }, people);
    }

    /// <inheritdoc />
    public ImportOutcome SavePopulation(IReadOnlyList<PopulationFigure> figures, ImportLogEntry entry)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        var importId = InsertLog(connection, transaction, entry with { Outcome = ImportOutcome.Imported });
        foreach (var f in figures)
        {
            Execute(connection, transaction,
                "INSERT INTO population (unit, year, aged_18_66, aged_18_24, total, source, import_id) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6) " +
                "ON CONFLICT (unit, year) DO UPDATE SET aged_18_66 = excluded.aged_18_66, aged_18_24 = excluded.aged_18_24, " +
                "total = excluded.total, source = excluded.source, import_id = excluded.import_id",
                f.Unit.Value, f.Year, f.Aged18To66, f.Aged18To24, f.Total, f.Source, importId);
        }
        BumpVersion(connection, transaction);
        transaction.Commit();
        return ImportOutcome.Imported;
    }

    /// <inheritdoc />
    public ImportOutcome SaveOffices(IReadOnlyList<Office> offices, ImportLogEntry entry)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        InsertLog(connection, transaction, entry with { Outcome = ImportOutcome.Imported });
        Execute(connection, transaction, "DELETE FROM office_units");
        Execute(connection, transaction, "DELETE FROM offices");
        foreach (var office in offices)
        {
            Execute(connection, transaction, "INSERT INTO offices (office_number, name) VALUES (@p0, @p1)", office.Number, office.Name);
            foreach (var unit in office.Units)
                Execute(connection, transaction, "INSERT INTO office_units (unit, office_number) VALUES (@p0, @p1)", unit.Value, office.Number);
        }
        BumpVersion(connection, transaction);
        transaction.Commit();
        return ImportOutcome.Imported;
    }

    /// <inheritdoc />
    public void LogRejected(ImportLogEntry entry)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        // No new data version: a rejected input changes no figure, and a new version makes a server recompute the whole
        // scorecard (at national size 15 s and twice the memory) once per rejection. The log pages read the store directly.
        InsertLog(connection, transaction, entry with { Outcome = ImportOutcome.Rejected });
        transaction.Commit();
    }

    /// <inheritdoc />
    public long DataVersion()
    {
        using var connection = Open();
        return Scalar(connection, null, "SELECT version FROM data_version WHERE id = 1");
    }

    /// <inheritdoc />
    public IReadOnlyList<ImportLogEntry> ImportLog()
    {
        using var connection = Open();
        var findings = new Dictionary<long, List<Finding>>();
        Read(connection, null, "SELECT import_id, severity, file, line, col, message, rule, count FROM import_findings ORDER BY import_id, line, seq", r =>
        {
            if (!findings.TryGetValue(r.GetInt64(0), out var list)) findings[r.GetInt64(0)] = list = [];
            list.Add(FindingRow(r, 1));
        });
        var entries = new List<ImportLogEntry>();
        Read(connection, null,
            "SELECT id, source, format, imported_at, outcome, unit, period_from, period_to, content_hash, counts FROM import_log ORDER BY id DESC",
            r => entries.Add(ImportLogRow(r, findings.GetValueOrDefault(r.GetInt64(0)) ?? [])));
        return entries;
    }

    private static ImportLogEntry ImportLogRow(DbDataReader r, IReadOnlyList<Finding> findings) => new(
        r.GetString(1), r.GetString(2), DateTimeOffset.Parse(r.GetString(3), Invariant, DateTimeStyles.RoundtripKind),
        Enum.Parse<ImportOutcome>(r.GetString(4)), r.IsDBNull(5) ? null : UnitCode.Parse(r.GetString(5)), Date(r, 6), Date(r, 7),
        r.GetString(8), JsonSerializer.Deserialize<Dictionary<string, int>>(r.GetString(9)) ?? [], findings)
    {
        Id = r.GetInt64(0),
    };

    /// <summary>A finding from its columns severity, file, line, col, message, rule, count, starting at <paramref name="at"/>.</summary>
    private static Finding FindingRow(DbDataReader r, int at) =>
        new(Enum.Parse<Severity>(r.GetString(at)), r.GetString(at + 1), (int)r.GetInt64(at + 2), r.GetString(at + 3), r.GetString(at + 4),
            r.GetString(at + 5))
        {
            Count = (int)r.GetInt64(at + 6),
        };

    // An import log entry's columns and the sum of its findings' counts, for pages of the log that leave the findings out.
    private const string ImportSummaryColumns = "l.id, l.source, l.format, l.imported_at, l.outcome, l.unit, l.period_from, l.period_to, " +
        "l.content_hash, l.counts, (SELECT COALESCE(SUM(f.count), 0) FROM import_findings f WHERE f.import_id = l.id)";

    /// <inheritdoc />
    public (IReadOnlyList<ImportLogEntry> Entries, long Total) ImportLogPage(int offset, int limit, IReadOnlyCollection<UnitCode>? units = null)
    {
        using var connection = Open();
        var unitValues = units?.Select(u => (object?)u.Value).ToArray() ?? [];
        // The units go in as parameters @p2, @p3 …; none given means every entry.
        var where = units is null ? "" : " WHERE l.unit IS NULL" + (unitValues.Length == 0 ? "" :
            " OR l.unit IN (" + string.Join(", ", unitValues.Select((_, i) => "@p" + (i + 2).ToString(Invariant))) + ")");
        var total = Scalar(connection, null, $"SELECT COUNT(*) FROM import_log l{where}", [null, null, .. unitValues]);
        var entries = new List<ImportLogEntry>();
        Read(connection, null,
            $"SELECT {ImportSummaryColumns} FROM import_log l{where} ORDER BY l.id DESC LIMIT @p0 OFFSET @p1",
            r => entries.Add(ImportLogRow(r, []) with { FindingsCount = r.GetInt64(10) }), [Math.Max(0, limit), Math.Max(0, offset), .. unitValues]);
        return (entries, total);
    }

    /// <inheritdoc />
    public ImportLogEntry? ImportEntry(long importId)
    {
        using var connection = Open();
        ImportLogEntry? entry = null;
        Read(connection, null,
            $"SELECT {ImportSummaryColumns} FROM import_log l WHERE l.id = @p0",
            r => entry = ImportLogRow(r, []) with { FindingsCount = r.GetInt64(10) }, importId);
        return entry;
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<long, IReadOnlyList<Finding>> FirstFindings(IReadOnlyCollection<long> importIds, int each)
    {
        ArgumentNullException.ThrowIfNull(importIds);
        var found = new Dictionary<long, List<(Finding Finding, long Seq)>>();
        if (importIds.Count == 0 || each <= 0) return new Dictionary<long, IReadOnlyList<Finding>>();
        using var connection = Open();
        // One statement for a page of imports, not one (and a count) per import: each part reads its import's first findings
        // off the (import_id, line, seq) index and stops, however many findings the import has.
        var parts = importIds.Select((_, i) =>
            "SELECT * FROM (SELECT f.import_id, f.severity, f.file, f.line, f.col, f.message, f.rule, f.count, f.seq FROM import_findings f " +
            $"WHERE f.import_id = @p{(i + 1).ToString(Invariant)} ORDER BY f.line, f.seq LIMIT @p0) AS i{(i + 1).ToString(Invariant)}");
        Read(connection, null, string.Join(" UNION ALL ", parts), r =>
        {
            var id = r.GetInt64(0);
            if (!found.TryGetValue(id, out var list)) found[id] = list = [];
            list.Add((FindingRow(r, 1), r.IsDBNull(8) ? 0 : r.GetInt64(8)));
        }, [each, .. importIds.Select(i => (object?)i)]);
        // UNION ALL keeps no order of its own: each import's findings are put back in (line, seq) order here.
        return found.ToDictionary(e => e.Key,
            e => (IReadOnlyList<Finding>)[.. e.Value.OrderBy(f => f.Finding.Line).ThenBy(f => f.Seq).Select(f => f.Finding)]);
    }

    /// <inheritdoc />
    public (IReadOnlyList<Finding> Findings, long Lines) ImportFindings(long importId, int offset, int limit)
    {
        using var connection = Open();
        var findings = new List<Finding>();
        Read(connection, null, "SELECT severity, file, line, col, message, rule, count FROM import_findings WHERE import_id = @p0 " +
            "ORDER BY line, seq LIMIT @p1 OFFSET @p2", r => findings.Add(FindingRow(r, 0)), importId, Math.Max(0, limit), Math.Max(0, offset));
        return (findings, Scalar(connection, null, "SELECT COUNT(*) FROM import_findings WHERE import_id = @p0", importId));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the dialect's resources.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }

    private long InsertLog(DbConnection connection, DbTransaction transaction, ImportLogEntry entry)
    {
        var id = Scalar(connection, transaction,
            "INSERT INTO import_log (source, format, imported_at, outcome, unit, period_from, period_to, content_hash, counts) " +
            "VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8) RETURNING id",
            entry.Source, entry.Format, entry.ImportedAt.ToString("O", Invariant), entry.Outcome.ToString(), entry.Unit?.Value,
            CalendarDates.ToInt(entry.PeriodFrom), CalendarDates.ToInt(entry.PeriodTo), entry.ContentHash,
            JsonSerializer.Serialize(entry.Counts));
        // Most imports have no findings: no bulk load to set up (on PostgreSQL, a COPY and its round trips saved).
        if (entry.Findings.Count == 0) return id;
        using var rows = BeginFindings(connection, transaction);
        AddFindings(rows, id, entry.Findings);
        rows.Complete();
        return id;
    }

    private RowWriter BeginFindings(DbConnection connection, DbTransaction transaction) =>
        BeginRows(connection, transaction, "import_findings", "import_id", "seq", "severity", "file", "line", "col", "rule", "message", "count");

    private static void AddFindings(RowWriter rows, long importId, IReadOnlyList<Finding> findings)
    {
        for (var i = 0; i < findings.Count; i++)
        {
            var f = findings[i];
            rows.Add(importId); rows.Add(i); rows.Add(f.Severity.ToString()); rows.Add(f.File); rows.Add(f.Line); rows.Add(f.Column); rows.Add(f.Rule);
            rows.Add(f.Message); rows.Add(f.Count); rows.EndRow();
        }
    }

    private static void BumpVersion(DbConnection connection, DbTransaction transaction) =>
        Execute(connection, transaction, "UPDATE data_version SET version = version + 1 WHERE id = 1");

    private static DateOnly? Date(DbDataReader r, int i) => r.IsDBNull(i) ? null : CalendarDates.FromInt(r.GetInt64(i));

    private static int? Int(DbDataReader r, int i) => r.IsDBNull(i) ? null : (int)r.GetInt64(i);

    private static bool? Bool(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt64(i) != 0;

    private protected static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params object?[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < parameters.Length; i++)
        {
            var p = command.CreateParameter();
            p.ParameterName = "@p" + i.ToString(Invariant);
            p.Value = parameters[i] ?? DBNull.Value;
            command.Parameters.Add(p);
        }
        return command;
    }

    private protected static void Execute(DbConnection connection, DbTransaction? transaction, string sql, params object?[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        command.ExecuteNonQuery();
    }

    private protected static long Scalar(DbConnection connection, DbTransaction? transaction, string sql, params object?[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return Convert.ToInt64(command.ExecuteScalar(), Invariant);
    }

    private static void Read(DbConnection connection, DbTransaction? transaction, string sql, Action<DbDataReader> row,
        params object?[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        using var reader = command.ExecuteReader();
        while (reader.Read()) row(reader);
    }
}
