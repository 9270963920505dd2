namespace Malekort.Cli.Synthetic;

/// <summary>
/// xoshiro256** seeded through SplitMix64. Our own generator, so the same seed gives the same data on every
/// .NET version (System.Random's algorithm is not part of its contract).
/// </summary>
internal sealed class SeededRandom
{
    private ulong s0, s1, s2, s3;

    public SeededRandom(ulong seed)
    {
        s0 = SplitMix(ref seed);
        s1 = SplitMix(ref seed);
        s2 = SplitMix(ref seed);
        s3 = SplitMix(ref seed);
    }

    private SeededRandom(ulong a, ulong b, ulong c, ulong d) => (s0, s1, s2, s3) = (a, b, c, d);

    /// <summary>A generator in a given state, to compare with the published reference outputs.</summary>
    public static SeededRandom FromState(ulong a, ulong b, ulong c, ulong d) => new(a, b, c, d);

    /// <summary>An independent stream for one named purpose (e.g. a unit code) under a seed.</summary>
    public static SeededRandom For(int seed, string stream)
    {
        // FNV-1a over the stream name, mixed with the seed: streams differ even for neighbouring seeds.
        unchecked
        {
            var hash = 14695981039346656037UL;
            foreach (var c in stream)
            {
                hash ^= c;
                hash *= 1099511628211UL;
            }
            return new SeededRandom(hash ^ ((ulong)(uint)seed * 0x9E3779B97F4A7C15UL));
        }
    }

    public ulong NextULong()
    {
        unchecked
        {
            var result = RotateLeft(s1 * 5, 7) * 9;
            var t = s1 << 17;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= t;
            s3 = RotateLeft(s3, 45);
            return result;
        }
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, <paramref name="maxExclusive"/>).</summary>
    public int Next(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxExclusive, 1);
        // Multiply-shift (Lemire) without the rejection step: the bias is below 2^-32 for our ranges.
        return (int)(((NextULong() >> 32) * (ulong)maxExclusive) >> 32);
    }

    /// <summary>Uniform in [<paramref name="min"/>, <paramref name="max"/>], both included.</summary>
    public int Between(int min, int max) => min + Next(max - min + 1);

    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>A Poisson count; large means are summed in chunks so the product never underflows.</summary>
    public int Poisson(double mean)
    {
        var count = 0;
        while (mean > 0)
        {
            var chunk = Math.Min(mean, 30.0);
            mean -= chunk;
            var limit = Math.Exp(-chunk);
            var product = NextDouble();
            while (product > limit)
            {
                count++;
                product *= NextDouble();
            }
        }
        return count;
    }

    /// <summary>Picks an index with probability proportional to its weight.</summary>
    public int Pick(ReadOnlySpan<double> weights)
    {
        var total = 0.0;
        foreach (var w in weights) total += w;
        var r = NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            r -= weights[i];
            if (r < 0) return i;
        }
        return weights.Length - 1;
    }

    /// <summary>SplitMix64: the next output, advancing the state.</summary>
    public static ulong SplitMix(ref ulong state)
    {
        unchecked
        {
            var z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
