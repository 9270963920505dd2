namespace Malekort.Import.Pipeline;

/// <summary>
/// The inputs read but not yet landed, handed from the reading thread to the storing one. An input is held from the moment
/// it may be read until it has landed; the reader may start one only while those held are fewer than <c>maxItems</c> and,
/// with it, within <c>maxBytes</c> of files, or when none is held (one input, however large, always passes). The store takes
/// everything that is ready at once, to land it in one transaction.
/// </summary>
internal sealed class ReadAhead<T>(int maxItems, long maxBytes) : IDisposable
{
    private readonly object gate = new();
    private readonly Queue<T> ready = new();
    private int held;
    private long heldBytes;
    private bool completed;
    private bool abandoned;
    private bool readerWaits;
    private int waits;

    /// <summary>
    /// How many times a reader has found no room and waited: tests wait on it, not on time, to know a reader is held back
    /// rather than merely slow.
    /// </summary>
    internal int Waits
    {
        get
        {
            lock (gate) return waits;
        }
    }

    /// <summary>Waits until an input of <paramref name="bytes"/> may be read, and holds it; false when the store has stopped.</summary>
    public bool Reserve(long bytes)
    {
        lock (gate)
        {
            while (!abandoned && held > 0 && (held >= maxItems || heldBytes + bytes > maxBytes))
            {
                // The store must not wait for more inputs while the reader waits for room.
                readerWaits = true;
                waits++;
                Monitor.PulseAll(gate);
                Monitor.Wait(gate);
            }
            readerWaits = false;
            if (abandoned) return false;
            held++;
            heldBytes += bytes;
            return true;
        }
    }

    /// <summary>Hands a read input to the store.</summary>
    public void Add(T item)
    {
        lock (gate)
        {
            if (abandoned) return;
            ready.Enqueue(item);
            Monitor.PulseAll(gate);
        }
    }

    /// <summary>No more inputs will come.</summary>
    public void Complete()
    {
        lock (gate)
        {
            completed = true;
            Monitor.PulseAll(gate);
        }
    }

    /// <summary>
    /// Every input that is ready, once <paramref name="atLeast"/> are, or the reader is done, or it waits for room (then at
    /// least one); empty when the reader is done and all are taken.
    /// </summary>
    public IReadOnlyList<T> TakeReady(int atLeast = 1)
    {
        lock (gate)
        {
            while (ready.Count < atLeast && !completed && !(readerWaits && ready.Count > 0)) Monitor.Wait(gate);
            var taken = new List<T>(ready.Count);
            while (ready.TryDequeue(out var next)) taken.Add(next);
            return taken;
        }
    }

    /// <summary>An input of <paramref name="bytes"/> has landed: it is no longer held.</summary>
    public void Landed(long bytes)
    {
        lock (gate)
        {
            held--;
            heldBytes -= bytes;
            Monitor.PulseAll(gate);
        }
    }

    /// <summary>The store takes no more inputs (it failed): a reader waiting to start one stops.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            abandoned = true;
            ready.Clear();
            Monitor.PulseAll(gate);
        }
    }
}
