namespace Malekort.Import.Pipeline;

/// <summary>
/// The inputs read but not yet stored, handed from the reading thread to the storing one. The reader may run ahead by at most
/// <c>maxItems</c> inputs and <c>maxRecords</c> records (one input is always let through, however large), so memory stays
/// bounded; the store takes everything that is ready at once, to land it in one transaction.
/// </summary>
internal sealed class ReadAhead<T>(int maxItems, long maxRecords) : IDisposable
{
    private readonly Queue<(T Item, long Records)> queue = new();
    private long records;
    private bool completed;
    private bool abandoned;

    /// <summary>Adds an input, waiting while the store is that far behind; false when the store has stopped taking inputs.</summary>
    public bool Add(T item, long itemRecords)
    {
        lock (queue)
        {
            while (!abandoned && queue.Count > 0 && (queue.Count >= maxItems || records + itemRecords > maxRecords)) Monitor.Wait(queue);
            if (abandoned) return false;
            queue.Enqueue((item, itemRecords));
            records += itemRecords;
            Monitor.PulseAll(queue);
            return true;
        }
    }

    /// <summary>No more inputs will come.</summary>
    public void Complete()
    {
        lock (queue)
        {
            completed = true;
            Monitor.PulseAll(queue);
        }
    }

    /// <summary>Every input that is ready, waiting for one when none is; empty when the reader is done and all are taken.</summary>
    public IReadOnlyList<T> TakeReady()
    {
        lock (queue)
        {
            while (queue.Count == 0 && !completed) Monitor.Wait(queue);
            var ready = new List<T>(queue.Count);
            while (queue.TryDequeue(out var next))
            {
                ready.Add(next.Item);
                records -= next.Records;
            }
            Monitor.PulseAll(queue);
            return ready;
        }
    }

    /// <summary>The store takes no more inputs (it failed): a reader waiting to add one stops.</summary>
    public void Dispose()
    {
        lock (queue)
        {
            abandoned = true;
            queue.Clear();
            Monitor.PulseAll(queue);
        }
    }
}
