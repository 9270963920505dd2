using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Malekort.Capture;
using Malekort.DataQuality;
using Malekort.Explanation;
using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Population;
using Malekort.Thresholds;
using Malekort.Units;

namespace Malekort.Storage;

/// <summary>Reading what the engine and the scorecard need: engine rows per batch, reference data, and the backfill of older stores.</summary>
public abstract partial class SqlStore
{
    /// <inheritdoc />
    public StoredState Load() => Load(new WorkingSetBuilder(), null)!.State;

    /// <inheritdoc />
    public KeptLoad? Load(WorkingSetBuilder builder, KeptBatches? kept)
    {
        ArgumentNullException.ThrowIfNull(builder);
        using var connection = Open();
        using var transaction = BeginSnapshot(connection);
        var version = Scalar(connection, transaction, "SELECT version FROM data_version WHERE id = 1");
        if (kept is not null && !StillHolds(connection, transaction, kept, version))
        {
            transaction.Commit();
            return null;
        }
        var after = kept?.NewestId ?? 0;
        var (newest, added) = AddBatches(connection, transaction, builder, after);
        var newestHash = newest == after ? kept?.NewestHash : ScalarText(connection, transaction, "SELECT content_hash FROM batches WHERE id = @p0", newest);

        var reference = ReadReference(connection, transaction);
        var manual = ReadManualValues(connection, transaction);
        var choices = ReadIndicatorChoices(connection, transaction, null);
        var own = ReadOwnIndicators(connection, transaction, null);
        var versions = InForce(ReadNationalVersionChanges(connection, transaction));
        transaction.Commit();

        var state = new StoredState(builder.Build(), reference.Population, reference.Offices, reference.Thresholds, reference.Targets)
        {
            ManualValues = manual,
            IndicatorChoices = choices,
            OwnIndicators = own,
            NationalVersions = versions,
        };
        return new KeptLoad(state, new KeptBatches(newest, (kept?.Count ?? 0) + added, newestHash, version));
    }

    /// <summary>
    /// Whether the batches a kept working set holds are still, unchanged, every batch up to its newest: batches are never
    /// deleted or changed, so only these can make the kept set wrong, and each makes a whole load instead.
    /// <list type="bullet">
    /// <item>The data version went backwards: a backup was restored over the database (<c>malekort restore</c>, or
    /// <c>pg_restore</c> by hand).</item>
    /// <item>The newest kept batch is gone or holds other content, or the count of batches up to it differs: a restore, or
    /// another database; or, on PostgreSQL, whose writers lock per unit, a batch that committed after one with a higher id
    /// (the kept set read past it). Adding it now would order it after the newer one, unlike a whole load, which reads by id.</item>
    /// <item>The newest kept batch's engine rows are stamped with other rules: <see cref="RebuildBatchRows"/> (at migrate time,
    /// by a program of other rules) made every batch's rows again. A rebuild under the same rules makes the same rows (they are a
    /// function of the stored facts and <c>people.id</c>), so it leaves the kept set right.</item>
    /// </list>
    /// </summary>
    private static bool StillHolds(DbConnection connection, DbTransaction transaction, KeptBatches kept, long version)
    {
        if (version < kept.DataVersion) return false;
        if (Scalar(connection, transaction, "SELECT COUNT(*) FROM batches WHERE id <= @p0", kept.NewestId) != kept.Count) return false;
        if (kept.NewestId == 0) return true;
        return ScalarText(connection, transaction, "SELECT content_hash FROM batches WHERE id = @p0", kept.NewestId) == kept.NewestHash
            && ScalarText(connection, transaction, "SELECT rules_version FROM batch_rows WHERE batch_id = @p0", kept.NewestId) == BatchRows.RulesVersion;
    }

    private static string? ScalarText(DbConnection connection, DbTransaction transaction, string sql, params object[] parameters)
    {
        string? text = null;
        Read(connection, transaction, sql, r => text = r.GetString(0), parameters);
        return text;
    }

