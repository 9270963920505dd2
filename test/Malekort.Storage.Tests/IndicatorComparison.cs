using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Population;
using Malekort.Units;

namespace Malekort.Storage;

/// <summary>Every indicator for every unit and month, computed from a working set and compared value by value.</summary>
internal static class IndicatorComparison
{
    public static IndicatorResults Compute(WorkingSet workingSet, MonthRange months) =>
        new IndicatorEngine(UnitRegister.Default, OfficeRegister.Empty).Compute(workingSet, PopulationTable.Empty, months);

    public static IndicatorResults Compute(MonthRange months, params IEnumerable<Capture.CaptureBatch> batches)
    {
        var builder = new WorkingSetBuilder();
        foreach (var batch in batches) builder.Add(batch);
        return Compute(builder.Build(), months);
    }

    /// <summary>Asserts equal results and returns how many values were compared with a count above zero.</summary>
    public static int AssertSame(IndicatorResults expected, IndicatorResults actual)
    {
        Assert.Equal(expected.Units, actual.Units);
        var differences = new List<string>();
        var nonZero = 0;
        foreach (var unit in expected.Units)
        {
            foreach (var month in expected.Months.Months())
            {
                foreach (var indicator in IndicatorCatalog.All)
                {
                    var e = expected.Get(unit, month, indicator.Code);
                    var a = actual.Get(unit, month, indicator.Code);
                    if (e != a) differences.Add($"{unit} {month} {indicator.Code}: expected {e}, got {a}");
                    if (e.Numerator > 0) nonZero++;
                }
            }
        }
        Assert.True(differences.Count == 0, string.Join('\n', differences.Take(20)));
        Assert.Equal(Ordered(expected.Notes), Ordered(actual.Notes));
        return nonZero;
    }

    private static List<ComputationNote> Ordered(IEnumerable<ComputationNote> notes) =>
        [.. notes.OrderBy(n => n.Unit.Value, StringComparer.Ordinal).ThenBy(n => n.Month).ThenBy(n => n.Indicator, StringComparer.Ordinal)
            .ThenBy(n => n.Message, StringComparer.Ordinal).ThenBy(n => n.Count)];
}
