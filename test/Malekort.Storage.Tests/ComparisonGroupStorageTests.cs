using Malekort.Testing;
using Malekort.Units;

namespace Malekort.Storage;

/// <summary>Comparison groups are kept per user, under their name, on both databases; saving a name again replaces its units.</summary>
public sealed class ComparisonGroupStorageTests
{
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private static UnitCode[] Units(params string[] codes) => codes.Select(UnitCode.Parse).ToArray();

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void A_group_is_kept_for_its_owner_only_and_saving_its_name_again_replaces_its_units(string kind)
    {
        var clock = new FixedClock(Monday);
        using var db = TestDatabases.Create(kind, clock);
        var version = db.Store.DataVersion();

        db.Store.SaveComparisonGroup("kari", "Nedre Glomma", Units("3107", "3105"));
        db.Store.SaveComparisonGroup("kari", " Kystkommuner ", Units("3110", "3107"));
        db.Store.SaveComparisonGroup("ola", "Nedre Glomma", Units("NAV-0106"));
        clock.Now = Monday.AddHours(1);
        var replaced = db.Store.SaveComparisonGroup("kari", "Nedre Glomma", Units("3107", "3105", "NAV-0106"));

        Assert.Equal<ComparisonGroup>(
            [
                new("kari", "Kystkommuner", Units("3110", "3107"), Monday),
                new("kari", "Nedre Glomma", Units("3107", "3105", "NAV-0106"), Monday.AddHours(1)),
            ],
            db.Store.ComparisonGroups("kari"));
        Assert.Equal(replaced, db.Store.ComparisonGroups("kari")[1]);
        Assert.Equal<ComparisonGroup>([new("ola", "Nedre Glomma", Units("NAV-0106"), Monday)], db.Store.ComparisonGroups("ola"));
        Assert.Empty(db.Store.ComparisonGroups("per"));
        // A group is the user's choice, not data: the scorecard is not computed again for it.
        Assert.Equal(version, db.Store.DataVersion());
    }

    [Theory]
    [InlineData("", "3107", "navn")]
    [InlineData("Nedre Glomma", "", "ingen enheter")]
    public void A_group_without_a_name_or_units_is_refused_in_norwegian(string name, string codes, string expected)
    {
        using var db = TestDatabases.Create(TestDatabases.Sqlite, new FixedClock(Monday));

        var refused = Assert.Throws<ArgumentException>(() =>
            db.Store.SaveComparisonGroup("kari", name, codes.Length == 0 ? [] : Units(codes)));

        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
        Assert.Empty(db.Store.ComparisonGroups("kari"));
    }
}
