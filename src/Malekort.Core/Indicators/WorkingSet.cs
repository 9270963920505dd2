using Malekort.Capture;
using Malekort.Units;

namespace Malekort.Indicators;

/// <summary>
/// Everything the engine reads, held compactly in memory: per unit its batches and the records that can
/// affect an indicator, persons replaced by dense indexes and dates by day numbers. Built once from storage;
/// every recompute reads only this.
/// </summary>
public sealed class WorkingSet
{
    internal WorkingSet(IReadOnlyDictionary<UnitCode, UnitData> units) => Units = units;

    internal IReadOnlyDictionary<UnitCode, UnitData> Units { get; }

    /// <summary>The municipalities and districts with any captured data.</summary>
    public IEnumerable<UnitCode> CaptureUnits => Units.Keys.Order();

    /// <summary>The batches of a unit, oldest extract first.</summary>
    public IReadOnlyList<BatchHeader> BatchesOf(UnitCode unit) =>
        Units.TryGetValue(unit, out var u) ? u.Batches.OrderBy(b => b.Rank).Select(b => b.Header).ToList() : [];

    /// <summary>The number of records held, for sizing and benchmarks.</summary>
    public long RecordCount => Units.Values.Sum(u => (long)u.Payments.Count + u.Livelihood.Count + u.Family.Count + u.Cases.Count
        + u.Kvp.Count + u.Jobseekers.Count + u.Followups.Count + u.PersonCount);
}

internal sealed class BatchInfo(int index, BatchHeader header)
{
    public int Index { get; } = index;
    public BatchHeader Header { get; } = header;
    public int FromDay { get; } = header.PeriodFrom.DayNumber;
    public int ToDay { get; } = header.PeriodTo.DayNumber;
    /// <summary>0 for the oldest extract; a higher rank supersedes a lower one.</summary>
    public int Rank { get; set; }
    public bool HasApproximateFamily { get; set; }
    /// <summary>A newer batch with the same supersession key exists, in any unit (an application moved to another district).</summary>
    public bool ReplacedByKey { get; set; }
    public bool Has(CaptureDomains domain) => (Header.Domains & domain) != 0;
}

// Compact rows: day numbers (DateOnly.DayNumber), NoDay for an empty date.
internal readonly record struct PaymentRow(int Batch, int Person, int DatingDay, int FromDay, int ToDay);
internal readonly record struct LivelihoodRow(int Batch, int Person, int ValidFrom, int ValidTo, int Source);
internal readonly record struct ChildRow(int Batch, int Person, int BirthDay, bool Provider, bool DutyInHousehold, int ValidFrom, int ValidTo);
internal readonly record struct CaseRow(int Batch, int DatingDay, int Received, int Approved);
internal readonly record struct KvpRow(int Batch, int Person, int Registered, int Decision, int Start, int End, int Situations);
internal readonly record struct JobseekerRow(int Batch, int Person, int From, int To);
internal readonly record struct FollowupRow(int Batch, int Person, int Day);

internal sealed class UnitData(UnitCode unit)
{
    public const int NoDay = int.MinValue;
    public UnitCode Unit { get; } = unit;
    public List<BatchInfo> Batches { get; } = [];
    public Dictionary<long, int> PersonIndex { get; } = [];
    /// <summary>Birth day per person, and the batch that said so (the newest extract wins); -1 when no batch did.</summary>
    public List<(int BirthDay, int Batch)> Births { get; } = [];
    public int PersonCount => PersonIndex.Count;
    public List<PaymentRow> Payments { get; } = [];
    public List<LivelihoodRow> Livelihood { get; } = [];
    /// <summary>How many of <see cref="Livelihood"/>'s rows are already in engine order.</summary>
    public int SortedLivelihood { get; set; }
    public List<ChildRow> Family { get; } = [];
    public List<CaseRow> Cases { get; } = [];
    public List<KvpRow> Kvp { get; } = [];
    public List<JobseekerRow> Jobseekers { get; } = [];
    public List<FollowupRow> Followups { get; } = [];

    public int Person(long key)
    {
        if (!PersonIndex.TryGetValue(key, out var index))
        {
            index = PersonIndex.Count;
            PersonIndex.Add(key, index);
            Births.Add((NoDay, -1));
        }
        return index;
    }
}
