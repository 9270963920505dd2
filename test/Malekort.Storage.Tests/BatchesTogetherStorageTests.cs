using System.Data.Common;
using System.Globalization;
using Malekort.Capture;
using Malekort.DataQuality;
using Malekort.Periods;
using Malekort.Testing;

namespace Malekort.Storage;

/// <summary>
/// <see cref="IMalekortStore.SaveBatches"/>, the fast path the import pipeline takes for batches that are ready together, against
/// the plain one (<see cref="IMalekortStore.SaveBatch"/> per batch): the same facts, the same log, the same numbers.
/// </summary>
public sealed class BatchesTogetherStorageTests
{
    private static readonly DateTimeOffset Now = new(2024, 7, 3, 9, 30, 0, TimeSpan.FromHours(2));
    private static readonly MonthRange Months = new(new Month(2023, 1), new Month(2024, 6));

    // Units interleaved, so people are numbered in another order together than one by one; one batch has findings.
    private static CaptureBatch[] Batches() =>
    [
        SeededBatches.Make("3107", seed: 11),
        SeededBatches.Make("3103", seed: 12),
        SeededBatches.Make("3107", seed: 13, extractedAt: new DateTimeOffset(2024, 7, 3, 5, 0, 0, TimeSpan.Zero)),
        SeededBatches.Make("030101", seed: 14),
        SeededBatches.Make("3107", seed: 15, people: 3, extractedAt: new DateTimeOffset(2024, 7, 3, 6, 0, 0, TimeSpan.Zero), supersessionKey: "søknad-3"),
    ];

    private static ImportLogEntry Entry(CaptureBatch batch, int i) => i == 1
        ? SeededBatches.LogEntry(batch, Now.AddMinutes(i), new Finding(Severity.Warning, "payments.csv", 7, "amount", "Beløpet er høyt.", "regel-1"))
        : SeededBatches.LogEntry(batch, Now.AddMinutes(i));

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void Batches_stored_together_hold_the_same_facts_log_and_numbers_as_the_same_batches_stored_one_by_one(string kind)
    {
        var batches = Batches();
        using var apart = TestDatabases.Create(kind);
        using var together = TestDatabases.Create(kind);

        var one = batches.Select((b, i) => apart.Store.SaveBatch(b, Entry(b, i))).ToList();
        var all = together.Store.SaveBatches([.. batches.Select((b, i) => (b, Entry(b, i)))]);

        Assert.Equal(one, all);
        Assert.All(all, o => Assert.Equal(ImportOutcome.Imported, o));
        Assert.Equal(DatabaseContents.Of(apart).Where(c => !c.StartsWith("data_version", StringComparison.Ordinal)),
            DatabaseContents.Of(together).Where(c => !c.StartsWith("data_version", StringComparison.Ordinal)));
        foreach (var table in Facts)
        {
            Assert.Equal(Rows(apart, table), Rows(together, table));
        }
        Assert.Equal(apart.Store.ImportLog().Select(Shown), together.Store.ImportLog().Select(Shown));
        var nonZero = IndicatorComparison.AssertSame(IndicatorComparison.Compute(apart.Store.Load().WorkingSet, Months),
            IndicatorComparison.Compute(together.Store.Load().WorkingSet, Months));
        Assert.True(nonZero > 1000, $"only {nonZero} values above zero: the batches exercise too little");
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void Content_already_stored_or_given_twice_in_one_call_is_already_imported_and_the_rest_lands(string kind)
    {
        using var db = TestDatabases.Create(kind);
        var batches = Batches();
        db.Store.SaveBatch(batches[0], Entry(batches[0], 0));
        var version = db.Store.DataVersion();

        var outcomes = db.Store.SaveBatches([(batches[0], Entry(batches[0], 5)), (batches[1], Entry(batches[1], 6)), (batches[1], Entry(batches[1], 7) with { Source = "kopi" })]);

        Assert.Equal([ImportOutcome.AlreadyImported, ImportOutcome.Imported, ImportOutcome.AlreadyImported], outcomes);
        Assert.Equal(2, db.Count("batches"));
        Assert.Equal(["leveranse-3103", "leveranse-3107"], db.Store.ImportLog().Select(e => e.Source));
        Assert.Equal(version + 1, db.Store.DataVersion());
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void Batches_all_stored_already_change_nothing(string kind)
    {
        using var db = TestDatabases.Create(kind);
        var batches = Batches();
        foreach (var (b, i) in batches.Select((b, i) => (b, i))) db.Store.SaveBatch(b, Entry(b, i));
        var before = DatabaseContents.Of(db);

        var outcomes = db.Store.SaveBatches([.. batches.Select((b, i) => (b, Entry(b, i + 10)))]);

        Assert.All(outcomes, o => Assert.Equal(ImportOutcome.AlreadyImported, o));
        Assert.Equal(before, DatabaseContents.Of(db));
    }

    /// <summary>The readable tables, whose rows name their batch and person by stored ids.</summary>
    private static readonly string[] Facts =
    [
        "persons", "code_lists", "payments", "livelihood", "family", "cases", "kvp", "jobseekers", "followups", "conditions",
        "activity_exemptions", "sanctions", "import_findings",
    ];

    private static string Shown(ImportLogEntry e) => string.Create(CultureInfo.InvariantCulture,
        $"{e.Source} {e.Format} {e.ImportedAt:O} {e.Outcome} {e.Unit} {e.PeriodFrom} {e.PeriodTo} {e.ContentHash} {string.Join(',', e.Counts.OrderBy(c => c.Key, StringComparer.Ordinal))} {string.Join('|', e.Findings)}");

    /// <summary>
    /// Every row of a table, the ids of batches and people replaced by what they stand for (content hash, person key and unit):
    /// ids are numbered in the order keys are first stored, which is no fact.
    /// </summary>
    private static List<string> Rows(TestDatabase db, string table)
    {
        using var connection = db.OpenConnection();
        var batches = Map(connection, "SELECT id, content_hash FROM batches");
        var imports = Map(connection, "SELECT l.id, b.content_hash FROM import_log l JOIN batches b ON b.import_id = l.id");
        var people = Map(connection, "SELECT id, unit || '/' || person_key FROM people");
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table}";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            var cells = new List<string>();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var value = reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!;
                cells.Add(reader.GetName(i) switch
                {
                    "batch_id" => batches[value],
                    "person_id" => people[value],
                    "import_id" => imports[value],
                    var name => $"{name}={value}",
                });
            }
            rows.Add(string.Join(" ", cells));
        }
        rows.Sort(StringComparer.Ordinal);
        Assert.NotEmpty(rows);
        return rows;
    }

    private static Dictionary<string, string> Map(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read()) map[Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!] = reader.GetString(1);
        return map;
    }
}
