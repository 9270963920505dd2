using Malekort.Explanation;
using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Testing;
using Malekort.Units;

namespace Malekort.Cli.EndToEnd;

/// <summary>
/// Explaining a count lists exactly the persons the engine counted: on both hand-computed oracles (imported through the real
/// command), for every indicator side that counts persons, every unit and every month, the explanation's members are as many
/// as the computed numerator or denominator, and a month not computed lists nobody.
/// </summary>
public sealed class ExplanationOracleTests : IDisposable
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures");
    private readonly string work = Directory.CreateTempSubdirectory("malekort-explain-").FullName;
    private readonly TestDatabase database = TestDatabases.CreateEmpty(TestDatabases.Sqlite);

    public void Dispose()
    {
        database.Dispose();
        Directory.Delete(work, recursive: true);
    }

    public static TheoryData<string> Oracles => ["oracle", "conditions-oracle"];

    [Theory]
    [MemberData(nameof(Oracles))]
    public void For_every_counter_the_explanation_lists_as_many_persons_as_the_engine_counted(string oracle)
    {
        var state = Imported(oracle);
        var months = new MonthRange(new Month(2023, 4), new Month(2024, 12));
        var results = new IndicatorEngine(UnitRegister.Default, state.Offices).Compute(state.WorkingSet, state.Population, months);
        var sides = IndicatorCatalog.All
            .SelectMany(d => new[] { CountedSide.Numerator, CountedSide.Denominator }.Select(s => (d.Code, Side: s)))
            .Where(x => IndicatorEngine.Explains(x.Code, x.Side))
            .ToList();
        var checkedCounts = 0L;

        foreach (var unit in state.WorkingSet.CaptureUnits)
        {
            foreach (var month in months.Months())
            {
                foreach (var (code, side) in sides)
                {
                    var value = results.Get(unit, month, code);
                    var count = side == CountedSide.Numerator ? value.Numerator : value.Denominator;
                    var explanation = IndicatorEngine.Explain(state.WorkingSet, state.Population, unit, month, code, side)!;

                    Assert.True(count == explanation.Count, $"{unit} {month} {code} {side}: engine {count}, explanation {explanation.Count}");
                    Assert.True((count ?? 0) == explanation.Members.Count, $"{unit} {month} {code} {side}: {count} counted, {explanation.Members.Count} listed");
                    Assert.All(explanation.Members, m => Assert.NotEmpty(m.Records));
                    checkedCounts += count ?? 0;
                }
            }
        }
        // The oracles count someone somewhere: a test over nothing but zeros would prove nothing.
        Assert.True(checkedCounts > 50, $"only {checkedCounts} persons counted");
        // Every person counter is explained by some indicator side (PL151's cases and the KVP events are not persons): read from
        // the declarations, so a new indicator or definition version needs no count changed here.
        var explained = sides.Select(x => x.Side == CountedSide.Numerator ? IndicatorCatalog.Get(x.Code).Rule.Counts : IndicatorCatalog.Get(x.Code).Rule.Per.Counts);
        Assert.Equal(Counters.PersonCounters, explained.Distinct().Count());
    }

    [Fact]
    public void A_recipient_is_explained_by_their_payments_with_the_batch_and_file_they_came_from()
    {
        var state = Imported("oracle");

        var explanation = IndicatorEngine.Explain(state.WorkingSet, state.Population, UnitCode.Parse("3107"), new Month(2024, 3), "BL166", CountedSide.Numerator)!;

        // HAND-CALCULATION.md "Long-term": BL166 in March 2024 = P01, P02, P06, P07, P08, with 12, 7, 12, 12 and 6 months in the window.
        Assert.Equal(5, explanation.Count);
        var strips = explanation.Members.Select(m => m.AssistanceMonths.Count).Order().ToArray();
        Assert.Equal([6, 7, 12, 12, 12], strips);
        var payments = explanation.Members.SelectMany(m => m.Records).Where(r => r.Kind == RecordKind.Payment).ToList();
        Assert.NotEmpty(payments);
        Assert.All(payments, r => Assert.Equal("Håndskrevet orakel", r.Batch.SourceSystem));
        Assert.All(payments, r => Assert.EndsWith("batch", r.Origin!.Source, StringComparison.Ordinal));
        Assert.DoesNotContain(explanation.Members.SelectMany(m => m.Records), r => r.Kind is RecordKind.Kvp or RecordKind.Jobseeker);
    }

    private Storage.StoredState Imported(string oracle)
    {
        var folder = Path.Combine(Fixtures, oracle);
        string[] paths = [.. new[] { "batch", "population.csv", "offices.csv" }.Select(f => Path.Combine(folder, f)).Where(p => Path.Exists(p))];
        var (exit, output, error) = OracleRun.Cli(new DateTimeOffset(2025, 2, 1, 8, 0, 0, TimeSpan.Zero),
            ["import", .. paths, "--db", database.Argument, "--key", Path.Combine(work, "pseudonym.key")]);
        Assert.True(exit == 0, $"import failed ({exit}):\n{output}\n{error}");
        return database.Store.Load();
    }
}
