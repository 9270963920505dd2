using Malekort.Capture;
using Malekort.Periods;

namespace Malekort.Indicators;

/// <summary>The parts of the data that batches carry and supersede one by one.</summary>
internal enum Part { Payments, Livelihood, Family, Cases, Kvp, Jobseekers, Followups, Conditions, Exemptions, Sanctions }

/// <summary>
/// Which batch is the truth for what, in one unit (capture-format "The batch"): decided when the unit's batches change, not
/// on every recompute.
/// </summary>
/// <remarks>
/// A newer extract supersedes what older ones said about the days it covers, part by part (a batch without <c>kvp.csv</c>
/// says nothing about KVP). Dated events (payments, cases, follow-ups; conditions and exemptions by their decision, sanctions
/// by their day) are kept when no newer batch with that part covers their day. A month no batch with a part overlaps is not captured for it.
/// <para>
/// A batch says nothing about persons it does not list (<see cref="BatchRows.People"/>: its persons file, or whoever its
/// records name). So a person's histories (livelihood, family, KVP, job seekers) in a month come from the newest batch with
/// that part that overlaps the month and lists the person; when none does, from the newest batch with the part that lists
/// the person and ended before the month: the person keeps what the older batch said, as known at its extraction. Before
/// the first batch that lists a person, no batch has said anything about the person's histories. This is the one place
/// the rule is decided (<see cref="HistoryMask"/>); docs/capture-format.md and docs/decisions.md state it.
/// </para>
/// A keyed batch (<see cref="BatchHeader.SupersessionKey"/>, e.g. one Digisos application) is the truth only about its key:
/// it is replaced by a newer batch with the same key (in any unit), yields to newer full-truth batches covering its days,
/// and never erases anything else; for a month, a full-truth batch goes before a keyed one.
/// </remarks>
internal sealed class Supersession
{
    private static readonly CaptureDomains[] PartDomains =
    [
        CaptureDomains.Payments, CaptureDomains.Livelihood, CaptureDomains.Family, CaptureDomains.Cases,
        CaptureDomains.Kvp, CaptureDomains.Jobseekers, CaptureDomains.Followups, CaptureDomains.Conditions,
        CaptureDomains.Exemptions, CaptureDomains.Sanctions,
    ];

    /// <summary>The parts read per person from the batches that list the person, in <see cref="HistoryMask"/>'s order.</summary>
    public static readonly Part[] Histories = [Part.Livelihood, Part.Family, Part.Kvp, Part.Jobseekers];

    // Per part, per month from FirstMonth: the batch that is the truth for it, or -1.
    private readonly int[][] authority;
    // Per part, per batch: the day intervals of newer full-truth batches with the part, which supersede its events.
    private readonly (int From, int To)[][][] newerCovers;
    // Per batch: replaced by a newer batch with the same supersession key.
    private readonly bool[] replacedByKey;
    // Per list of Listings: for each history part and each slot of the list, the months (bit 0 = FirstMonth) in which that
    // batch is the truth for the histories of the persons with the list.
    private readonly ulong[][] historyMasks;
    private readonly int[] listLengths;

