using Malekort.Capture;
using Malekort.Units;

namespace Malekort.Indicators;

/// <summary>
/// Builds a <see cref="WorkingSet"/> from stored batches, row by row, keeping only what can affect an indicator
/// (paid social assistance, children, ordinary job seekers …). Storage streams rows in; tests add whole batches.
/// </summary>
public sealed class WorkingSetBuilder
{
    private readonly Dictionary<UnitCode, UnitData> units = [];
    private readonly List<(UnitData Unit, BatchInfo Batch)> batches = [];
    private readonly Dictionary<(UnitCode, string), long> personIds = [];

    /// <summary>Adds a batch and returns the handle its rows are added with.</summary>
    /// <exception cref="ArgumentException">The batch's unit is not a municipality or district.</exception>
    public int AddBatch(BatchHeader header)
    {
        if (!header.Unit.IsCaptureUnit) throw new ArgumentException($"{header.Unit} er ikke en kommune eller bydel.", nameof(header));
        if (!units.TryGetValue(header.Unit, out var unit)) units[header.Unit] = unit = new UnitData(header.Unit);
        var info = new BatchInfo(unit.Batches.Count, header);
        unit.Batches.Add(info);
        batches.Add((unit, info));
        return batches.Count - 1;
    }

    /// <summary>Adds every record of a batch; persons are identified by their keys within the batch's unit.</summary>
    public int Add(CaptureBatch batch)
    {
        var b = AddBatch(batch.Header);
        long Id(string key)
        {
            if (!personIds.TryGetValue((batch.Header.Unit, key), out var id))
                personIds[(batch.Header.Unit, key)] = id = personIds.Count;
            return id;
        }
        foreach (var p in batch.Persons) AddPerson(b, Id(p.PersonKey), p.BirthDate);
        foreach (var p in batch.Payments) AddPayment(b, Id(p.PersonKey), p.Category, p.Status, p.PaymentDate, p.PeriodFrom, p.PeriodTo);
        foreach (var l in batch.Livelihood) AddLivelihood(b, Id(l.PersonKey), l.ValidFrom, l.ValidTo, l.Source);
        foreach (var f in batch.Family)
            AddFamily(b, Id(f.PersonKey), f.Relation, f.MemberBirthDate, f.CalculationPercent, f.ProviderDuty, f.InHousehold, f.ValidFrom, f.ValidTo, f.Approximate);
        foreach (var c in batch.Cases) AddCase(b, c.Category, c.ReceivedDate, c.ApprovedDate);
        foreach (var k in batch.Kvp) AddKvp(b, Id(k.PersonKey), k.RegisteredDate, k.DecisionDate, k.StartDate, k.EndDate, k.SituationAfter);
        foreach (var j in batch.Jobseekers) AddJobseeker(b, Id(j.PersonKey), j.Group, j.RegisteredFrom, j.RegisteredTo);
        foreach (var f in batch.Followups) AddFollowup(b, Id(f.PersonKey), f.Date);
        return b;
    }

    /// <summary>Adds a person's birth date.</summary>
    public void AddPerson(int batch, long person, DateOnly birthDate)
    {
        var (unit, info) = batches[batch];
        var p = unit.Person(person);
        unit.Births[p] = unit.Births[p].Batch < 0 || Newer(info, unit.Batches[unit.Births[p].Batch])
            ? (birthDate.DayNumber, info.Index)
            : unit.Births[p];
    }

    /// <summary>Adds a payment; only paid social assistance is kept (spec "social assistance payment").</summary>
    public void AddPayment(int batch, long person, BenefitCategory category, PaymentStatus status,
        DateOnly? paymentDate, DateOnly? periodFrom, DateOnly? periodTo)
    {
        if (!IndicatorRules.CountsAsSocialAssistance(category, status)) return;
        var (unit, info) = batches[batch];
        var dating = (paymentDate ?? periodFrom)?.DayNumber ?? UnitData.NoDay;
        var (from, to) = IndicatorRules.PaymentDays(paymentDate, periodFrom, periodTo);
        unit.Payments.Add(new PaymentRow(info.Index, unit.Person(person), dating, from, to));
    }

    /// <summary>Adds a main-livelihood record.</summary>
    public void AddLivelihood(int batch, long person, DateOnly validFrom, DateOnly? validTo, int source)
    {
        var (unit, info) = batches[batch];
        unit.Livelihood.Add(new LivelihoodRow(info.Index, unit.Person(person), validFrom.DayNumber, validTo?.DayNumber ?? int.MaxValue, source));
    }

