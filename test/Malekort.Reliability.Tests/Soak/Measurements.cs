using System.Collections.Concurrent;
using System.Globalization;

namespace Malekort.Reliability.Soak;

/// <summary>What a soak saw: requests and their latencies by kind, every error, and the server's memory over time.</summary>
internal sealed class Measurements
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<double>> latencies = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> errors = new();
    private readonly List<(double Minutes, long Bytes)> memory = [];

    public void Request(string kind, double milliseconds) => latencies.GetOrAdd(kind, _ => new ConcurrentQueue<double>()).Enqueue(milliseconds);

    public void Error(string what) => errors.Enqueue(what);

    public void Memory(double minutes, long bytes)
    {
        lock (memory) memory.Add((minutes, bytes));
    }

    public long Requests => latencies.Values.Sum(q => (long)q.Count);

    public IReadOnlyList<string> Errors => [.. errors];

    public IReadOnlyList<(double Minutes, long Bytes)> MemorySamples
    {
        get
        {
            lock (memory) return [.. memory];
        }
    }

    /// <summary>Per kind: requests, p50, p95, p99 and slowest, in ms.</summary>
    public IEnumerable<(string Kind, long Count, double P50, double P95, double P99, double Max)> Latencies() =>
        latencies.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k =>
        {
            var sorted = k.Value.Order().ToArray();
            return (k.Key, (long)sorted.Length, Percentile(sorted, 50), Percentile(sorted, 95), Percentile(sorted, 99), sorted[^1]);
        });

    /// <summary>
    /// The memory after the warm-up (the first tenth): the medians of its first and last thirds, and the least-squares slope
    /// in MiB per minute. A leak shows as a last third above the first and a slope that stays positive.
    /// </summary>
    public (double FirstThirdMiB, double LastThirdMiB, double SlopeMiBPerMinute) Trend()
    {
        var samples = MemorySamples;
        var warm = samples.Where(s => s.Minutes >= samples[^1].Minutes / 10).ToList();
        var third = Math.Max(1, warm.Count / 3);
        double Median(IEnumerable<(double, long Bytes)> part) => Percentile([.. part.Select(s => s.Bytes / 1048576.0).Order()], 50);
        var n = warm.Count;
        var meanX = warm.Average(s => s.Minutes);
        var meanY = warm.Average(s => s.Bytes / 1048576.0);
        var sxx = warm.Sum(s => (s.Minutes - meanX) * (s.Minutes - meanX));
        var slope = n < 2 || sxx == 0 ? 0 : warm.Sum(s => (s.Minutes - meanX) * ((s.Bytes / 1048576.0) - meanY)) / sxx;
        return (Median(warm.Take(third)), Median(warm.Skip(n - third)), slope);
    }

    private static double Percentile(double[] sorted, int percent) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];

    public static string Ms(double value) => value.ToString(value < 10 ? "0.0" : "0", CultureInfo.InvariantCulture);
}
