using System.Text.Json;
using Malekort.Units;

namespace Malekort.Web;

/// <summary>New data reaches the scorecard without a restart: the server notices the store's new data version.</summary>
public sealed class RefreshTests(ScorecardServer server) : IClassFixture<ScorecardServer>
{
    private async Task<long?> Recipients(string unit)
    {
        using var response = await server.Client.GetAsync(new Uri($"/api/malekort?enhet={unit}&maned=2024-12", UriKind.Relative), TestContext.Current.CancellationToken);
        if (!response.IsSuccessStatusCode) return null;
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        var bl151 = json.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "BL151");
        return bl151.GetProperty("numerator").GetInt64();
    }

    [Fact]
    public async Task A_new_batch_is_shown_after_the_next_poll_without_a_restart()
    {
        Assert.Null(await Recipients("3101"));
        var halden = new ScorecardData.BatchBuilder(UnitCode.Parse("3101"), "halden-2024");
        for (var i = 0; i < 4; i++) halden.Payment(halden.Person(33), ScorecardData.December);
        ScorecardData.Save(server.Store, halden.Build());

        await server.ShowsStoredDataAsync();
        var seen = await Recipients("3101");
        Assert.Equal(4, seen);
    }
}

/// <summary>Computations that finish out of order never let an older data version replace a newer one.</summary>
public sealed class SnapshotOrderTests
{
    [Fact]
    public void An_older_snapshot_finishing_late_does_not_replace_a_newer_one()
    {
        using var db = Testing.TestDatabases.Create(Testing.TestDatabases.Sqlite);
        var state = new State.ScorecardState(db.Store, TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<State.ScorecardState>.Instance);
        var stored = db.Store.Load();
        State.ScorecardSnapshot Snapshot(long version) =>
            State.ScorecardSnapshot.Compute(stored, version, ScorecardData.ComputedAt, Malekort.Confidentiality.Viewer.Operator);

        state.Publish(Snapshot(5));
        state.Publish(Snapshot(3));
        Assert.Equal(5, state.Current.DataVersion);

        state.Publish(Snapshot(6));
        Assert.Equal(6, state.Current.DataVersion);
    }
}
