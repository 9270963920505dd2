using Malekort.Capture;
using Malekort.Units;

namespace Malekort.Indicators;

/// <summary>
/// Builds a <see cref="WorkingSet"/> from batches' <see cref="BatchRows"/>: what can affect an indicator (paid social
/// assistance, children, ordinary job seekers …), persons renumbered densely per unit.
/// </summary>
public sealed class WorkingSetBuilder
{
    private readonly Dictionary<UnitCode, UnitBuilder> units = [];
    // Each unit as the last Build froze it: the next Build shares the ones that have not changed since.
    private readonly Dictionary<UnitCode, UnitData> built = [];
    private readonly List<(UnitBuilder Unit, int Index)> batches = [];
    private readonly Dictionary<(UnitCode, string), long> personIds = [];
    private readonly HashSet<UnitBuilder> changed = [];

    /// <exception cref="ArgumentException">The batch's unit is not a municipality or district.</exception>
    private int AddBatch(BatchHeader header, BatchRows rows, Explanation.BatchOrigin? origin)
    {
        if (!header.Unit.IsCaptureUnit) throw new ArgumentException($"{header.Unit} er ikke en kommune eller bydel.", nameof(header));
        if (!units.TryGetValue(header.Unit, out var unit)) units[header.Unit] = unit = new UnitBuilder(header.Unit);
        unit.Batches.Add(new BatchInfo(unit.Batches.Count, header) { Origin = origin, HasApproximateFamily = rows.ApproximateFamily });
        changed.Add(unit);
        batches.Add((unit, unit.Batches.Count - 1));
        return batches.Count - 1;
    }

    /// <summary>Adds every record of a batch; persons are identified by their keys within the batch's unit.</summary>
    public int Add(CaptureBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var unit = batch.Header.Unit;
        return Add(batch.Header, BatchRows.From(batch, key =>
        {
            if (!personIds.TryGetValue((unit, key), out var id)) personIds[(unit, key)] = id = personIds.Count;
            return id;
        }));
    }

    /// <summary>
    /// Adds a batch's rows; <see cref="BatchRows.People"/> are ids that name the same person in every batch of the unit
    /// (storage: <c>people.id</c>). <paramref name="origin"/> says where the batch is stored, for explaining a count.
    /// </summary>
    public int Add(BatchHeader header, BatchRows rows, Explanation.BatchOrigin? origin = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var handle = AddBatch(header, rows, origin);
        var (unit, b) = batches[handle];
        var info = unit.Batches[b];
        var person = new int[rows.People.Count];
        var slot = new int[person.Length];
        for (var i = 0; i < person.Length; i++)
        {
            var p = person[i] = unit.Person(rows.People[i]);
            slot[i] = unit.Listed(p, b);
            var birth = rows.Births[i];
            if (birth != UnitData.NoDay && (unit.Births[p].Batch < 0 || Newer(info, unit.Batches[unit.Births[p].Batch])))
                unit.Births.Set(p, AgeMonths.Of(birth, b));
        }
        ReadOnlySpan<int> r = rows.Payments;
        for (var i = 0; i < r.Length; i += 4)
        {
            // A payment with no date at all has no month (the reader rejects it; older stores might hold one).
            var (from, to) = r[i + 2] == UnitData.NoDay ? (Calendar.NoMonth, Calendar.NoMonth) : (Calendar.MonthOf(r[i + 2]), Calendar.MonthOf(r[i + 3]));
            unit.Payments.Add(new PaymentRow(b, person[r[i]], r[i + 1], from, to));
        }
        r = rows.Livelihood;
        // Main livelihood is a history (spec "main livelihood in M": the latest value with valid_from ≤ M.end): a stored
        // valid_to (KOSTRA's report year) is not read, so the value goes on until a later row or batch says otherwise.
        for (var i = 0; i < r.Length; i += 4)
            unit.Livelihood.Add(new LivelihoodRow(b, person[r[i]], slot[r[i]], r[i + 1], Calendar.MonthOf(r[i + 1]), r[i + 3]));
        r = rows.Children;
        for (var i = 0; i < r.Length; i += 5)
        {
            // The child counts only in the months its family record is valid.
            var child = IndicatorRules.ChildMonths(r[i + 1]);
            var first = Math.Max(child.First, Calendar.StartMonthOf(r[i + 3]));
            var last = Math.Min(child.Last, Calendar.MonthOf(r[i + 4]));
            unit.Family.Add(new ChildRow(b, person[r[i]], slot[r[i]], first, last, (r[i + 2] & BatchRows.ProviderFlag) != 0,
                (r[i + 2] & BatchRows.DutyInHouseholdFlag) != 0));
        }
        r = rows.Cases;
        for (var i = 0; i < r.Length; i += 3)
        {
            var (received, approved) = (r[i + 1], r[i + 2]);
            var days = received == UnitData.NoDay || approved == UnitData.NoDay
                ? Calendar.NoDays
                : IndicatorRules.ProcessingDays(DateOnly.FromDayNumber(received), DateOnly.FromDayNumber(approved));
            unit.Cases.Add(new CaseRow(b, r[i], Calendar.MonthOf(approved), days));
        }
        r = rows.Kvp;
        for (var i = 0; i < r.Length; i += 6)
        {
            var (start, end) = (r[i + 3], r[i + 4]);
            unit.Kvp.Add(new KvpRow(b, person[r[i]], slot[r[i]], Calendar.MonthOf(r[i + 1]), Calendar.MonthOf(r[i + 2]), Calendar.MonthOf(start),
                Calendar.MonthOf(end), IndicatorRules.B51Months(start, end), IndicatorRules.B151Months(start, end), r[i + 5]));
        }
        r = rows.Jobseekers;
        for (var i = 0; i < r.Length; i += 3)
        {
            var (first, last) = IndicatorRules.RegisteredAtEndMonths(r[i + 1], r[i + 2]);
            unit.Jobseekers.Add(new JobseekerRow(b, person[r[i]], slot[r[i]], first, last));
        }
        r = rows.Followups;
        for (var i = 0; i < r.Length; i += 2) unit.Followups.Add(new FollowupRow(b, person[r[i]], r[i + 1], Calendar.MonthOf(r[i + 1])));
        r = rows.Conditions;
        for (var i = 0; i < r.Length; i += 5)
        {
            var (first, last) = IndicatorRules.ConditionMonths(r[i + 2], r[i + 3]);
            unit.Conditions.Add(new ConditionRow(b, person[r[i]], r[i + 1], first, last, r[i + 4]));
        }
        r = rows.Exemptions;
        for (var i = 0; i < r.Length; i += 3) unit.Exemptions.Add(new ExemptionRow(b, person[r[i]], r[i + 1], Calendar.MonthOf(r[i + 1]), r[i + 2]));
        r = rows.Sanctions;
        for (var i = 0; i < r.Length; i += 4)
        {
            var day = IndicatorRules.SanctionDay(r[i + 1], r[i + 2]);
            unit.Sanctions.Add(new SanctionRow(b, person[r[i]], day, Calendar.MonthOf(day), r[i + 3]));
        }
        return handle;
    }

