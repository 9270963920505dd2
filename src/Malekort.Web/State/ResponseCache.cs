using System.Collections.Concurrent;
using Malekort.Periods;
using Malekort.Units;

namespace Malekort.Web.State;

/// <summary>What a cached entry is a part of.</summary>
internal enum ResponsePart
{
    /// <summary>The whole scorecard page (<c>/malekort</c>): rendered once per unit, month and publication, then sent as it is.</summary>
    ScorecardPage,

    /// <summary>The scorecard page with the national set (<c>alle=ja</c>) of a unit that has chosen its own indicators.</summary>
    ScorecardPageAll,

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
/// with an empty cache and nothing rendered from older data is ever served. Each viewer's view of the snapshot
/// (<see cref="ScorecardSnapshot.For"/>) asks through <see cref="For"/>: its entries are keyed by the viewer, so one viewer's
/// page is never served to another, and all viewers share the one budget, so the memory held does not grow with the number
/// of offices, municipalities and counties whose users are signed in.
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
    /// The budget of a snapshot's cache, for all its viewers together. The server's peak memory is the computation's
    /// (~800 MiB national, goal 1 GiB), and the old snapshot's cache is let go before the next one is computed
    /// (<see cref="Suspend"/>), so the cache must fit under the difference.
    /// </summary>
    public const long DefaultBudget = 128L << 20;

    /// <summary>When full, one miss in this many replaces an entry.</summary>
    public const int AdmitOneIn = 8;

    private readonly Shelf shelf;
    private readonly Confidentiality.Viewer? viewer;

    /// <param name="budget">The most bytes of entries held; 0 turns the cache off.</param>
    /// <param name="random">Chooses what is evicted and admitted; seeded in tests.</param>
    public ResponseCache(long budget, Random? random = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(budget);
        shelf = new Shelf(budget, random ?? Random.Shared);
    }

    private ResponseCache(Shelf shelf, Confidentiality.Viewer viewer)
    {
        this.shelf = shelf;
        this.viewer = viewer;
    }

    /// <summary>The same cache as <paramref name="who"/> uses it: its own entries, the shared budget.</summary>
    public ResponseCache For(Confidentiality.Viewer who) => new(shelf, who);

    /// <summary>The most bytes of entries held, by every viewer together.</summary>
    public long Budget => shelf.Budget;

    /// <summary>The bytes of entries held now, by every viewer together.</summary>
    public long Bytes => Volatile.Read(ref shelf.Bytes);

    /// <summary>The number of entries held now, by every viewer together.</summary>
    public int Count => shelf.Entries.Count;

    public bool TryGet(ResponseKey key, out byte[] value)
    {
        var found = shelf.Entries.TryGetValue((viewer, key), out var entry);
        value = entry ?? [];
        return found;
    }

    /// <summary>Keeps the entry if the budget allows (see the remarks); the caller must not change the array afterwards.</summary>
    public void Add(ResponseKey key, byte[] value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (shelf.Admitting)
        {
            if (shelf.MakeRoom((viewer, key), value.Length)) shelf.Keep((viewer, key), value);
        }
    }

    /// <summary>
    /// Keeps a copy of <paramref name="body"/> if the budget allows (see the remarks): a page rendered into a pooled buffer is
    /// copied only when it is kept, not on every miss.
    /// </summary>
    public void Add(ResponseKey key, ReadOnlySpan<byte> body)
    {
        lock (shelf.Admitting)
        {
            if (shelf.MakeRoom((viewer, key), body.Length)) shelf.Keep((viewer, key), body.ToArray());
        }
    }

    /// <summary>
    /// Lets every viewer's entries go and keeps none until <see cref="Resume"/>: called when the snapshot is about to be
    /// replaced, so the next computation's memory does not come on top of a full cache (the server's peak memory is that
    /// computation's).
    /// </summary>
    public void Suspend()
    {
        lock (shelf.Admitting)
        {
            shelf.Suspended = true;
            shelf.Entries.Clear();
            shelf.Keys.Clear();
            Volatile.Write(ref shelf.Bytes, 0);
        }
    }

    /// <summary>Keeps entries again: the snapshot stays in use after all (its replacement failed).</summary>
    public void Resume()
    {
        lock (shelf.Admitting) shelf.Suspended = false;
    }

    /// <summary>What every viewer's cache of one snapshot shares: the entries, the budget and the lock that admits.</summary>
    private sealed class Shelf(long budget, Random random)
    {
        // Bodies as UTF-8 bytes, sent as they are; the viewer is null for the snapshot's own (full-rights) cache.
        public readonly ConcurrentDictionary<(Confidentiality.Viewer?, ResponseKey), byte[]> Entries = new();
        public readonly List<(Confidentiality.Viewer?, ResponseKey)> Keys = [];
        public readonly Lock Admitting = new();
        public readonly long Budget = budget;
        public long Bytes;
        public bool Suspended;

        // Under the lock: whether an entry of the size is let in, after evicting what it needs.
        public bool MakeRoom((Confidentiality.Viewer?, ResponseKey) key, long size)
        {
            if (size > Budget || Suspended || Entries.ContainsKey(key)) return false;
            if (Bytes + size > Budget)
            {
                if (random.Next(AdmitOneIn) != 0) return false;
                while (Bytes + size > Budget) EvictOne();
            }
            return true;
        }

        public void Keep((Confidentiality.Viewer?, ResponseKey) key, byte[] value)
        {
            Entries[key] = value;
            Keys.Add(key);
            Volatile.Write(ref Bytes, Bytes + value.Length);
        }

        private void EvictOne()
        {
            var i = random.Next(Keys.Count);
            var key = Keys[i];
            Keys[i] = Keys[^1];
            Keys.RemoveAt(Keys.Count - 1);
            if (Entries.TryRemove(key, out var removed)) Volatile.Write(ref Bytes, Bytes - removed.Length);
        }
    }
}
