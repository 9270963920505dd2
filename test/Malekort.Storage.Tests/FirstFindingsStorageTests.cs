using Malekort.DataQuality;
using Malekort.Testing;
using Malekort.Units;

namespace Malekort.Storage;

/// <summary>
/// The one statement that reads a page of imports' first findings (<see cref="SqlStore.FirstFindings"/>, a UNION ALL of
/// limited subqueries) gives, for each import, exactly what reading that import's findings alone gives, in (line, seq) order,
/// on both databases: PostgreSQL and SQLite differ in what a LIMIT inside a union may be, and in how they order ties.
/// </summary>
public sealed class FirstFindingsStorageTests
{
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private static ImportLogEntry Rejected(string file, UnitCode unit, IReadOnlyList<Finding> findings) =>
        new(file, "capture", Monday, ImportOutcome.Rejected, unit, null, null, "sha256:" + file, new Dictionary<string, int>(), findings);

    // Lines out of order and two findings on one line: the order read back is by line, then as stored.
    private static IReadOnlyList<Finding> Findings(string file, params int[] lines) =>
        [.. lines.Select((line, i) => new Finding(Severity.Error, file, line, "belop", $"funn {i} på linje {line}", "V.001"))];

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void The_first_findings_of_a_page_of_imports_are_those_each_import_gives_alone_in_line_order(string kind)
    {
        using var db = TestDatabases.Create(kind, new FixedClock(Monday));
        db.Store.LogRejected(Rejected("mange.csv", UnitCode.Parse("3107"), Findings("mange.csv", 9, 3, 3, 7, 1, 12, 5)));
        db.Store.LogRejected(Rejected("to.csv", UnitCode.Parse("3110"), Findings("to.csv", 4, 2)));
        db.Store.LogRejected(Rejected("ingen.csv", UnitCode.Parse("3105"), []));
        var ids = db.Store.ImportLogPage(0, 10).Entries.Select(e => e.Id).ToList();

        var first = db.Store.FirstFindings(ids, 3);

        foreach (var id in ids)
        {
            var alone = db.Store.ImportFindings(id, 0, 3).Findings;
            if (alone.Count == 0) Assert.False(first.ContainsKey(id));
            else Assert.Equal(alone, first[id]);
        }
        var many = first[ids.Single(id => db.Store.ImportEntry(id)!.Source == "mange.csv")];
        Assert.Equal([1, 3, 3], many.Select(f => f.Line));
        Assert.Equal(["funn 1 på linje 3", "funn 2 på linje 3"], many.Skip(1).Select(f => f.Message));
        Assert.Empty(db.Store.FirstFindings([], 3));
    }
}
