using System.Numerics;

namespace Malekort.Indicators;

/// <summary>Bit sets of months: bit i of a span of words is month base+i.</summary>
internal static class MonthBits
{
    public static int Words(int months) => (months + 63) >> 6;

    public static bool Get(ReadOnlySpan<ulong> words, int i) => (words[i >> 6] & (1UL << (i & 63))) != 0;

    public static void Set(Span<ulong> words, int i) => words[i >> 6] |= 1UL << (i & 63);

    /// <summary>Sets months <paramref name="from"/> … <paramref name="to"/> (inclusive), clipped to the span.</summary>
    public static void SetRange(Span<ulong> words, int from, int to)
    {
        var months = words.Length << 6;
        if (from < 0) from = 0;
        if (to >= months) to = months - 1;
        for (var i = from; i <= to;)
        {
            var word = i >> 6;
            var lo = i & 63;
            var hi = Math.Min(63, to - (word << 6));
            var mask = (hi == 63 ? ulong.MaxValue : (1UL << (hi + 1)) - 1) & ~((1UL << lo) - 1);
            words[word] |= mask;
            i = (word + 1) << 6;
        }
    }

    /// <summary>Word <paramref name="w"/> of the bits shifted <paramref name="by"/> months later (bit i = month i-by), 1 ≤ by ≤ 63.</summary>
    public static ulong Shifted(ReadOnlySpan<ulong> bits, int w, int by) =>
        (bits[w] << by) | (w > 0 ? bits[w - 1] >> (64 - by) : 0);

    /// <summary>Adds one to <paramref name="counts"/>[i] for each set bit i of the word.</summary>
    public static void Count(Span<long> counts, int word, ulong bits)
    {
        var offset = word << 6;
        while (bits != 0)
        {
            var bit = BitOperations.TrailingZeroCount(bits);
            counts[offset + bit]++;
            bits &= bits - 1;
        }
    }
}
