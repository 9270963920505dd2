namespace Malekort.Indicators;

/// <summary>Bit sets of months: bit i of a span of words is month base+i.</summary>
internal static class MonthBits
{
    public static int Words(int months) => (months + 63) >> 6;

    public static void Set(Span<ulong> words, int i) => words[i >> 6] |= 1UL << (i & 63);

    public static bool IsSet(ReadOnlySpan<ulong> words, int i) => (words[i >> 6] & (1UL << (i & 63))) != 0;

    /// <summary>Word <paramref name="w"/> of the months <paramref name="from"/> … <paramref name="to"/>.</summary>
    public static ulong RangeWord(int from, int to, int w)
    {
        var lo = Math.Max(from, w << 6);
        var hi = Math.Min(to, (w << 6) + 63);
        if (lo > hi) return 0;
        var width = hi - lo + 1;
        return (width == 64 ? ulong.MaxValue : (1UL << width) - 1) << (lo & 63);
    }

    /// <summary>Word <paramref name="w"/> of the bits shifted <paramref name="by"/> months later (bit i = month i-by), 1 ≤ by ≤ 63.</summary>
    public static ulong Shifted(ReadOnlySpan<ulong> bits, int w, int by) =>
        (bits[w] << by) | (w > 0 ? bits[w - 1] >> (64 - by) : 0);

    /// <summary>The 64 bits of <paramref name="bits"/> from bit <paramref name="position"/> on (any position; bits outside are 0).</summary>
    public static ulong WordAt(ReadOnlySpan<ulong> bits, int position)
    {
        var word = position >> 6;
        var shift = position & 63;
        var low = word >= 0 && word < bits.Length ? bits[word] : 0;
        if (shift == 0) return low;
        var high = word + 1 >= 0 && word + 1 < bits.Length ? bits[word + 1] : 0;
        return (low >> shift) | (high << (64 - shift));
    }
}