    /// <summary>
    /// Ranks the batches of every unit that got new ones since the last call by extract time and returns the working set.
    /// Call it again after adding more batches: only the changed units are redone, so a new month costs what it adds. A
    /// returned set never changes: adding more and building again, even while it is being computed on, leaves it as it was
    /// (the rows are shared, see <see cref="Rows{T}"/>; a unit that changes is frozen anew, the others are shared).
    /// </summary>
    public WorkingSet Build()
    {
        foreach (var unit in changed)
        {
            var ranked = unit.Batches.OrderBy(b => b.Header.ExtractedAt).ThenBy(b => b.Index).ToList();
            for (var r = 0; r < ranked.Count; r++)
            {
                if (ranked[r].Rank != r) unit.Batches[ranked[r].Index] = ranked[r] with { Rank = r };
            }
            SortLivelihood(unit);
        }
        // A newer version of an application filed under another unit changes what the first unit's batches say, too.
        changed.UnionWith(MarkReplacedByKey());
        foreach (var unit in changed) built[unit.Unit] = unit.Freeze();
        changed.Clear();
        return new WorkingSet(new Dictionary<UnitCode, UnitData>(built));
    }

    /// <summary>
    /// The engine reads each person's livelihood history per batch in valid_from order. Rows added since the last sort come
    /// from new batches only, so they are sorted on their own (stably: for equal valid_from the row read later stays later and
    /// wins) and merged into the sorted rest.
    /// </summary>
    /// Merged into a new array: a built working set keeps the order it was built with.
    private static void SortLivelihood(UnitBuilder unit)
    {
        var rows = unit.Livelihood;
        var sorted = unit.SortedLivelihood;
        if (sorted == rows.Count) return;
        var tail = rows.Span[sorted..].ToArray().OrderBy(l => l.Person).ThenBy(l => l.Batch).ThenBy(l => l.ValidFromDay).ToArray();
        var head = rows.Span[..sorted];
        var merged = new LivelihoodRow[rows.Count];
        int h = 0, t = 0;
        for (var i = 0; i < merged.Length; i++)
        {
            var takeHead = t == tail.Length || (h < head.Length && (head[h].Person, head[h].Batch).CompareTo((tail[t].Person, tail[t].Batch)) < 0);
            merged[i] = takeHead ? head[h++] : tail[t++];
        }
        rows.Replace(merged);
        unit.SortedLivelihood = merged.Length;
    }

    /// <summary>
    /// A keyed batch is the truth about its key wherever it was filed: a newer version under another unit (a Digisos
    /// application reassigned to another Oslo district office) replaces it too. Ties go to the one added later.
    /// </summary>
    private List<UnitBuilder> MarkReplacedByKey()
    {
        BatchInfo Info(int i) => batches[i].Unit.Batches[batches[i].Index];
        var newest = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < batches.Count; i++)
        {
            if (Info(i).Header.SupersessionKey is not { } key) continue;
            if (!newest.TryGetValue(key, out var current) || Info(current).Header.ExtractedAt <= Info(i).Header.ExtractedAt)
                newest[key] = i;
        }
        var touched = new List<UnitBuilder>();
        for (var i = 0; i < batches.Count; i++)
        {
            var info = Info(i);
            if (info.Header.SupersessionKey is not { } key) continue;
            var replaced = newest[key] != i;
            if (replaced == info.ReplacedByKey) continue;
            var (unit, index) = batches[i];
            unit.Batches[index] = info with { ReplacedByKey = replaced };
            touched.Add(unit);
        }
        return touched;
    }

    // The batch extracted later wins; for equal extract times the one added later (storage adds in import order).
    private static bool Newer(BatchInfo candidate, BatchInfo current) =>
        candidate.Header.ExtractedAt > current.Header.ExtractedAt
        || (candidate.Header.ExtractedAt == current.Header.ExtractedAt && candidate.Index > current.Index);
}
