using System.Data.Common;
using Malekort.ManualValues;
using Malekort.Periods;
using Malekort.Testing;
using Malekort.Units;

namespace Malekort.Storage;

/// <summary>
/// A value typed for a municipality and month without captured data is stored as typed with who and when, changed, loaded with
/// the rest of what the scorecard reads, and removed, every change kept (issue 11 item 4), on both databases; the kept changes
/// cannot be rewritten.
/// </summary>
public sealed class ManualValueStorageTests
{
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private static readonly UnitCode Hvaler = UnitCode.Parse("3110");
    private static readonly Month December = new(2024, 12);

    private static ManualValue Typed(string indicator, long numerator, long? denominator, string by, DateTimeOffset at) =>
        new(Hvaler, December, indicator, numerator, denominator, by, at);

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void A_manual_value_is_stored_as_typed_changed_loaded_for_the_scorecard_and_removed_with_every_change_kept(string kind)
    {
        var clock = new FixedClock(Monday);
        using var db = TestDatabases.Create(kind, clock);
        var version = db.Store.DataVersion();

        Assert.NotNull(db.Store.SetManualValue(Typed("BL151", 12, null, "kari", Monday)));
        Assert.NotNull(db.Store.SetManualValue(Typed("B.104", 3, 12, "kari", Monday)));
        Assert.NotNull(db.Store.SetManualValue(Typed("BL151", 14, null, "ola", Monday.AddHours(1))));

        Assert.True(db.Store.DataVersion() > version);
        Assert.Equal([Typed("B.104", 3, 12, "kari", Monday), Typed("BL151", 14, null, "ola", Monday.AddHours(1))], db.Store.ManualValues());
        Assert.Equal(db.Store.ManualValues(), db.Store.Load().ManualValues);

        clock.Now = Monday.AddHours(2);
        Assert.NotNull(db.Store.RemoveManualValue(Hvaler, "BL151", December, "ola"));

        Assert.Equal(["B.104"], db.Store.ManualValues().Select(v => v.Indicator));
        var changes = db.Store.ManualValueChanges(Hvaler);
        Assert.Equal(["ola", "ola", "kari", "kari"], changes.Select(c => c.ChangedBy));
        Assert.Equal([Monday.AddHours(2), Monday.AddHours(1), Monday, Monday], changes.Select(c => c.ChangedAt));
        Assert.Equal<(long?, long?, long?, long?)>([(14, null, null, null), (12, null, 14, null), (null, null, 3, 12), (null, null, 12, null)],
            changes.Select(c => (c.OldNumerator, c.OldDenominator, c.NewNumerator, c.NewDenominator)));
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void The_same_numbers_again_keep_no_change_and_removing_what_is_not_there_changes_nothing(string kind)
    {
        using var db = TestDatabases.Create(kind, new FixedClock(Monday));
        db.Store.SetManualValue(Typed("B.104", 3, 12, "kari", Monday));
        var version = db.Store.DataVersion();

        Assert.Null(db.Store.SetManualValue(Typed("B.104", 3, 12, "ola", Monday.AddHours(1))));
        Assert.Null(db.Store.RemoveManualValue(Hvaler, "BL151", December, "ola"));

        Assert.Equal("kari", Assert.Single(db.Store.ManualValues()).EnteredBy);
        Assert.Single(db.Store.ManualValueChanges(Hvaler));
        Assert.Equal(version, db.Store.DataVersion());
    }

    public static TheoryData<string, string> Rewrites => new()
    {
        { TestDatabases.Sqlite, "UPDATE manual_value_changes SET changed_by = 'noen andre'" },
        { TestDatabases.Sqlite, "DELETE FROM manual_value_changes" },
        { TestDatabases.Postgres, "UPDATE manual_value_changes SET changed_by = 'noen andre'" },
        { TestDatabases.Postgres, "DELETE FROM manual_value_changes" },
        { TestDatabases.Postgres, "TRUNCATE manual_value_changes" },
    };

    [Theory]
    [MemberData(nameof(Rewrites))]
    public void The_database_itself_refuses_to_rewrite_the_history_of_a_manual_value(string kind, string sql)
    {
        using var db = TestDatabases.Create(kind, new FixedClock(Monday));
        db.Store.SetManualValue(Typed("BL151", 12, null, "kari", Monday));
        using var connection = db.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;

        var refused = Assert.ThrowsAny<DbException>(() => command.ExecuteNonQuery());

        Assert.Contains("manual_value_changes kan bare utvides", refused.Message, StringComparison.Ordinal);
        Assert.Equal("kari", Assert.Single(db.Store.ManualValueChanges(Hvaler)).ChangedBy);
    }
}
