using System.Diagnostics;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Malekort.Benchmarks;

/// <summary>
/// The machine's streaming read bandwidth: a sum over an array far larger than the caches, split over every core, best of
/// several passes. It is the ceiling for any computation that must read its input once.
/// </summary>
internal static class MemoryBandwidth
{
    public static (double AllCores, double OneCore) Measure(long bytes = 1L << 30, int passes = 7)
    {
        var data = new long[bytes / sizeof(long)];
        for (var i = 0; i < data.Length; i += 512) data[i] = i;
        Array.Fill(data, 1L);
        var all = Best(data, Environment.ProcessorCount, passes);
        var one = Best(data, 1, passes);
        GC.KeepAlive(data);
        return (all, one);
    }

    private static double Best(long[] data, int threads, int passes)
    {
        var best = double.MaxValue;
        long total = 0;
        for (var pass = 0; pass < passes; pass++)
        {
            var sums = new long[threads];
            var sw = Stopwatch.StartNew();
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
            {
                var chunk = data.Length / threads;
                var span = data.AsSpan(t * chunk, t == threads - 1 ? data.Length - t * chunk : chunk);
                sums[t] = Sum(span);
            });
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
            total += sums.Sum();
        }
        GC.KeepAlive(total);
        return data.LongLength * sizeof(long) / best;
    }

    private static long Sum(ReadOnlySpan<long> values)
    {
        var vectors = MemoryMarshal.Cast<long, Vector<long>>(values);
        Vector<long> a = default, b = default, c = default, d = default;
        var i = 0;
        for (; i + 3 < vectors.Length; i += 4)
        {
            a += vectors[i];
            b += vectors[i + 1];
            c += vectors[i + 2];
            d += vectors[i + 3];
        }
        for (; i < vectors.Length; i++) a += vectors[i];
        var sum = Vector.Sum(a + b + c + d);
        for (var j = vectors.Length * Vector<long>.Count; j < values.Length; j++) sum += values[j];
        return sum;
    }
}
