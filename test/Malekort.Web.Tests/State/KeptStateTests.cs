using System.Globalization;
using Malekort.Confidentiality;
using Malekort.Explanation;
using Malekort.Indicators;
using Malekort.Storage;
using Malekort.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Malekort.Web.State;

/// <summary>
/// The server keeps its working set between data versions (issues 13 and 14): the next version is built in the same builder
/// while requests read the snapshot built from it before, and that snapshot answers as it did.
/// </summary>
public sealed class KeptStateTests
{
    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public async Task The_snapshot_being_served_answers_as_before_while_the_next_version_is_built_in_the_kept_working_set(string kind)
    {
        using var db = TestDatabases.Create(kind);
        ScorecardData.Seed(db.Store);
        var source = new LatchedEngine();
        var state = new ScorecardState(db.Store, new FakeTimeProvider(ScorecardData.ComputedAt), NullLogger<ScorecardState>.Instance, source);
        state.Refresh();
        var served = state.Current;
        var before = Answers(served);
        // A newer extract of Fredrikstad, whose rows the served snapshot reads: one person fewer, two more.
        var newer = ScorecardData.FredrikstadBatch();
        newer = newer with
        {
            Header = newer.Header with { ExtractedAt = newer.Header.ExtractedAt.AddDays(3) },
            ContentHash = "fredrikstad-2024-ny",
            Payments = [.. newer.Payments.Skip(3), .. newer.Payments.Take(2).Select(p => p with { PaymentId = p.PaymentId + "-ny", PersonKey = "ny-person" })],
            Persons = [.. newer.Persons, newer.Persons[0] with { PersonKey = "ny-person" }],
        };
        ScorecardData.Save(db.Store, newer);

        var next = Task.Run(state.RefreshIfChanged, TestContext.Current.CancellationToken);
        // The latch: the kept working set has been added to and built again, and the engine waits before computing on it.
        await source.Reached.Task.WaitAsync(TestContext.Current.CancellationToken);

        Assert.Same(served, state.Current);
        Assert.Equal(before, Answers(served));
        source.Release.SetResult();
        Assert.True(await next);
        Assert.NotSame(served, state.Current);
        Assert.Equal(before, Answers(served));
        var whole = ScorecardSnapshot.Compute(db.Store.Load(), state.Current.DataVersion, ScorecardData.ComputedAt, Viewer.Operator);
        Assert.Equal(Answers(whole), Answers(state.Current));
        Assert.NotEqual(before, Answers(state.Current));
    }

    /// <summary>Every value the snapshot shows, and who was counted in every side that counts persons of every capture unit.</summary>
    private static List<string> Answers(ScorecardSnapshot snapshot)
    {
        var lines = new List<string>();
        var results = snapshot.Results!;
        foreach (var unit in snapshot.Units)
        {
            foreach (var month in snapshot.Months)
            {
                foreach (var indicator in IndicatorCatalog.All)
                    lines.Add(Invariant($"{unit.Code} {month} {indicator.Code} {results.Get(unit.Code, month, indicator.Code)}"));
                if (!unit.Code.IsCaptureUnit) continue;
                foreach (var indicator in IndicatorCatalog.All)
                {
                    foreach (var side in new[] { CountedSide.Numerator, CountedSide.Denominator })
                    {
                        if (snapshot.Explain(unit.Code, month, indicator.Code, side) is not { } explained) continue;
                        lines.Add(Invariant($"explained {unit.Code} {month} {indicator.Code} {side} {explained.Count}: {string.Join(", ",
                            explained.Members.Select(m => $"{m.PersonId} {string.Join(' ', m.Records.Select(r => $"{r.Kind}/{r.Origin?.BatchId}"))}"))}"));
                    }
                }
            }
        }
        return lines;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>The engine, which from the second computation on waits at a latch the test opens.</summary>
    private sealed class LatchedEngine : IResultsSource
    {
        private int calls;

        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IndicatorResults? Compute(StoredState stored, DateTimeOffset now)
        {
            if (Interlocked.Increment(ref calls) > 1)
            {
                Reached.SetResult();
                Release.Task.Wait(TestContext.Current.CancellationToken);
            }
            return ScorecardSnapshot.EngineResults(stored, now);
        }
    }
}
