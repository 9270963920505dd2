using System.Data.Common;
using Malekort.Indicators;
using Malekort.Testing;
using Malekort.Thresholds;
using Malekort.Units;

namespace Malekort.Storage;

/// <summary>
/// Every change of a unit's own thresholds is kept as a row with who, when, old and new (issue 11 item 2), on both databases;
/// the rows cannot be changed afterwards, and a save that changes nothing keeps nothing.
/// </summary>
public sealed class ThresholdChangeTests
{
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private static readonly UnitCode Fredrikstad = UnitCode.Parse("3107");
    private static readonly UnitCode Moss = UnitCode.Parse("3103");

    private static Threshold Own(string indicator, decimal green, decimal red, string by = "kari") =>
        new(Fredrikstad, indicator, IndicatorCatalog.Get(indicator).Direction, green, red, by);

    private static Dictionary<string, Threshold?> Wanted(params (string Indicator, Threshold? Threshold)[] wanted) =>
        wanted.ToDictionary(w => w.Indicator, w => w.Threshold, StringComparer.Ordinal);

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void Setting_changing_and_removing_limits_keeps_one_row_each_with_who_when_old_and_new(string kind)
    {
        var clock = new FixedClock(Monday);
        using var db = TestDatabases.Create(kind, clock);

        db.Store.ChangeThresholds(Fredrikstad, Wanted(("B.101", Own("B.101", 1.5m, 2.4m)), ("B10", Own("B10", 80m, 60m))), "kari");
        clock.Now = Monday.AddHours(2);
        db.Store.ChangeThresholds(Fredrikstad, Wanted(("B.101", Own("B.101", 1.75m, 2.4m, "ola"))), "ola");
        clock.Now = Monday.AddDays(1);
        db.Store.ChangeThresholds(Fredrikstad, Wanted(("B10", null)), "ola");

        Assert.Equal<ThresholdChange>(
            [
                new(Fredrikstad, "B10", Monday.AddDays(1), "ola", new Limits(Direction.HigherIsBetter, 80m, 60m), null),
                new(Fredrikstad, "B.101", Monday.AddHours(2), "ola", new Limits(Direction.LowerIsBetter, 1.5m, 2.4m), new Limits(Direction.LowerIsBetter, 1.75m, 2.4m)),
                new(Fredrikstad, "B10", Monday, "kari", null, new Limits(Direction.HigherIsBetter, 80m, 60m)),
                new(Fredrikstad, "B.101", Monday, "kari", null, new Limits(Direction.LowerIsBetter, 1.5m, 2.4m)),
            ],
            db.Store.ThresholdChanges(Fredrikstad));
        Assert.Equal<Threshold>([Own("B.101", 1.75m, 2.4m, "ola")], db.Store.LoadReference().Thresholds.Own);
        Assert.Empty(db.Store.ThresholdChanges(Moss));
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void A_save_that_changes_nothing_keeps_no_row_and_leaves_the_data_version(string kind)
    {
        using var db = TestDatabases.Create(kind, new FixedClock(Monday));
        db.Store.ChangeThresholds(Fredrikstad, Wanted(("B.101", Own("B.101", 1.5m, 2.4m))), "kari");
        var version = db.Store.DataVersion();

        // The same limits written as 1.50 and 2.40, and an indicator without own limits left without.
        var changes = db.Store.ChangeThresholds(Fredrikstad, Wanted(("B.101", Own("B.101", 1.50m, 2.40m)), ("B.102", null)), "ola");

        Assert.Empty(changes);
        Assert.Single(db.Store.ThresholdChanges(Fredrikstad));
        Assert.Equal(version, db.Store.DataVersion());
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void Limits_against_their_direction_are_refused_and_nothing_of_the_save_is_kept(string kind)
    {
        using var db = TestDatabases.Create(kind, new FixedClock(Monday));

        Assert.Throws<ArgumentException>(() => db.Store.ChangeThresholds(Fredrikstad,
            Wanted(("B.101", Own("B.101", 1.5m, 2.4m)), ("B10", new Threshold(Fredrikstad, "B10", Direction.HigherIsBetter, 60m, 80m, "kari"))), "kari"));

        Assert.Empty(db.Store.ThresholdChanges(Fredrikstad));
        Assert.Empty(db.Store.LoadReference().Thresholds.Own);
    }

    public static TheoryData<string, string> Rewrites => new()
    {
        { TestDatabases.Sqlite, "UPDATE threshold_changes SET changed_by = 'noen andre'" },
        { TestDatabases.Sqlite, "DELETE FROM threshold_changes" },
        { TestDatabases.Postgres, "UPDATE threshold_changes SET changed_by = 'noen andre'" },
        { TestDatabases.Postgres, "DELETE FROM threshold_changes" },
        { TestDatabases.Postgres, "TRUNCATE threshold_changes" },
    };

    [Theory]
    [MemberData(nameof(Rewrites))]
    public void The_database_itself_refuses_to_rewrite_the_history_of_a_threshold(string kind, string sql)
    {
        using var db = TestDatabases.Create(kind, new FixedClock(Monday));
        db.Store.SaveThreshold(Own("B.101", 1.5m, 2.4m));
        using var connection = db.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;

        var refused = Assert.ThrowsAny<DbException>(() => command.ExecuteNonQuery());

        Assert.Contains("threshold_changes kan bare utvides", refused.Message, StringComparison.Ordinal);
        Assert.Equal("kari", Assert.Single(db.Store.ThresholdChanges(Fredrikstad)).ChangedBy);
    }
}
