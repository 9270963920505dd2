using Malekort.Indicators.Splitting;
using Malekort.Periods;
using Malekort.Testing;

namespace Malekort.Storage;

/// <summary>
/// Histories across extracts through storage (issue 9): which batches list a person is kept in each stored batch's engine
/// rows, so yearly and monthly extracts saved and loaded give the numbers of one two-year extract, on both databases.
/// </summary>
public sealed class SplitExtractStorageTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly MonthRange TwoYears = new(new Month(2023, 1), new Month(2024, 12));

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void Yearly_and_monthly_extracts_stored_and_loaded_give_the_numbers_of_one_two_year_extract(string kind)
    {
        var history = new RandomHistory(seed: 7, personsPerUnit: 25);
        var lag = new Random(7);
        var whole = IndicatorComparison.Compute(TwoYears, history.Deliver(RandomHistory.Whole(lag)));

        foreach (var plan in new[] { RandomHistory.Yearly(lag), RandomHistory.Monthly(lag) })
        {
            using var db = TestDatabases.Create(kind);
            foreach (var batch in history.Deliver(plan)) db.Store.SaveBatch(batch, SeededBatches.LogEntry(batch, Now));

            var stored = IndicatorComparison.Compute(db.Store.Load().WorkingSet, TwoYears);

            Assert.True(IndicatorComparison.AssertSame(whole, stored) > 0);
        }
    }
}
