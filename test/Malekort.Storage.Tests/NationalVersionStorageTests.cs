using System.Data.Common;
using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Testing;

namespace Malekort.Storage;

/// <summary>
/// A national version added in the browser (issue 11 item 7) is stored as facts — indicator, number, first month, formula as typed,
/// what changed, who and when — loaded with the rest of what the scorecard reads, and removed, every change kept, on both
/// databases; a number once used is never used again, and the kept changes cannot be rewritten.
/// </summary>
public sealed class NationalVersionStorageTests
{
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private static NationalVersion Added(string of, int number, string from, string formula, string by, DateTimeOffset at) =>
        new(of, number, Month.Parse(from), formula, "Bare seks sammenhengende måneder teller.", by, at);

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void A_national_version_is_stored_as_typed_loaded_for_the_scorecard_and_removed_with_every_change_kept(string kind)
    {
        var clock = new FixedClock(Monday);
        using var db = TestDatabases.Create(kind, clock);
        var version = db.Store.DataVersion();
        var v3 = Added("B.102", 3, "2025-03", "B.102.v2.TELLER / BEF.18_66 * 100", "dir", Monday);
        var v2 = Added("B.101", 2, "2026-01", "BL151 / BEF.18_66 * 100", "dir2", Monday.AddHours(1));

        Assert.NotNull(db.Store.AddNationalVersion(v3));
        Assert.NotNull(db.Store.AddNationalVersion(v2));

        Assert.True(db.Store.DataVersion() > version);
        Assert.Equal([v2, v3], db.Store.NationalVersions());
        Assert.Equal([v2, v3], db.Store.Load().NationalVersions);

        clock.Now = Monday.AddHours(2);
        var removal = db.Store.RemoveNationalVersion("B.102", 3, "dir2");

        Assert.Equal(new NationalVersionChange(v3, true, "dir2", Monday.AddHours(2)), removal);
        Assert.Equal([v2], db.Store.NationalVersions());
        Assert.Equal([(v3, true, "dir2"), (v2, false, "dir2"), (v3, false, "dir")],
            db.Store.NationalVersionChanges().Select(c => (c.Version, c.Removed, c.ChangedBy)));
        Assert.Equal(4, NationalVersions.Next("B.102", db.Store.NationalVersionChanges().Select(c => c.Version)));
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void A_number_once_used_is_not_added_again_and_removing_what_is_not_in_force_changes_nothing(string kind)
    {
        using var db = TestDatabases.Create(kind, new FixedClock(Monday));
        db.Store.AddNationalVersion(Added("B.102", 3, "2025-03", "BL152 / BEF.18_66 * 100", "dir", Monday));
        db.Store.RemoveNationalVersion("B.102", 3, "dir");
        var version = db.Store.DataVersion();

        Assert.Null(db.Store.AddNationalVersion(Added("B.102", 3, "2025-04", "BL152 / BEF.18_66 * 100", "dir", Monday.AddHours(1))));
        Assert.Null(db.Store.RemoveNationalVersion("B.102", 3, "dir"));
        Assert.Null(db.Store.RemoveNationalVersion("B.101", 2, "dir"));

        Assert.Empty(db.Store.NationalVersions());
        Assert.Equal(2, db.Store.NationalVersionChanges().Count);
        Assert.Equal(version, db.Store.DataVersion());
    }

    public static TheoryData<string, string> Rewrites => new()
    {
        { TestDatabases.Sqlite, "UPDATE national_version_changes SET formula = 'BL151'" },
        { TestDatabases.Sqlite, "DELETE FROM national_version_changes" },
        { TestDatabases.Postgres, "UPDATE national_version_changes SET formula = 'BL151'" },
        { TestDatabases.Postgres, "DELETE FROM national_version_changes" },
        { TestDatabases.Postgres, "TRUNCATE national_version_changes" },
    };

    [Theory]
    [MemberData(nameof(Rewrites))]
    public void The_database_itself_refuses_to_rewrite_the_history_of_national_versions(string kind, string sql)
    {
        using var db = TestDatabases.Create(kind, new FixedClock(Monday));
        var added = Added("B.102", 3, "2025-03", "BL152 / BEF.18_66 * 100", "dir", Monday);
        db.Store.AddNationalVersion(added);
        using var connection = db.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;

        var refused = Assert.ThrowsAny<DbException>(() => command.ExecuteNonQuery());

        Assert.Contains("national_version_changes kan bare utvides", refused.Message, StringComparison.Ordinal);
        Assert.Equal([added], db.Store.NationalVersions());
    }
}
