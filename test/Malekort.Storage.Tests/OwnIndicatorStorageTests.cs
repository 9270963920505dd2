using System.Data.Common;
using Malekort.Indicators;
using Malekort.Testing;
using Malekort.Units;

namespace Malekort.Storage;

/// <summary>
/// An own indicator (issue 11 item 6) is stored as typed — the formula's text, who and when, whom it was given to — changed,
/// loaded with the rest of what the scorecard reads, and removed, every version kept, on both databases; the kept versions cannot
/// be rewritten.
/// </summary>
public sealed class OwnIndicatorStorageTests
{
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private static readonly UnitCode Fredrikstad = UnitCode.Parse("3107");

    private static OwnIndicator Defined(string code, string formula, string by, DateTimeOffset at, params UnitCode[] sharedWith) =>
        new(code, "Langtidsandel", "Langtidsmottakere av alle mottakere", Direction.LowerIsBetter, "prosent", formula, Fredrikstad, sharedWith, by, at);

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void An_own_indicator_is_stored_as_typed_changed_loaded_for_the_scorecard_and_removed_with_every_version_kept(string kind)
    {
        var clock = new FixedClock(Monday);
        using var db = TestDatabases.Create(kind, clock);
        var version = db.Store.DataVersion();
        var office = UnitCode.Office("0106");

        Assert.NotNull(db.Store.SaveOwnIndicator(Defined("EGEN.LANGTID", "BL166 / BL151 * 100", "kari", Monday)));
        Assert.NotNull(db.Store.SaveOwnIndicator(Defined("EGEN.FLYT", "FLYT.TILGANG - FLYT.AVGANG", "kari", Monday)));
        Assert.NotNull(db.Store.SaveOwnIndicator(Defined("EGEN.LANGTID", "BL152 / BL151 * 100", "ola", Monday.AddHours(1), office)));

        Assert.True(db.Store.DataVersion() > version);
        Assert.Equal([Defined("EGEN.FLYT", "FLYT.TILGANG - FLYT.AVGANG", "kari", Monday),
            Defined("EGEN.LANGTID", "BL152 / BL151 * 100", "ola", Monday.AddHours(1), office)], db.Store.OwnIndicators(), Same);
        Assert.Equal(db.Store.OwnIndicators(), db.Store.Load().OwnIndicators, Same);

        clock.Now = Monday.AddHours(2);
        Assert.NotNull(db.Store.RemoveOwnIndicator("EGEN.LANGTID", "ola"));

        Assert.Equal(["EGEN.FLYT"], db.Store.OwnIndicators().Select(o => o.Code));
        var changes = db.Store.OwnIndicatorChanges("EGEN.LANGTID");
        Assert.Equal(["ola", "ola", "kari"], changes.Select(c => c.ChangedBy));
        Assert.Equal([Monday.AddHours(2), Monday.AddHours(1), Monday], changes.Select(c => c.ChangedAt));
        Assert.Equal<(string?, string?)>([("BL152 / BL151 * 100", null), ("BL166 / BL151 * 100", "BL152 / BL151 * 100"), (null, "BL166 / BL151 * 100")],
            changes.Select(c => (c.OldFormula, c.NewFormula)));
        Assert.Equal([office], changes[1].Saved!.SharedWith);
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void Saving_the_same_again_keeps_no_version_and_removing_what_is_not_there_changes_nothing(string kind)
    {
        using var db = TestDatabases.Create(kind, new FixedClock(Monday));
        db.Store.SaveOwnIndicator(Defined("EGEN.LANGTID", "BL166 / BL151 * 100", "kari", Monday));
        var version = db.Store.DataVersion();

        Assert.Null(db.Store.SaveOwnIndicator(Defined("EGEN.LANGTID", "BL166 / BL151 * 100", "ola", Monday.AddHours(1))));
        Assert.Null(db.Store.RemoveOwnIndicator("EGEN.ANNET", "ola"));

        Assert.Equal("kari", Assert.Single(db.Store.OwnIndicators()).DefinedBy);
        Assert.Single(db.Store.OwnIndicatorChanges("EGEN.LANGTID"));
        Assert.Equal(version, db.Store.DataVersion());
    }

    public static TheoryData<string, string> Rewrites => new()
    {
        { TestDatabases.Sqlite, "UPDATE own_indicator_changes SET new_formula = 'BL151'" },
        { TestDatabases.Sqlite, "DELETE FROM own_indicator_changes" },
        { TestDatabases.Postgres, "UPDATE own_indicator_changes SET new_formula = 'BL151'" },
        { TestDatabases.Postgres, "DELETE FROM own_indicator_changes" },
        { TestDatabases.Postgres, "TRUNCATE own_indicator_changes" },
    };

    [Theory]
    [MemberData(nameof(Rewrites))]
    public void The_database_itself_refuses_to_rewrite_the_history_of_an_own_indicator(string kind, string sql)
    {
        using var db = TestDatabases.Create(kind, new FixedClock(Monday));
        db.Store.SaveOwnIndicator(Defined("EGEN.LANGTID", "BL166 / BL151 * 100", "kari", Monday));
        using var connection = db.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;

        var refused = Assert.ThrowsAny<DbException>(() => command.ExecuteNonQuery());

        Assert.Contains("own_indicator_changes kan bare utvides", refused.Message, StringComparison.Ordinal);
        Assert.Equal("BL166 / BL151 * 100", Assert.Single(db.Store.OwnIndicatorChanges("EGEN.LANGTID")).NewFormula);
    }

    // A record holding a list compares the list by reference; two versions are the same when they say the same and were saved alike.
    private static readonly IEqualityComparer<OwnIndicator> Same = EqualityComparer<OwnIndicator>.Create(
        (a, b) => a is not null && b is not null && a.SameAs(b) && a.DefinedBy == b.DefinedBy && a.DefinedAt == b.DefinedAt,
        o => o.Code.GetHashCode(StringComparison.Ordinal));
}
