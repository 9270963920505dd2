using Malekort.Capture;
using Malekort.Periods;
using Malekort.Testing;

namespace Malekort.Storage;

/// <summary>
/// Migration 0023: the readable tables' references to batches and people are declared no more on PostgreSQL, where checking
/// them was most of an import's time; a database an older program left keeps every row and goes on taking batches.
/// </summary>
public sealed class FactReferencesMigrationTests
{
    private static readonly DateTimeOffset Now = new(2024, 7, 3, 9, 30, 0, TimeSpan.Zero);
    private static readonly MonthRange Months = new(new Month(2023, 1), new Month(2024, 6));

    private static readonly string[] FactTables =
    [
        "persons", "code_lists", "payments", "livelihood", "family", "cases", "kvp", "jobseekers", "followups", "conditions",
        "activity_exemptions", "sanctions",
    ];

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void A_store_from_before_0023_keeps_its_rows_and_after_it_stores_batches_as_a_new_store_does(string kind)
    {
        using var db = TestDatabases.CreateEmpty(kind, new FixedClock(Now));
        var store = (SqlStore)db.Store;
        store.MigrateTo(22);
        var older = SeededBatches.Make("3107", seed: 21);
        var newer = SeededBatches.Make("3107", seed: 22, extractedAt: Now.AddHours(-1));
        Assert.Equal(ImportOutcome.Imported, store.SaveBatch(older, SeededBatches.LogEntry(older, Now)));
        var declared = References(db);
        var contents = Contents(db);

        store.Migrate();

        Assert.Equal(23, declared.Count);
        Assert.Equal(kind == TestDatabases.Sqlite ? declared : [], References(db));
        Assert.Equal(contents, Contents(db));
        Assert.Equal(ImportOutcome.Imported, store.SaveBatch(newer, SeededBatches.LogEntry(newer, Now.AddMinutes(1))));
        using var fresh = TestDatabases.Create(kind);
        fresh.Store.SaveBatches([(older, SeededBatches.LogEntry(older, Now)), (newer, SeededBatches.LogEntry(newer, Now.AddMinutes(1)))]);
        Assert.Equal(Contents(fresh).Where(c => !c.StartsWith("data_version", StringComparison.Ordinal)),
            Contents(db).Where(c => !c.StartsWith("data_version", StringComparison.Ordinal)));
        var nonZero = IndicatorComparison.AssertSame(IndicatorComparison.Compute(fresh.Store.Load().WorkingSet, Months),
            IndicatorComparison.Compute(db.Store.Load().WorkingSet, Months));
        Assert.True(nonZero > 100, $"only {nonZero} values above zero: the batches exercise too little");
    }

    /// <summary>The row counts of every table but the migrations' own.</summary>
    private static List<string> Contents(TestDatabase db) =>
        [.. DatabaseContents.Of(db).Where(c => !c.StartsWith("schema_migrations", StringComparison.Ordinal))];

    /// <summary>The fact tables' declared references, as <c>table.column</c>.</summary>
    private static List<string> References(TestDatabase db)
    {
        using var connection = db.OpenConnection();
        using var command = connection.CreateCommand();
        var tables = string.Join(", ", FactTables.Select(t => $"'{t}'"));
        command.CommandText = db.Kind == TestDatabases.Sqlite
            ? $"SELECT m.name || '.' || f.\"from\" FROM sqlite_master m, pragma_foreign_key_list(m.name) f WHERE m.name IN ({tables})"
            : "SELECT k.table_name || '.' || k.column_name FROM information_schema.table_constraints c JOIN information_schema.key_column_usage k " +
              "ON k.constraint_name = c.constraint_name AND k.table_schema = c.table_schema " +
              $"WHERE c.constraint_type = 'FOREIGN KEY' AND c.table_schema = current_schema() AND c.table_name IN ({tables})";
        using var reader = command.ExecuteReader();
        var found = new List<string>();
        while (reader.Read()) found.Add(reader.GetString(0));
        found.Sort(StringComparer.Ordinal);
        return found;
    }
}
