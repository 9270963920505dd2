using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Testing;

namespace Malekort.Storage;

/// <summary>The engine's compact rows stored beside the readable tables (migration 0004).</summary>
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

        db.Store.SaveBatch(batch, SeededBatches.LogEntry(batch, Now));

        Assert.Equal(db.Count("batches"), db.Count("batch_rows"));
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void Batches_stored_before_the_engine_rows_existed_get_them_from_the_tables_when_the_store_migrates(string kind)
    {
        using var db = TestDatabases.Create(kind);
        var batches = new[] { SeededBatches.Make("3107", seed: 12), SeededBatches.Make("030101", seed: 13) };
        foreach (var batch in batches) db.Store.SaveBatch(batch, SeededBatches.LogEntry(batch, Now));
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
        var nonZero = IndicatorComparison.AssertSame(IndicatorComparison.Compute(Months, batches),
            IndicatorComparison.Compute(reopened.Load().WorkingSet, Months));
        Assert.True(nonZero > 100);
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
        foreach (var batch in first) db.Store.SaveBatch(batch, SeededBatches.LogEntry(batch, Now));
        var builder = new WorkingSetBuilder();
        var newest = db.Store.LoadBatches(builder, 0);
        var before = IndicatorComparison.Compute(builder.Build(), Months);

        foreach (var batch in later) db.Store.SaveBatch(batch, SeededBatches.LogEntry(batch, Now));
        var extended = db.Store.LoadBatches(builder, newest);

        Assert.True(extended > newest);
        Assert.Equal(extended, db.Store.LoadBatches(new WorkingSetBuilder(), extended));
        var nonZero = IndicatorComparison.AssertSame(IndicatorComparison.Compute(db.Store.Load().WorkingSet, Months),
            IndicatorComparison.Compute(builder.Build(), Months));
        Assert.True(nonZero > 100);
        Assert.NotEqual(before.Get(Units.UnitCode.Parse("3107"), Months.Last, "BL151"),
            IndicatorComparison.Compute(builder.Build(), Months).Get(Units.UnitCode.Parse("3107"), Months.Last, "BL151"));
    }
}
