using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Malekort.DataQuality;

namespace Malekort.Import.Limits;

/// <summary>
/// The findings of one read, bounded: the first <see cref="InputLimits.FindingsPerKind"/> of each kind (severity, file, column
/// and rule) and <see cref="InputLimits.FindingsListed"/> in all are listed, and the rest only counted. Each kind with findings
/// left out ends with one line that says how many (<see cref="Finding.Count"/>), so totals stay exact: a file with a
/// million broken rows costs a million counts, not a million findings in memory, in the database and on a page.
/// </summary>
internal sealed class BoundedFindings
{
    private static readonly CultureInfo Norwegian = CultureInfo.GetCultureInfo("nb-NO");

    private readonly List<Finding> listed = [];
    private readonly Dictionary<Kind, Tally> kinds = [];
    // Findings of kinds first met once FindingsListed kinds are known, by severity: counted, with the first one's file.
    private readonly Dictionary<Severity, (string File, long Count)> unlisted = [];
    private IReadOnlyList<Finding>? all;

    /// <summary>Whether any finding rejects the input (error or fatal).</summary>
    public bool Rejects => Rejecting > 0;

    /// <summary>How many rejecting findings were added, listed or not.</summary>
    public long Rejecting { get; private set; }

    public void Add(Finding finding)
    {
        all = null;
        if (finding.Rejects) Rejecting += finding.Count;
        var kind = new Kind(finding.Severity, finding.File, finding.Column, finding.Rule);
        ref var tally = ref CollectionsMarshal.GetValueRefOrNullRef(kinds, kind);
        if (Unsafe.IsNullRef(ref tally))
        {
            if (kinds.Count >= InputLimits.FindingsListed)
            {
                var (file, count) = unlisted.GetValueOrDefault(finding.Severity, (finding.File, 0L));
                unlisted[finding.Severity] = (file, count + finding.Count);
                return;
            }
            kinds[kind] = default;
            tally = ref CollectionsMarshal.GetValueRefOrNullRef(kinds, kind);
        }
        tally.Total += finding.Count;
        if (tally.Listed < InputLimits.FindingsPerKind && listed.Count < InputLimits.FindingsListed)
        {
            listed.Add(finding);
            tally.Listed++;
            tally.ListedCount += finding.Count;
        }
    }

    /// <summary>The listed findings in the order met, then one line per kind with findings left out.</summary>
    public IReadOnlyList<Finding> ToList() => all ??= Build();

    private List<Finding> Build()
    {
        var result = new List<Finding>(listed);
        foreach (var (kind, tally) in kinds)
        {
            var left = tally.Total - tally.ListedCount;
            if (left <= 0) continue;
            var message = string.Create(Norwegian,
                $"{left:N0} funn til av samme slag er ikke vist: {tally.Total:N0} i alt, de {tally.Listed:N0} første står i listen.");
            result.Add(new Finding(kind.Severity, kind.File, 0, kind.Column, message, kind.Rule) { Count = Clamp(left) });
        }
        foreach (var (severity, (file, count)) in unlisted)
        {
            var message = string.Create(Norwegian,
                $"{count:N0} funn til av andre slag er ikke vist; listen holder høyst {InputLimits.FindingsListed:N0} slag funn.");
            result.Add(new Finding(severity, file, 0, "", message) { Count = Clamp(count) });
        }
        return result;
    }

    private static int Clamp(long count) => (int)Math.Min(count, int.MaxValue);

    private readonly record struct Kind(Severity Severity, string File, string Column, string Rule);

    private struct Tally
    {
        public long Total;
        public int Listed;
        public long ListedCount;
    }
}