    /// <inheritdoc />
    public ReferenceData LoadReference()
    {
        using var connection = Open();
        // One snapshot: an office register replaced between the offices and office_units reads would not match itself.
        using var transaction = BeginSnapshot(connection);
        var reference = ReadReference(connection, transaction);
        transaction.Commit();
        return reference;
    }

    private static ReferenceData ReadReference(DbConnection connection, DbTransaction transaction)
    {
        var population = new List<PopulationFigure>();
        Read(connection, transaction, "SELECT unit, year, aged_18_66, aged_18_24, total, source FROM population", r =>
            population.Add(new PopulationFigure(UnitCode.Parse(r.GetString(0)), (int)r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetString(5))));
        var officeNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var officeUnits = new Dictionary<string, List<UnitCode>>(StringComparer.Ordinal);
        Read(connection, transaction, "SELECT office_number, name FROM offices", r =>
        {
            officeNames[r.GetString(0)] = r.GetString(1);
            officeUnits[r.GetString(0)] = [];
        });
        Read(connection, transaction, "SELECT office_number, unit FROM office_units ORDER BY unit", r =>
            officeUnits[r.GetString(0)].Add(UnitCode.Parse(r.GetString(1))));
        var thresholds = new List<Threshold>();
        Read(connection, transaction, "SELECT unit, indicator, direction, green, red, set_by FROM thresholds", r =>
            thresholds.Add(new Threshold(UnitCode.Parse(r.GetString(0)), r.GetString(1), Enum.Parse<Direction>(r.GetString(2)),
                decimal.Parse(r.GetString(3), Invariant), decimal.Parse(r.GetString(4), Invariant), r.GetString(5))));
        var targets = new List<Target>();
        Read(connection, transaction, "SELECT unit, indicator, month, value FROM targets", r =>
            targets.Add(new Target(UnitCode.Parse(r.GetString(0)), r.GetString(1), Month.Parse(r.GetString(2)), decimal.Parse(r.GetString(3), Invariant))));

        return new ReferenceData(
            new PopulationTable(population),
            new OfficeRegister(officeNames.Select(o => new Office(o.Key, o.Value, officeUnits[o.Key]))),
            // Sorted here, not in SQL: the order must not depend on the database's collation.
            new ThresholdTable(thresholds.OrderBy(t => t.Unit.Value, StringComparer.Ordinal).ThenBy(t => t.Indicator, StringComparer.Ordinal)),
            [.. targets.OrderBy(t => t.Unit.Value, StringComparer.Ordinal).ThenBy(t => t.Indicator, StringComparer.Ordinal).ThenBy(t => t.Month)]);
    }

    /// <inheritdoc />
    public long LoadBatches(WorkingSetBuilder builder, long afterBatchId)
    {
        using var connection = Open();
        using var transaction = BeginSnapshot(connection);
        var (newest, _) = AddBatches(connection, transaction, builder, afterBatchId);
        transaction.Commit();
        return newest;
    }

    /// <summary>Adds the batches after <paramref name="afterBatchId"/> in id order; returns the newest id read and how many.</summary>
    private static (long Newest, int Added) AddBatches(DbConnection connection, DbTransaction transaction, WorkingSetBuilder builder, long afterBatchId)
    {
        var headers = BatchHeaders(connection, transaction, afterBatchId);
        // Where each batch came from, so an explained count can name the batch and the delivered file of each record.
        var sources = new Dictionary<long, string>();
        Read(connection, transaction, "SELECT b.id, l.source FROM batches b JOIN import_log l ON l.id = b.import_id WHERE b.id > @p0",
            r => sources[r.GetInt64(0)] = r.GetString(1), afterBatchId);
        var (newest, added) = (afterBatchId, 0);
        Read(connection, transaction, "SELECT batch_id, data FROM batch_rows WHERE batch_id > @p0 ORDER BY batch_id", r =>
        {
            newest = r.GetInt64(0);
            added++;
            builder.Add(headers[newest], BatchRows.Decode(r.GetFieldValue<byte[]>(1)), new BatchOrigin(newest, sources[newest]));
        }, afterBatchId);
        return (newest, added);
    }

