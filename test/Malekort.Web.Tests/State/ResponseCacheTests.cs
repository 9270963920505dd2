using Malekort.Periods;
using Malekort.Units;

namespace Malekort.Web.State;

public sealed class ResponseCacheTests
{
    private static readonly Month December = new(2024, 12);

    private static ResponseKey Key(int i) => new(ResponsePart.ScorecardJson, UnitCode.Parse((3101 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)), December);

    [Fact]
    public void A_kept_entry_is_returned_as_it_was_added()
    {
        var cache = new ResponseCache(1000, new Random(1));
        var body = new byte[] { 1, 2, 3 };
        cache.Add(Key(0), body);

        Assert.True(cache.TryGet(Key(0), out byte[] found));
        Assert.Same(body, found);
        Assert.False(cache.TryGet(Key(1), out byte[] _));
        Assert.Equal(3, cache.Bytes);
    }

    [Fact]
    public void A_body_rendered_into_a_reused_buffer_is_kept_as_a_copy()
    {
        var cache = new ResponseCache(1000, new Random(1));
        var buffer = new byte[] { 1, 2, 3, 4 };
        cache.Add(Key(0), buffer.AsSpan(0, 3));

        buffer[0] = 9;

        Assert.True(cache.TryGet(Key(0), out byte[] found));
        Assert.Equal([1, 2, 3], found);
        Assert.Equal(3, cache.Bytes);
    }

    [Fact]
    public void Entries_never_hold_more_bytes_than_the_budget()
    {
        var cache = new ResponseCache(1000, new Random(2));
        for (var i = 0; i < 500; i++)
        {
            cache.Add(Key(i), new byte[100 + i % 7]);
            Assert.InRange(cache.Bytes, 0, 1000);
        }
        Assert.InRange(cache.Count, 1, 10);
    }

    [Fact]
    public void When_full_only_some_misses_replace_an_entry_so_a_scan_keeps_most_of_what_is_cached()
    {
        var cache = new ResponseCache(1000, new Random(3));
        for (var i = 0; i < 10; i++) cache.Add(Key(i), new byte[100]);
        Assert.Equal(10, cache.Count);

        // A scan of 80 units that do not fit: about one in AdmitOneIn (8) is let in.
        for (var i = 10; i < 90; i++) cache.Add(Key(i), new byte[100]);

        var first = Enumerable.Range(0, 10).Count(i => cache.TryGet(Key(i), out byte[] _));
        var scanned = Enumerable.Range(10, 80).Count(i => cache.TryGet(Key(i), out byte[] _));
        Assert.Equal(10, first + scanned);
        Assert.InRange(scanned, 1, 9);
        Assert.InRange(first, 1, 9);
    }

    [Fact]
    public void An_entry_larger_than_the_budget_is_not_kept()
    {
        var cache = new ResponseCache(100, new Random(4));
        cache.Add(Key(0), new byte[101]);
        Assert.Equal(0, cache.Count);
        Assert.Equal(0, cache.Bytes);
    }

    [Fact]
    public void A_budget_of_zero_keeps_nothing()
    {
        var cache = new ResponseCache(0, new Random(5));
        cache.Add(Key(0), new byte[1]);
        Assert.False(cache.TryGet(Key(0), out byte[] _));
    }

    [Fact]
    public void A_suspended_cache_lets_everything_go_and_keeps_nothing_until_resumed()
    {
        var cache = new ResponseCache(1000, new Random(6));
        cache.Add(Key(0), new byte[10]);
        cache.Suspend();
        Assert.Equal(0, cache.Count);
        Assert.Equal(0, cache.Bytes);

        cache.Add(Key(1), new byte[10]);
        Assert.False(cache.TryGet(Key(1), out byte[] _));

        cache.Resume();
        cache.Add(Key(1), new byte[10]);
        Assert.True(cache.TryGet(Key(1), out byte[] _));
    }

    [Fact]
    public void Viewers_never_see_each_others_entries_and_share_one_budget_and_one_suspension()
    {
        var cache = new ResponseCache(1000, new Random(7));
        var moss = cache.For(Confidentiality.Viewer.Office(UnitCode.Office("0104")));
        var sarpsborg = cache.For(Confidentiality.Viewer.Office(UnitCode.Office("0105")));
        moss.Add(Key(0), new byte[600]);

        Assert.True(moss.TryGet(Key(0), out byte[] _));
        Assert.False(sarpsborg.TryGet(Key(0), out byte[] _));
        Assert.False(cache.TryGet(Key(0), out byte[] _));
        // Two offices' pages together would pass the budget: the second evicts or is not admitted, never both kept.
        for (var i = 0; i < 100; i++) sarpsborg.Add(Key(i), new byte[600]);
        Assert.InRange(cache.Bytes, 600, 1000);
        Assert.Equal(1, cache.Count);

        cache.Suspend();
        Assert.Equal(0, moss.Count);
        sarpsborg.Add(Key(1), new byte[10]);
        Assert.False(sarpsborg.TryGet(Key(1), out byte[] _));
    }

    [Fact]
    public void A_negative_budget_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ResponseCache(-1));
    }
}
