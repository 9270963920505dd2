using System.Globalization;
using Malekort.Indicators;

namespace Malekort.Benchmarks.Peer;

/// <summary>Every (unit, month, indicator) of the engine against the peer's: numerator, denominator and units included.</summary>
internal static class ResultComparison
{
    public sealed record Outcome(long Compared, long Differences, IReadOnlyList<string> First);

    public static Outcome Compare(IndicatorResults engine,
        Dictionary<(string Unit, int Month, string Indicator), (long? Numerator, long? Denominator, int Included)> peer)
    {
        var first = new List<string>();
        long compared = 0, differences = 0;
        var seen = new HashSet<(string, int, string)>();
        void Report(string text)
        {
            differences++;
            if (first.Count < 20) first.Add(text);
        }
        foreach (var unit in engine.Units)
        {
            foreach (var month in engine.Months.Months())
            {
                foreach (var definition in IndicatorCatalog.All)
                {
                    var key = (unit.Value, month.Index, definition.Code);
                    seen.Add(key);
                    compared++;
                    var value = engine.Get(unit, month, definition.Code);
                    if (!peer.TryGetValue(key, out var other))
                    {
                        Report(string.Create(CultureInfo.InvariantCulture, $"{unit} {month} {definition.Code}: motoren {Show(value.Numerator)}/{Show(value.Denominator)}, DuckDB mangler raden"));
                        continue;
                    }
                    if (value.Numerator != other.Numerator || value.Denominator != other.Denominator || value.UnitsIncluded != other.Included)
                    {
                        Report(string.Create(CultureInfo.InvariantCulture,
                            $"{unit} {month} {definition.Code}: motoren {Show(value.Numerator)}/{Show(value.Denominator)} ({value.UnitsIncluded} enh.), " +
                            $"DuckDB {Show(other.Numerator)}/{Show(other.Denominator)} ({other.Included} enh.)"));
                    }
                }
            }
        }
        foreach (var key in peer.Keys.Where(k => !seen.Contains(k)))
            Report($"{key.Unit} {Periods.Month.FromIndex(key.Month)} {key.Indicator}: bare i DuckDB");
        return new Outcome(compared, differences, first);
    }

    private static string Show(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "–";
}