    private static Dictionary<long, BatchHeader> BatchHeaders(DbConnection connection, DbTransaction? transaction, long afterBatchId = 0)
    {
        var headers = new Dictionary<long, BatchHeader>();
        Read(connection, transaction,
            "SELECT id, format, source_system, unit, period_from, period_to, extracted_at, domains, supersession_key FROM batches WHERE id > @p0", r =>
            headers[r.GetInt64(0)] = new BatchHeader(r.GetString(1), r.GetString(2), UnitCode.Parse(r.GetString(3)),
                CalendarDates.FromInt(r.GetInt64(4)), CalendarDates.FromInt(r.GetInt64(5)),
                DateTimeOffset.Parse(r.GetString(6), Invariant, DateTimeStyles.RoundtripKind), (CaptureDomains)r.GetInt64(7),
                r.IsDBNull(8) ? null : r.GetString(8)), afterBatchId);
        return headers;
    }

    /// <summary>
    /// batch_rows is a cache of today's rules (<see cref="BatchRows.RulesVersion"/>): a batch whose rows are missing (stored
    /// before migration 0004) or were made under other rules gets them again from the readable tables, and the data version
    /// moves so every computed number is made again. The tables are read whole: which rows count is the rules' to say
    /// (<see cref="BatchRows.From"/>), not the SQL's. Person keys are the stored <c>people.id</c>.
    /// </summary>
    private void RebuildBatchRows(DbConnection connection)
    {
        var missing = new HashSet<long>();
        Read(connection, null, "SELECT id FROM batches WHERE id NOT IN (SELECT batch_id FROM batch_rows WHERE rules_version = @p0)",
            r => missing.Add(r.GetInt64(0)), BatchRows.RulesVersion);
        if (missing.Count == 0) return;
        using var transaction = connection.BeginTransaction();
        var headers = BatchHeaders(connection, transaction);
        var stored = missing.ToDictionary(id => id, id => new StoredRecords(headers[id]));
        void Each(string sql, Action<StoredRecords, DbDataReader> add) =>
            Read(connection, transaction, sql, r =>
            {
                if (stored.TryGetValue(r.GetInt64(0), out var records)) add(records, r);
            });
        string Key(DbDataReader r, int i) => r.GetInt64(i).ToString(Invariant);
        Each("SELECT batch_id, person_id, birth_date FROM persons", (b, r) =>
            b.Persons.Add(new PersonRecord(Key(r, 1), CalendarDates.FromInt(r.GetInt64(2)), null)));
        Each("SELECT batch_id, person_id, payment_date, period_from, period_to, category, status FROM payments", (b, r) =>
            b.Payments.Add(new PaymentRecord("", Key(r, 1), "", CaptureCodes.ValueOf(CaptureCodes.BenefitCategories, r.GetString(5)), 0,
                CaptureCodes.ValueOf(CaptureCodes.PaymentStatuses, r.GetString(6)), Date(r, 2), Date(r, 3), Date(r, 4), null)));
        Each("SELECT batch_id, person_id, valid_from, valid_to, source FROM livelihood", (b, r) =>
            b.Livelihood.Add(new LivelihoodRecord(Key(r, 1), CalendarDates.FromInt(r.GetInt64(2)), Date(r, 3), (int)r.GetInt64(4))));
        Each("SELECT batch_id, person_id, member_birth_date, calculation_percent, provider_duty, in_household, valid_from, valid_to, approximate, " +
             "relation FROM family", (b, r) =>
            b.Family.Add(new FamilyRecord(Key(r, 1), "", CaptureCodes.ValueOf(CaptureCodes.FamilyRelations, r.GetString(9)), Date(r, 2), Int(r, 3), Bool(r, 4), Bool(r, 5),
                Date(r, 6), Date(r, 7), r.GetInt64(8) != 0)));
        Each("SELECT batch_id, received_date, approved_date, category FROM cases", (b, r) =>
            b.Cases.Add(new CaseRecord("", "", "", CaptureCodes.ValueOf(CaptureCodes.BenefitCategories, r.GetString(3)), Date(r, 1), Date(r, 2))));
        Each("SELECT batch_id, person_id, registered_date, decision_date, start_date, end_date, situation_after FROM kvp", (b, r) =>
            b.Kvp.Add(new KvpRecord(Key(r, 1), Date(r, 2), Date(r, 3), CalendarDates.FromInt(r.GetInt64(4)), Date(r, 5), null, Codes(r, 6))));
        Each("SELECT batch_id, person_id, registered_from, registered_to, grp FROM jobseekers", (b, r) =>
            b.Jobseekers.Add(new JobseekerRecord(Key(r, 1), CaptureCodes.ValueOf(CaptureCodes.JobseekerGroups, r.GetString(4)),
                CalendarDates.FromInt(r.GetInt64(2)), Date(r, 3))));
        Each("SELECT batch_id, person_id, followup_date FROM followups", (b, r) =>
            b.Followups.Add(new FollowupRecord(Key(r, 1), CalendarDates.FromInt(r.GetInt64(2)))));
        Each("SELECT batch_id, person_id, decided_date, valid_from, valid_to, codes FROM conditions", (b, r) =>
            b.Conditions.Add(new ConditionRecord(Key(r, 1), CalendarDates.FromInt(r.GetInt64(2)), CalendarDates.FromInt(r.GetInt64(3)),
                CalendarDates.FromInt(r.GetInt64(4)), Codes(r, 5))));
        Each("SELECT batch_id, person_id, decided_date, grounds FROM activity_exemptions", (b, r) =>
            b.Exemptions.Add(new ExemptionRecord(Key(r, 1), CalendarDates.FromInt(r.GetInt64(2)), Codes(r, 3))));
        Each("SELECT batch_id, person_id, sanction_year, sanction_date, kind FROM sanctions", (b, r) =>
            b.Sanctions.Add(new SanctionRecord(Key(r, 1), (int)r.GetInt64(2), Date(r, 3), r.GetString(4))));
        foreach (var (id, records) in stored)
        {
            Execute(connection, transaction, "DELETE FROM batch_rows WHERE batch_id = @p0", id);
            InsertBatchRows(connection, transaction, id, BatchRows.From(records.ToBatch(), key => long.Parse(key, Invariant)));
        }
        BumpVersion(connection, transaction);
        transaction.Commit();
    }