    /// <summary>Adds a family member; only children with a birth date can affect an indicator.</summary>
    public void AddFamily(int batch, long person, FamilyRelation relation, DateOnly? memberBirthDate, int? calculationPercent,
        bool? providerDuty, bool? inHousehold, DateOnly? validFrom, DateOnly? validTo, bool approximate)
    {
        if (relation != FamilyRelation.Barn || memberBirthDate is null) return;
        var (unit, info) = batches[batch];
        if (approximate) info.HasApproximateFamily = true;
        unit.Family.Add(new ChildRow(info.Index, unit.Person(person), memberBirthDate.Value.DayNumber,
            IndicatorRules.IsMainProvider(calculationPercent), IndicatorRules.HasProviderDutyInHousehold(providerDuty, inHousehold),
            validFrom?.DayNumber ?? int.MinValue, validTo?.DayNumber ?? int.MaxValue));
    }

    /// <summary>Adds a case; only social assistance cases can affect PL151.</summary>
    public void AddCase(int batch, BenefitCategory category, DateOnly? receivedDate, DateOnly? approvedDate)
    {
        if (category != BenefitCategory.OkonomiskSosialhjelp) return;
        var (unit, info) = batches[batch];
        var dating = (receivedDate ?? approvedDate)?.DayNumber ?? UnitData.NoDay;
        unit.Cases.Add(new CaseRow(info.Index, dating, receivedDate?.DayNumber ?? UnitData.NoDay, approvedDate?.DayNumber ?? UnitData.NoDay));
    }

    /// <summary>Adds a KVP participation.</summary>
    public void AddKvp(int batch, long person, DateOnly? registeredDate, DateOnly? decisionDate, DateOnly startDate, DateOnly? endDate,
        IReadOnlyList<string> situationAfter)
    {
        var (unit, info) = batches[batch];
        unit.Kvp.Add(new KvpRow(info.Index, unit.Person(person), registeredDate?.DayNumber ?? UnitData.NoDay,
            decisionDate?.DayNumber ?? UnitData.NoDay, startDate.DayNumber, endDate?.DayNumber ?? int.MaxValue, [.. situationAfter]));
    }

    /// <summary>Adds a job seeker registration; only ordinary job seekers count in B10.</summary>
    public void AddJobseeker(int batch, long person, JobseekerGroup group, DateOnly registeredFrom, DateOnly? registeredTo)
    {
        if (group != JobseekerGroup.Ordinaer) return;
        var (unit, info) = batches[batch];
        unit.Jobseekers.Add(new JobseekerRow(info.Index, unit.Person(person), registeredFrom.DayNumber, registeredTo?.DayNumber ?? int.MaxValue));
    }

    /// <summary>Adds a follow-up contact.</summary>
    public void AddFollowup(int batch, long person, DateOnly date)
    {
        var (unit, info) = batches[batch];
        unit.Followups.Add(new FollowupRow(info.Index, unit.Person(person), date.DayNumber));
    }

    /// <summary>Ranks each unit's batches by extract time and returns the working set.</summary>
    public WorkingSet Build()
    {
        foreach (var unit in units.Values)
        {
            var ranked = unit.Batches.OrderBy(b => b.Header.ExtractedAt).ThenBy(b => b.Index).ToList();
            for (var r = 0; r < ranked.Count; r++) ranked[r].Rank = r;
            // The engine reads each person's livelihood history per batch in valid_from order; the sort is stable, so for
            // equal valid_from the row read later stays later and wins.
            var livelihood = unit.Livelihood.OrderBy(l => l.Person).ThenBy(l => l.Batch).ThenBy(l => l.ValidFrom).ToList();
            unit.Livelihood.Clear();
            unit.Livelihood.AddRange(livelihood);
        }
        MarkReplacedByKey();
        return new WorkingSet(units);
    }

    /// <summary>
    /// A keyed batch is the truth about its key wherever it was filed: a newer version under another unit (a Digisos
    /// application reassigned to another Oslo district office) replaces it too. Ties go to the one added later.
    /// </summary>
    private void MarkReplacedByKey()
    {
        var newest = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < batches.Count; i++)
        {
            if (batches[i].Batch.Header.SupersessionKey is not { } key) continue;
            if (!newest.TryGetValue(key, out var current)
                || batches[current].Batch.Header.ExtractedAt <= batches[i].Batch.Header.ExtractedAt)
                newest[key] = i;
        }
        for (var i = 0; i < batches.Count; i++)
        {
            if (batches[i].Batch.Header.SupersessionKey is { } key) batches[i].Batch.ReplacedByKey = newest[key] != i;
        }
    }

    // The batch extracted later wins; for equal extract times the one added later (storage adds in import order).
    private static bool Newer(BatchInfo candidate, BatchInfo current) =>
        candidate.Header.ExtractedAt > current.Header.ExtractedAt
        || (candidate.Header.ExtractedAt == current.Header.ExtractedAt && candidate.Index > current.Index);
}
