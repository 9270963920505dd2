using Malekort.Choices;
using Malekort.Testing;
using Malekort.Units;

namespace Malekort.Storage;

/// <summary>A unit's choice of indicators is saved in its order with its headings, replaced, loaded for the scorecard and removed (issue 11 item 5), on both databases.</summary>
public sealed class IndicatorChoiceStorageTests
{
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private static readonly UnitCode NavGjovik = UnitCode.Office("0502");
    private static readonly UnitCode Gjovik = UnitCode.Parse("3407");

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void A_choice_is_saved_in_its_order_replaced_loaded_for_the_scorecard_and_removed(string kind)
    {
        using var db = TestDatabases.Create(kind, new FixedClock(Monday));
        var first = new IndicatorChoice(NavGjovik, [new("B51", "KVP"), new("BL151", null), new("B.101", "Andeler")], "kari", Monday);
        var version = db.Store.DataVersion();

        Assert.True(db.Store.SaveIndicatorChoice(first));
        Assert.True(db.Store.SaveIndicatorChoice(new IndicatorChoice(Gjovik, [new("BL152", null)], "ola", Monday)));
        Assert.False(db.Store.SaveIndicatorChoice(first with { ChosenBy = "ola" }));
        var second = new IndicatorChoice(NavGjovik, [new("BL151", "Mottakere"), new("B51", null)], "ola", Monday.AddHours(1));
        Assert.True(db.Store.SaveIndicatorChoice(second));

        Assert.True(db.Store.DataVersion() > version);
        Assert.Equal([new IndicatorChoice(Gjovik, [new("BL152", null)], "ola", Monday), second], db.Store.IndicatorChoices());
        Assert.Equal(db.Store.IndicatorChoices(), db.Store.Load().IndicatorChoices);

        Assert.True(db.Store.RemoveIndicatorChoice(NavGjovik));
        Assert.False(db.Store.RemoveIndicatorChoice(NavGjovik));
        Assert.Equal([Gjovik], db.Store.IndicatorChoices().Select(c => c.Unit));
    }
}
