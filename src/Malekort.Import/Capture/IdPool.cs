namespace Malekort.Import.Capture;

/// <summary>
/// One string per distinct id text, so ids that repeat row after row (a case's many payments) are allocated once;
/// on large batches this keeps the reader's garbage, and so its time, down.
/// </summary>
internal sealed class IdPool
{
    private readonly Dictionary<string, string> pool = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> lookup;

    public IdPool() => lookup = pool.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Get(ReadOnlySpan<char> text)
    {
        if (lookup.TryGetValue(text, out var known)) return known;
        var id = text.ToString();
        pool.Add(id, id);
        return id;
    }
}
