using Malekort.Capture;
using Malekort.Periods;

namespace Malekort.Indicators;

/// <summary>The parts of the data that batches carry and supersede one by one.</summary>
internal enum Part { Payments, Livelihood, Family, Cases, Kvp, Jobseekers, Followups }

/// <summary>
/// Which batch is the truth for what, in one unit (capture-format "The batch"): decided when the unit's batches change, not
/// on every recompute.
/// </summary>
/// <remarks>
/// A newer extract supersedes what older ones said about the days it covers, part by part (a batch without <c>kvp.csv</c>
/// says nothing about KVP). Dated events (payments, cases, follow-ups) are kept when no newer batch with that part covers
/// their day. Histories (livelihood, family, KVP, job seekers) are read, for each month, from the newest batch with that
/// part whose period overlaps the month: they describe the person as known at that extraction. A month no batch with a part
/// overlaps is not captured for it. A keyed batch (<see cref="BatchHeader.SupersessionKey"/>, e.g. one Digisos application)
/// is the truth only about its key: it is replaced by a newer batch with the same key (in any unit), yields to newer
/// full-truth batches covering its days, and never erases anything else.
/// </remarks>
internal sealed class Supersession
{
    private static readonly CaptureDomains[] PartDomains =
    [
        CaptureDomains.Payments, CaptureDomains.Livelihood, CaptureDomains.Family, CaptureDomains.Cases,
        CaptureDomains.Kvp, CaptureDomains.Jobseekers, CaptureDomains.Followups,
    ];

    // Per part, per month from FirstMonth: the batch that is the truth for it, or -1.
    private readonly int[][] authority;
    // Per part, per batch: the day intervals of newer full-truth batches with the part, which supersede its events.
    private readonly (int From, int To)[][][] newerCovers;
    // Per batch: replaced by a newer batch with the same supersession key.
    private readonly bool[] replacedByKey;

    public Supersession(IReadOnlyList<BatchInfo> batches)
    {
        var byRankDescending = batches.OrderByDescending(b => b.Rank).ToArray();
        FirstMonth = batches.Count == 0 ? 0 : batches.Min(b => Month.Of(b.Header.PeriodFrom).Index);
        var lastMonth = batches.Count == 0 ? -1 : batches.Max(b => Month.Of(b.Header.PeriodTo).Index);
        var length = Math.Max(0, lastMonth - FirstMonth + 1);
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
    }

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
