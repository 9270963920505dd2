using System.Diagnostics;
using System.Globalization;

namespace Malekort.Benchmarks;

/// <summary>Median, min and max of repeated runs, in milliseconds.</summary>
internal sealed record Timing(double Median, double Min, double Max, int Runs)
{
    public static Timing Of(IReadOnlyList<double> times)
    {
        var sorted = times.Order().ToList();
        var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        return new Timing(median, sorted[0], sorted[^1], sorted.Count);
    }

    /// <summary>Runs <paramref name="action"/> <paramref name="runs"/> times after one warm-up run (JIT, caches).</summary>
    public static Timing Measure(int runs, Action action, bool warmUp = true)
    {
        if (warmUp) action();
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var sw = Stopwatch.StartNew();
            action();
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        return Of(times);
    }

    public string Show() => Runs == 1
        ? Ms(Median)
        : string.Create(CultureInfo.InvariantCulture, $"{Ms(Median)} (min {Ms(Min)}, max {Ms(Max)}, n={Runs})");

    public static string Ms(double ms) => ms >= 10_000
        ? string.Create(CultureInfo.InvariantCulture, $"{ms / 1000:0.0} s")
        : ms >= 100 ? string.Create(CultureInfo.InvariantCulture, $"{ms:0} ms") : string.Create(CultureInfo.InvariantCulture, $"{ms:0.0} ms");
}

/// <summary>Whole numbers with a space between thousands, as the report writes them.</summary>
internal static class Numbers
{
    private static readonly NumberFormatInfo Spaced = new() { NumberGroupSeparator = " ", NumberDecimalSeparator = "." };

    public static string Whole(double value) => value.ToString("#,0", Spaced);
}
