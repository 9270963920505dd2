using Malekort.Capture;
using Malekort.Import.Capture;
using Malekort.Import.Pseudonyms;
using Malekort.Periods;
using Malekort.Testing;
using Malekort.Units;

namespace Malekort.Storage;

public sealed class BatchStorageTests
{
    private static readonly DateTimeOffset Now = new(2024, 7, 3, 9, 30, 0, TimeSpan.FromHours(2));
    private static readonly MonthRange Months = new(new Month(2023, 1), new Month(2024, 6));

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void Stored_batches_give_the_same_indicators_as_the_batches_themselves(string kind)
    {
        using var db = TestDatabases.Create(kind);
        // Two full extracts of one municipality (the later supersedes), another municipality, an Oslo district and a batch
        // that is the truth about one application only.
        CaptureBatch[] batches =
        [
            SeededBatches.Make("3107", seed: 1, extractedAt: new DateTimeOffset(2024, 7, 2, 5, 0, 0, TimeSpan.Zero)),
            SeededBatches.Make("3107", seed: 2, extractedAt: new DateTimeOffset(2024, 7, 1, 5, 0, 0, TimeSpan.FromHours(2))),
            SeededBatches.Make("3103", seed: 3),
            SeededBatches.Make("030101", seed: 4),
            SeededBatches.Make("3107", seed: 5, people: 3, extractedAt: new DateTimeOffset(2024, 7, 3, 5, 0, 0, TimeSpan.Zero), supersessionKey: "søknad-17"),
        ];

        foreach (var batch in batches) Assert.Equal(ImportOutcome.Imported, db.Store.SaveBatch(batch, SeededBatches.LogEntry(batch, Now)));
        var stored = db.Store.Load().WorkingSet;

        foreach (var unit in new[] { "3107", "3103", "030101" })
        {
            Assert.Equal(batches.Where(b => b.Header.Unit.Value == unit).Select(b => b.Header).OrderBy(h => h.ExtractedAt),
                stored.BatchesOf(UnitCode.Parse(unit)));
        }
        var nonZero = IndicatorComparison.AssertSame(IndicatorComparison.Compute(Months, batches), IndicatorComparison.Compute(stored, Months));
        Assert.True(nonZero > 1000, $"only {nonZero} values above zero: the batches exercise too little");
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void A_batch_read_by_the_capture_reader_gives_the_same_indicators_after_storing(string kind)
    {
        using var db = TestDatabases.Create(kind);
        var read = new CaptureReader(new Pseudonymizer(PseudonymKey.FromBytes(new byte[PseudonymKey.Length])), UnitRegister.Default)
            .Read(Path.Combine(AppContext.BaseDirectory, "Fixtures", "oracle-batch"));
        Assert.True(read.Accepted, string.Join('\n', read.Findings));
        var batch = read.Value!;

        db.Store.SaveBatch(batch, SeededBatches.LogEntry(batch, Now, [.. read.Findings]));

        var months = new MonthRange(new Month(2023, 4), new Month(2024, 3));
        var nonZero = IndicatorComparison.AssertSame(IndicatorComparison.Compute(months, batch),
            IndicatorComparison.Compute(db.Store.Load().WorkingSet, months));
        Assert.True(nonZero > 0);
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void The_same_content_a_second_time_is_already_imported_and_changes_nothing(string kind)
    {
        using var db = TestDatabases.Create(kind);
        var batch = SeededBatches.Make("3107", seed: 7);
        db.Store.SaveBatch(batch, SeededBatches.LogEntry(batch, Now));
        var before = DatabaseContents.Of(db);
        var version = db.Store.DataVersion();

        var outcome = db.Store.SaveBatch(batch, SeededBatches.LogEntry(batch, Now.AddDays(1)) with { Source = "kopi" });

        Assert.Equal(ImportOutcome.AlreadyImported, outcome);
        Assert.Equal(version, db.Store.DataVersion());
        Assert.Equal(before, DatabaseContents.Of(db));
        Assert.Equal(["leveranse-3107"], db.Store.ImportLog().Select(e => e.Source));
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite, "amount")]
    [InlineData(TestDatabases.Postgres, "amount")]
    [InlineData(TestDatabases.Sqlite, "name")]
    [InlineData(TestDatabases.Postgres, "name")]
    public void A_failure_in_the_middle_of_a_batch_leaves_the_database_exactly_as_it_was(string kind, string failure)
    {
        using var db = TestDatabases.Create(kind);
        var earlier = SeededBatches.Make("3107", seed: 8);
        db.Store.SaveBatch(earlier, SeededBatches.LogEntry(earlier, Now));
        var before = DatabaseContents.Of(db);
        var stateBefore = IndicatorComparison.Compute(db.Store.Load().WorkingSet, Months);
        var good = SeededBatches.Make("3107", seed: 9, people: 300);
        // Persons, people and code lists are written by the time the payments fail; kvp and the rest come after.
        var broken = failure == "amount"
            ? good with { Payments = [.. good.Payments.Take(200), good.Payments[200] with { Amount = 1e17m }, .. good.Payments.Skip(201)] }
            // A code without a name: PostgreSQL's NOT NULL refuses it when the COPY completes, SQLite's driver when the row is added.
            : good with { CaseTypes = [.. good.CaseTypes, new CodeListEntry("ANKE", null!, BenefitCategory.Annet)] };

        Assert.ThrowsAny<Exception>(() => db.Store.SaveBatch(broken, SeededBatches.LogEntry(broken, Now)));

        Assert.Equal(before, DatabaseContents.Of(db));
        IndicatorComparison.AssertSame(stateBefore, IndicatorComparison.Compute(db.Store.Load().WorkingSet, Months));
        // The store is usable afterwards and the good batch lands whole.
        Assert.Equal(ImportOutcome.Imported, db.Store.SaveBatch(good, SeededBatches.LogEntry(good, Now)));
        Assert.Equal(good.Payments.Count + earlier.Payments.Count, db.Count("payments"));
    }
}
