using System.Data.Common;
using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Targets;
using Malekort.Testing;
using Malekort.Thresholds;
using Malekort.Units;

namespace Malekort.Storage;

/// <summary>
/// A year's targets are set, changed, listed and removed with every change kept as a row with who, when, how and the months
/// before and after (issue 11 item 3), on both databases; the rows cannot be rewritten.
/// </summary>
public sealed class TargetChangeTests
{
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private static readonly UnitCode NavGjovik = UnitCode.Office("0502");
    private static readonly IndicatorDefinition Participants = IndicatorCatalog.Get("B.151");

    private static decimal?[] Twelve(decimal? value) => [.. Enumerable.Repeat(value, 12)];

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void A_yearly_target_is_set_changed_by_weights_listed_as_set_and_removed_with_every_change_kept(string kind)
    {
        var clock = new FixedClock(Monday);
        using var db = TestDatabases.Create(kind, clock);
        decimal[] weights = [1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2];

        db.Store.SetTargetYear(TargetYear.Periodised(Participants, NavGjovik, 2010, 349m), "kari");
        clock.Now = Monday.AddHours(1);
        db.Store.SetTargetYear(TargetYear.Periodised(Participants, NavGjovik, 2010, 349m, weights), "ola");

        var listed = Assert.Single(db.Store.TargetYears());
        Assert.Equal((Periodisation.Weights, 349m, 2010), (listed.How, listed.Yearly!.Value, listed.Year));
        Assert.Equal(weights, listed.Weights);
        Assert.Equal(232.67m, listed.Months[0]);
        Assert.Equal(12, db.Store.LoadReference().Targets.Count(t => t.Unit == NavGjovik));

        clock.Now = Monday.AddHours(2);
        Assert.NotNull(db.Store.RemoveTargetYear(NavGjovik, "B.151", 2010, "ola"));

        Assert.Empty(db.Store.TargetYears());
        Assert.Empty(db.Store.LoadReference().Targets);
        var changes = db.Store.TargetChanges(NavGjovik);
        Assert.Equal(["ola", "ola", "kari"], changes.Select(c => c.ChangedBy));
        Assert.Equal([Monday.AddHours(2), Monday.AddHours(1), Monday], changes.Select(c => c.ChangedAt));
        Assert.Equal<Periodisation?>([null, Periodisation.Weights, Periodisation.Even], changes.Select(c => c.How));
        Assert.Equal(Twelve(null), changes[2].Old);
        Assert.Equal(Twelve(349m), changes[2].New);
        Assert.Equal(Twelve(349m), changes[1].Old);
        Assert.Equal(changes[1].New, changes[0].Old);
        Assert.Equal(Twelve(null), changes[0].New);
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void The_same_targets_again_keep_no_change_and_removing_what_is_not_there_changes_nothing(string kind)
    {
        using var db = TestDatabases.Create(kind, new FixedClock(Monday));
        db.Store.SetTargetYear(TargetYear.Periodised(Participants, NavGjovik, 2010, 349m), "kari");
        var version = db.Store.DataVersion();

        Assert.Null(db.Store.SetTargetYear(TargetYear.MonthByMonth(NavGjovik, "B.151", 2010, Twelve(349.00m)), "ola"));
        Assert.Null(db.Store.RemoveTargetYear(NavGjovik, "B.151", 2011, "ola"));

        Assert.Single(db.Store.TargetChanges(NavGjovik));
        Assert.Equal(version, db.Store.DataVersion());
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void Months_saved_from_the_command_line_are_kept_as_a_change_per_year_month_by_month(string kind)
    {
        using var db = TestDatabases.Create(kind, new FixedClock(Monday));

        db.Store.SaveTargets([.. new MonthRange(new Month(2024, 11), new Month(2025, 2)).Months().Select(m => new Target(NavGjovik, "B.151", m, 40m))]);

        var changes = db.Store.TargetChanges(NavGjovik);
        Assert.Equal([2025, 2024], changes.Select(c => c.Year));
        Assert.All(changes, c => Assert.Equal((IMalekortStore.LocalOperator, Periodisation.Monthly), (c.ChangedBy, c.How!.Value)));
        Assert.Equal<decimal?>([40m, 40m, null, null, null, null, null, null, null, null, null, null], changes[0].New);
        Assert.Equal([(2024, Periodisation.Monthly), (2025, Periodisation.Monthly)], db.Store.TargetYears().Select(y => (y.Year, y.How)));
    }

    public static TheoryData<string, string> Rewrites => new()
    {
        { TestDatabases.Sqlite, "UPDATE target_changes SET changed_by = 'noen andre'" },
        { TestDatabases.Sqlite, "DELETE FROM target_changes" },
        { TestDatabases.Postgres, "UPDATE target_changes SET changed_by = 'noen andre'" },
        { TestDatabases.Postgres, "DELETE FROM target_changes" },
        { TestDatabases.Postgres, "TRUNCATE target_changes" },
    };

    [Theory]
    [MemberData(nameof(Rewrites))]
    public void The_database_itself_refuses_to_rewrite_the_history_of_a_target(string kind, string sql)
    {
        using var db = TestDatabases.Create(kind, new FixedClock(Monday));
        db.Store.SetTargetYear(TargetYear.Periodised(Participants, NavGjovik, 2010, 349m), "kari");
        using var connection = db.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;

        var refused = Assert.ThrowsAny<DbException>(() => command.ExecuteNonQuery());

        Assert.Contains("target_changes kan bare utvides", refused.Message, StringComparison.Ordinal);
        Assert.Equal("kari", Assert.Single(db.Store.TargetChanges(NavGjovik)).ChangedBy);
    }
}
