using System.Collections.Frozen;
using Malekort.Periods;
using Malekort.Storage;
using Malekort.Units;

namespace Malekort.Web.Publishing;

/// <summary>
/// The latest revision of every published month, in memory, so the scorecard can say whether its month is published without
/// asking the database on a request. Replaced whole (like the scorecard snapshot): readers never lock.
/// </summary>
internal sealed class PublicationBook(IMalekortStore store)
{
    private readonly Lock writing = new();
    private FrozenDictionary<(UnitCode Office, Month Month), PublicationHeader> latest =
        FrozenDictionary<(UnitCode, Month), PublicationHeader>.Empty;

    /// <summary>The revision in force for the office's month, or null when the month is not published.</summary>
    public PublicationHeader? Latest(UnitCode office, Month month) => Volatile.Read(ref latest).GetValueOrDefault((office, month));

    /// <summary>The revision in force of every published month, newest month first, then by office.</summary>
    public IReadOnlyList<PublicationHeader> All() => Volatile.Read(ref latest).Values
        .OrderByDescending(h => h.Month).ThenBy(h => h.Office.Value, StringComparer.Ordinal).ToList();

    /// <summary>Reads every revision from the store (at start, and now and then for other servers' publications).</summary>
    public void Reload()
    {
        var headers = store.Publications();
        lock (writing)
        {
            var map = new Dictionary<(UnitCode, Month), PublicationHeader>();
            foreach (var h in headers) Keep(map, h);
            Volatile.Write(ref latest, map.ToFrozenDictionary());
        }
    }

    /// <summary>Takes a revision this server has just published.</summary>
    public void Record(PublicationHeader header)
    {
        lock (writing)
        {
            var map = new Dictionary<(UnitCode, Month), PublicationHeader>(latest);
            Keep(map, header);
            Volatile.Write(ref latest, map.ToFrozenDictionary());
        }
    }

    private static void Keep(Dictionary<(UnitCode, Month), PublicationHeader> map, PublicationHeader header)
    {
        var key = (header.Office, header.Month);
        if (!map.TryGetValue(key, out var known) || known.Revision < header.Revision) map[key] = header;
    }
}
