using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Testing;
using Malekort.Units;

namespace Malekort.Storage;

/// <summary>The engine's compact rows cached beside the readable tables (migration 0004), stamped with their rules (0016).</summary>
public sealed class BatchRowsStorageTests
{
    private static readonly DateTimeOffset Now = new(2024, 7, 3, 9, 30, 0, TimeSpan.FromHours(2));
    private static readonly MonthRange Months = new(new Month(2023, 1), new Month(2024, 6));

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void Every_stored_batch_has_its_engine_rows(string kind)
    {
        using var db = TestDatabases.Create(kind);
        var batch = SeededBatches.Make("3107", seed: 11);

        Save(db, batch);

        Assert.Equal(db.Count("batches"), db.Count("batch_rows"));
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void Batches_stored_before_the_engine_rows_existed_get_them_from_the_tables_when_the_store_migrates(string kind)
    {
        using var db = TestDatabases.Create(kind);
        var batches = new[] { SeededBatches.Make("3107", seed: 12), SeededBatches.Make("030101", seed: 13) };
        Save(db, batches);
        using (var connection = db.OpenConnection())
        using (var delete = connection.CreateCommand())
        {
            delete.CommandText = "DELETE FROM batch_rows";
            delete.ExecuteNonQuery();
        }
        Assert.Equal(0, db.Count("batch_rows"));

        using var reopened = db.OpenStore();
        reopened.Migrate();

        Assert.Equal(2, db.Count("batch_rows"));
        AssertSameAndNotEmpty(IndicatorComparison.Compute(Months, batches),
            IndicatorComparison.Compute(reopened.Load().WorkingSet, Months));
    }

    /// <summary>
    /// batch_rows is a cache of the rules (issue 11 item 1): rows made under another rules version (here: nothing kept at all,
    /// as a stricter rule might have) are made again from the readable tables when the store migrates, the numbers are the
    /// rules' of today, and the data version moves so nothing computed from the stale rows is shown again.
    /// </summary>
    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void Engine_rows_cached_under_other_rules_are_made_again_from_the_tables_when_the_store_migrates(string kind)
    {
        using var db = TestDatabases.Create(kind);
        var batches = new[] { SeededBatches.Make("3107", seed: 14), SeededBatches.Make("030101", seed: 15) };
        Save(db, batches);
        MadeUnderEarlierRules(db);
        var stale = db.Store.DataVersion();

        using var reopened = db.OpenStore();
        reopened.Migrate();

        Assert.Equal(2, Stamps(db).Count(s => s == BatchRows.RulesVersion));
        Assert.True(reopened.DataVersion() > stale);
        AssertSameAndNotEmpty(IndicatorComparison.Compute(Months, batches),
            IndicatorComparison.Compute(reopened.Load().WorkingSet, Months));
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void Engine_rows_made_under_todays_rules_are_stamped_with_them_and_kept_when_the_store_migrates(string kind)
    {
        using var db = TestDatabases.Create(kind);
        var batch = SeededBatches.Make("3107", seed: 16);
        Save(db, batch);
        var version = db.Store.DataVersion();

        using var reopened = db.OpenStore();
        reopened.Migrate();

        Assert.Equal([BatchRows.RulesVersion], Stamps(db));
        Assert.Equal(version, reopened.DataVersion());
    }

    /// <summary>
    /// The done-when of issue 11: the rules change (their version moves), the cached rows of old batches are made again under
    /// them, and a published month's numbers (every definition version that applies in it) are exactly the frozen ones.
    /// </summary>
    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void A_published_months_numbers_are_unchanged_after_the_cached_rows_are_rebuilt_under_new_rules(string kind)
    {
        using var db = TestDatabases.Create(kind);
        var batch = SeededBatches.Make("3107", seed: 17);
        Save(db, batch);
        var month = Months.Last;
        var office = UnitCode.Parse("NAV-0106");
        var published = db.Store.Publish(new PublicationDraft(office, month, Now, "test", db.Store.DataVersion(),
            Frozen(IndicatorComparison.Compute(db.Store.Load().WorkingSet, Months), month))).Revision;
        MadeUnderEarlierRules(db);

        using var reopened = db.OpenStore();
        reopened.Migrate();

        Assert.Equal([BatchRows.RulesVersion], Stamps(db));
        var now = Frozen(IndicatorComparison.Compute(reopened.Load().WorkingSet, Months), month);
        Assert.Equal(reopened.PublishedValues(office, month, published.Revision)!.OrderBy(v => v.Indicator, StringComparer.Ordinal),
            now.OrderBy(v => v.Indicator, StringComparer.Ordinal));
        Assert.Equal(published.Fingerprint, PublicationFingerprint.Of(now));
        Assert.Contains(now, v => v.Indicator == "B.102" && v.Numerator > 0);
    }

    private static void Save(TestDatabase db, params Capture.CaptureBatch[] batches)
    {
        foreach (var batch in batches) db.Store.SaveBatch(batch, SeededBatches.LogEntry(batch, Now));
    }

    /// <summary>Equal everywhere, and about something: more than 100 values that are not zero.</summary>
    private static void AssertSameAndNotEmpty(IndicatorResults expected, IndicatorResults actual) =>
        Assert.True(IndicatorComparison.AssertSame(expected, actual) > 100);

    private static List<PublishedValue> Frozen(IndicatorResults results, Month month)
    {
        var unit = UnitCode.Parse("3107");
        return
        [
            .. IndicatorCatalog.All.Where(d => d.AppliesIn(month)).Select(d =>
            {
                var v = results.Get(unit, month, d.Code);
                return new PublishedValue(unit, d.Code, v.Numerator, v.Denominator, v.Value);
            }),
        ];
    }

    /// <summary>Every cached row as an earlier rules version might have left it: stamped with that version, keeping nothing.</summary>
    private static void MadeUnderEarlierRules(TestDatabase db)
    {
        var nothing = SeededBatches.Make("3107", seed: 0) with
        {
            Persons = [], Payments = [], Livelihood = [], Family = [], Cases = [], Kvp = [], Jobseekers = [], Followups = [],
        };
        using var connection = db.OpenConnection();
        using var update = connection.CreateCommand();
        update.CommandText = "UPDATE batch_rows SET rules_version = 'rows 2, rules 0', data = @data";
        var data = update.CreateParameter();
        data.ParameterName = "@data";
        data.Value = BatchRows.From(nothing, _ => 0).Encode();
        update.Parameters.Add(data);
        Assert.True(update.ExecuteNonQuery() > 0);
    }

    private static List<string> Stamps(TestDatabase db)
    {
        using var connection = db.OpenConnection();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT rules_version FROM batch_rows";
        using var reader = select.ExecuteReader();
        var stamps = new List<string>();
        while (reader.Read()) stamps.Add(reader.GetString(0));
        return stamps;
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void A_working_set_extended_with_new_batches_equals_one_loaded_whole(string kind)
    {
        using var db = TestDatabases.Create(kind);
        var first = new[] { SeededBatches.Make("3107", seed: 21), SeededBatches.Make("3103", seed: 22) };
        var later = new[]
        {
            SeededBatches.Make("3107", seed: 23, extractedAt: new DateTimeOffset(2024, 8, 1, 5, 0, 0, TimeSpan.Zero)),
            SeededBatches.Make("030101", seed: 24),
        };
        Save(db, first);
        var builder = new WorkingSetBuilder();
        var newest = db.Store.LoadBatches(builder, 0);
        var before = IndicatorComparison.Compute(builder.Build(), Months);

        Save(db, later);
        var extended = db.Store.LoadBatches(builder, newest);

        Assert.True(extended > newest);
        Assert.Equal(extended, db.Store.LoadBatches(new WorkingSetBuilder(), extended));
        AssertSameAndNotEmpty(IndicatorComparison.Compute(db.Store.Load().WorkingSet, Months),
            IndicatorComparison.Compute(builder.Build(), Months));
        Assert.NotEqual(before.Get(Units.UnitCode.Parse("3107"), Months.Last, "BL151"),
            IndicatorComparison.Compute(builder.Build(), Months).Get(Units.UnitCode.Parse("3107"), Months.Last, "BL151"));
    }
}