    public Supersession(IReadOnlyList<BatchInfo> batches, Listings listings)
    {
        var byRankDescending = batches.OrderByDescending(b => b.Rank).ToArray();
        FirstMonth = batches.Count == 0 ? 0 : batches.Min(b => Month.Of(b.Header.PeriodFrom).Index);
        var lastMonth = batches.Count == 0 ? -1 : batches.Max(b => Month.Of(b.Header.PeriodTo).Index);
        var length = Math.Max(0, lastMonth - FirstMonth + 1);
        Words = MonthBits.Words(length);
        authority = new int[PartDomains.Length][];
        newerCovers = new (int, int)[PartDomains.Length][][];
        for (var p = 0; p < PartDomains.Length; p++)
        {
            var domain = PartDomains[p];
            authority[p] = new int[length];
            for (var i = 0; i < length; i++)
            {
                var month = Month.FromIndex(FirstMonth + i);
                var (start, end) = (month.Start.DayNumber, month.End.DayNumber);
                // A full-truth batch is the authority where one overlaps; keyed batches only make the month captured.
                var overlapping = byRankDescending.Where(b => b.Has(domain) && !b.ReplacedByKey && b.FromDay <= end && b.ToDay >= start);
                authority[p][i] = (overlapping.FirstOrDefault(b => b.Header.SupersessionKey is null) ?? overlapping.FirstOrDefault())?.Index ?? -1;
            }
            newerCovers[p] = batches
                .Select(own => byRankDescending
                    .Where(b => b.Rank > own.Rank && b.Header.SupersessionKey is null && b.Has(domain))
                    .Select(b => (b.FromDay, b.ToDay))
                    .ToArray())
                .ToArray();
        }
        // WorkingSetBuilder.Build marks the batches replaced by key, over all units, before it builds this.
        replacedByKey = batches.Select(b => b.ReplacedByKey).ToArray();
        historyMasks = new ulong[listings.Count][];
        listLengths = new int[listings.Count];
        for (var list = 0; list < listings.Count; list++)
        {
            listLengths[list] = listings.Batches(list).Length;
            historyMasks[list] = HistoryMasks(listings.Batches(list).Select(i => batches[i]).ToArray(), length);
        }
    }

    /// <summary>For each history part and each batch of a list, the captured months in which it is the truth for the list's persons.</summary>
    private ulong[] HistoryMasks(BatchInfo[] listedBy, int length)
    {
        var masks = new ulong[Histories.Length * listedBy.Length * Words];
        for (var h = 0; h < Histories.Length; h++)
        {
            var part = Histories[h];
            var domain = PartDomains[(int)part];
            for (var i = 0; i < length; i++)
            {
                if (authority[(int)part][i] < 0) continue;
                var month = Month.FromIndex(FirstMonth + i);
                var (start, end) = (month.Start.DayNumber, month.End.DayNumber);
                var (best, bestKey) = (-1, (Overlaps: false, FullTruth: false, Rank: -1));
                for (var slot = 0; slot < listedBy.Length; slot++)
                {
                    var b = listedBy[slot];
                    // A batch that starts after the month has said nothing about it yet.
                    if (!b.Has(domain) || b.ReplacedByKey || b.FromDay > end) continue;
                    var key = (Overlaps: b.ToDay >= start, FullTruth: b.Header.SupersessionKey is null, b.Rank);
                    if (key.CompareTo(bestKey) > 0) (best, bestKey) = (slot, key);
                }
                if (best >= 0) MonthBits.Set(masks.AsSpan((h * listedBy.Length + best) * Words, Words), i);
            }
        }
        return masks;
    }

    /// <summary>The number of words of a month mask here (bit 0 = <see cref="FirstMonth"/>).</summary>
    public int Words { get; }

    /// <summary>
    /// The months (bit 0 = <see cref="FirstMonth"/>) in which the batch in <paramref name="slot"/> of a list of
    /// <see cref="Listings"/> is the truth for the <see cref="Histories"/> part <paramref name="history"/> of the list's persons.
    /// </summary>
    public ReadOnlySpan<ulong> HistoryMask(int list, int history, int slot) =>
        historyMasks[list].AsSpan((history * listLengths[list] + slot) * Words, Words);

    /// <summary>The first month any batch covers.</summary>
    public int FirstMonth { get; }

    /// <summary>The batch that is the truth for the part in the (absolute) month, or -1 when none covers it.</summary>
    public int AuthorityOf(Part part, int month)
    {
        var table = authority[(int)part];
        var i = month - FirstMonth;
        return i >= 0 && i < table.Length ? table[i] : -1;
    }

    /// <summary>
    /// Whether a dated event is superseded: a newer full-truth batch with the same part covers its day, or, for a keyed batch,
    /// a newer batch has the same key.
    /// </summary>
    public bool IsSuperseded(Part part, int batch, int day)
    {
        if (replacedByKey[batch]) return true;
        foreach (var (from, to) in newerCovers[(int)part][batch])
        {
            if (from <= day && day <= to) return true;
        }
        return false;
    }
}