    /// <summary>Caches a batch's engine rows, stamped with the rules they were made under.</summary>
    private static void InsertBatchRows(DbConnection connection, DbTransaction transaction, long batchId, BatchRows rows) =>
        Execute(connection, transaction, "INSERT INTO batch_rows (batch_id, data, rules_version) VALUES (@p0, @p1, @p2)",
            batchId, rows.Encode(), BatchRows.RulesVersion);

    /// <summary>A column of codes separated by '|', as the readable tables store them.</summary>
    private static string[] Codes(DbDataReader r, int i) => r.GetString(i).Split('|', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>What the engine reads of one stored batch, gathered from the readable tables.</summary>
    private sealed class StoredRecords(BatchHeader header)
    {
        public List<PersonRecord> Persons { get; } = [];
        public List<PaymentRecord> Payments { get; } = [];
        public List<LivelihoodRecord> Livelihood { get; } = [];
        public List<FamilyRecord> Family { get; } = [];
        public List<CaseRecord> Cases { get; } = [];
        public List<KvpRecord> Kvp { get; } = [];
        public List<JobseekerRecord> Jobseekers { get; } = [];
        public List<FollowupRecord> Followups { get; } = [];
        public List<ConditionRecord> Conditions { get; } = [];
        public List<ExemptionRecord> Exemptions { get; } = [];
        public List<SanctionRecord> Sanctions { get; } = [];

        public CaptureBatch ToBatch() =>
            new(header, "", Persons, [], Payments, Livelihood, Family, [], Cases, Kvp, Jobseekers, Followups)
            {
                Conditions = Conditions,
                Exemptions = Exemptions,
                Sanctions = Sanctions,
            };
    }
}
