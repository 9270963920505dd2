using System.Runtime.InteropServices;

namespace Malekort.Indicators;

/// <summary>
/// A growing array of rows that <see cref="WorkingSetBuilder"/> keeps between builds, and whose frozen views
/// (<see cref="Freeze"/>) never change afterwards: a built <see cref="WorkingSet"/> is read by requests while the next one is
/// built from the same builder (the server keeps its working set between data versions instead of loading it again whole).
/// </summary>
/// <remarks>
/// Appending writes past every view's end, which no view reads, so the rows are shared, not copied: that sharing is what
/// keeps two data versions from holding two working sets. Growing allocates a new array and leaves the old one to the views
/// that hold it. Only changing a row a view can see (<see cref="Set"/>, <see cref="Replace"/>) copies first, once per build.
/// </remarks>
internal sealed class Rows<T>
{
    private T[] items = [];
    private int count;
    // Rows below this index are seen by a frozen view of this array: writing one copies the array first.
    private int shared;

    /// <summary>How many rows there are.</summary>
    public int Count => count;

    /// <summary>A row, as the builder reads it.</summary>
    public T this[int index] => (uint)index < (uint)count ? items[index] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>The rows, as the builder reads them.</summary>
    public ReadOnlySpan<T> Span => items.AsSpan(0, count);

    public void Add(T row)
    {
        if (count == items.Length)
        {
            Array.Resize(ref items, Math.Max(4, items.Length * 2));
            shared = 0;
        }
        items[count++] = row;
    }

    /// <summary>Changes a row; one a frozen view can see is changed in a copy, so the view keeps what it had.</summary>
    public void Set(int index, T row)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)count, nameof(index));
        if (index < shared)
        {
            items = items.AsSpan().ToArray();
            shared = 0;
        }
        items[index] = row;
    }

    /// <summary>Replaces every row with <paramref name="rows"/>, which nothing else may hold; frozen views keep the old ones.</summary>
    public void Replace(T[] rows)
    {
        items = rows;
        count = rows.Length;
        shared = 0;
    }

    /// <summary>The rows as they are now, for a built working set: later adds and sets never show in it.</summary>
    public Frozen<T> Freeze()
    {
        shared = count;
        return new Frozen<T>(items, count);
    }
}

/// <summary>Rows as they were when frozen (<see cref="Rows{T}.Freeze"/>): the first <c>Count</c> rows of an array nothing writes to again.</summary>
internal readonly struct Frozen<T>(T[] items, int count)
{
    public static Frozen<T> Empty => new([], 0);

    public int Count => count;

    // Without the checks of new(items, 0, count): the engine asks for a span per history row, and count <= items.Length always.
    public ReadOnlySpan<T> Span => MemoryMarshal.CreateReadOnlySpan(ref MemoryMarshal.GetArrayDataReference(items), count);
}
