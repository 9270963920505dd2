using System.Collections.Concurrent;
using Malekort.Periods;
using Malekort.Units;

namespace Malekort.Web.State;

/// <summary>What a cached entry is a part of.</summary>
internal enum ResponsePart
{
    /// <summary>The whole scorecard page (<c>/malekort</c>): rendered once per unit, month and publication, then sent as it is.</summary>
    ScorecardPage,

    /// <summary>The whole body of <c>/api/malekort</c>.</summary>
    ScorecardJson,
}

/// <summary>The key of a cached entry: one part for one unit and month.</summary>
/// <param name="Part">What the entry is.</param>
/// <param name="Unit">The unit it shows.</param>
/// <param name="Month">The month it shows.</param>
/// <param name="Revision">
/// The revision of the unit's office's publication that the part shows (0: not published, or the part does not show it): a
/// publication does not replace the snapshot, so the pages shown before it are simply no longer asked for.
/// </param>
internal readonly record struct ResponseKey(ResponsePart Part, UnitCode Unit, Month Month, int Revision = 0);

/// <summary>
/// Rendered response parts of one snapshot, up to a budget of bytes. It lives on the snapshot, so a new data version starts
/// with an empty cache and nothing rendered from older data is ever served; and each viewer's view of the snapshot
/// (<see cref="ScorecardSnapshot.For"/>) has its own, so it holds only what that viewer may see.
/// </summary>
/// <remarks>
/// A national scorecard has ~760 units × 36 months of pages, far more than the budget holds. When full, a new entry
/// replaces a randomly chosen one, and only one miss in <see cref="AdmitOneIn"/> is admitted at all: under the scan a load
/// test or a crawler makes (every unit in turn, more than fit), least-recently-used would evict each entry just before it
/// is asked for again and never hit, while this keeps most of what is cached and still follows a change in what is asked.
/// </remarks>
internal sealed class ResponseCache
{
    /// <summary>
    /// The budget of a snapshot's cache. The server's peak memory is the computation's (~800 MiB national, goal 1 GiB), and
    /// the old snapshot's cache is still held while the next one is computed, so the cache must fit under the difference.
    /// </summary>
    public const long DefaultBudget = 128L << 20;

    /// <summary>When full, one miss in this many replaces an entry.</summary>
    public const int AdmitOneIn = 8;

    // Bodies as UTF-8 bytes, sent as they are.
    private readonly ConcurrentDictionary<ResponseKey, byte[]> entries = new();
    private readonly List<ResponseKey> keys = [];
    private readonly Lock admitting = new();
    private readonly Random random;
    private long bytes;
    private bool suspended;

    /// <param name="budget">The most bytes of entries held; 0 turns the cache off.</param>
    /// <param name="random">Chooses what is evicted and admitted; seeded in tests.</param>
    public ResponseCache(long budget, Random? random = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(budget);
        Budget = budget;
        this.random = random ?? Random.Shared;
    }

    /// <summary>The most bytes of entries held.</summary>
    public long Budget { get; }

    /// <summary>The bytes of entries held now.</summary>
    public long Bytes => Volatile.Read(ref bytes);

    /// <summary>The number of entries held now.</summary>
    public int Count => entries.Count;

    public bool TryGet(ResponseKey key, out byte[] value)
    {
        var found = entries.TryGetValue(key, out var entry);
        value = entry ?? [];
        return found;
    }

    /// <summary>Keeps the entry if the budget allows (see the remarks); the caller must not change the array afterwards.</summary>
    public void Add(ResponseKey key, byte[] value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (admitting)
        {
            if (MakeRoom(key, value.Length)) Keep(key, value);
        }
    }

    /// <summary>
    /// Keeps a copy of <paramref name="body"/> if the budget allows (see the remarks): a page rendered into a pooled buffer is
    /// copied only when it is kept, not on every miss.
    /// </summary>
    public void Add(ResponseKey key, ReadOnlySpan<byte> body)
    {
        lock (admitting)
        {
            if (MakeRoom(key, body.Length)) Keep(key, body.ToArray());
        }
    }

    // Under the lock: whether an entry of the size is let in, after evicting what it needs.
    private bool MakeRoom(ResponseKey key, long size)
    {
        if (size > Budget || suspended || entries.ContainsKey(key)) return false;
        if (bytes + size > Budget)
        {
            if (random.Next(AdmitOneIn) != 0) return false;
            while (bytes + size > Budget) EvictOne();
        }
        return true;
    }

    private void Keep(ResponseKey key, byte[] value)
    {
        entries[key] = value;
        keys.Add(key);
        Volatile.Write(ref bytes, bytes + value.Length);
    }

    /// <summary>
    /// Lets every entry go and keeps none until <see cref="Resume"/>: called when the snapshot is about to be replaced, so
    /// the next computation's memory does not come on top of a full cache (the server's peak memory is that computation's).
    /// </summary>
    public void Suspend()
    {
        lock (admitting)
        {
            suspended = true;
            entries.Clear();
            keys.Clear();
            Volatile.Write(ref bytes, 0);
        }
    }

    /// <summary>Keeps entries again: the snapshot stays in use after all (its replacement failed).</summary>
    public void Resume()
    {
        lock (admitting) suspended = false;
    }

    private void EvictOne()
    {
        var i = random.Next(keys.Count);
        var key = keys[i];
        keys[i] = keys[^1];
        keys.RemoveAt(keys.Count - 1);
        if (entries.TryRemove(key, out var removed)) Volatile.Write(ref bytes, bytes - removed.Length);
    }
}
