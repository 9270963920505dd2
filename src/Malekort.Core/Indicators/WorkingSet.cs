using Malekort.Capture;
using Malekort.Periods;
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

    /// <summary>
    /// From the first batch's first month to the last batch's last month, across every unit, but never past
    /// <paramref name="current"/>: a batch may reach into months that have not begun (KOSTRA for the current year, a planned
    /// payment's due day), which hold no captured fact. With the dates an import refuses (<c>BatchLimits</c>), no single
    /// stray date can stretch the computation. The scorecard computes these months, and so does the CLI when it writes for
    /// sharing, so both suppress alike (what a month hides depends on the months before it).
    /// </summary>
    public MonthRange? MonthsCaptured(Month current)
    {
        Month? first = null, last = null;
        foreach (var unit in CaptureUnits)
        {
            foreach (var batch in BatchesOf(unit))
            {
                var (from, to) = (Month.Of(batch.PeriodFrom), Month.Of(batch.PeriodTo));
                if (first is null || from < first) first = from;
                if (last is null || to > last) last = to;
            }
        }
        if (last > current) last = current;
        return first is { } f && last is { } l && f <= l ? new MonthRange(f, l) : null;
    }
}

internal sealed class BatchInfo(int index, BatchHeader header)
{
    public int Index { get; } = index;
    public BatchHeader Header { get; } = header;
    public int FromDay { get; } = header.PeriodFrom.DayNumber;
    public int ToDay { get; } = header.PeriodTo.DayNumber;
    /// <summary>0 for the oldest extract; a higher rank supersedes a lower one.</summary>
    public int Rank { get; set; }
    /// <summary>Where the batch came from in the store, for explaining a count; null when not read from a store.</summary>
    public Explanation.BatchOrigin? Origin { get; set; }
    public bool HasApproximateFamily { get; set; }
    /// <summary>A newer batch with the same supersession key exists, in any unit (an application moved to another district).</summary>
    public bool ReplacedByKey { get; set; }
    public bool Has(CaptureDomains domain) => (Header.Domains & domain) != 0;
}

// Compact rows with the calendar already done: months are absolute month indexes (Month.Index), open ends are ±Calendar.Open,
// days are DateOnly.DayNumber (kept only where a rule needs the day: supersession and the order of livelihood rows).
internal readonly record struct PaymentRow(int Batch, int Person, int DatingDay, int FromMonth, int ToMonth);
// A history row's Slot is its batch's place among the batches that list the person (Listings), which history masks are kept by.
internal readonly record struct LivelihoodRow(int Batch, int Person, int Slot, int ValidFromDay, int FromMonth, int Source);
/// <summary>A child that makes its parent a provider in months <see cref="FirstMonth"/> … <see cref="LastMonth"/>.</summary>
internal readonly record struct ChildRow(int Batch, int Person, int Slot, int FirstMonth, int LastMonth, bool Provider, bool DutyInHousehold);
/// <summary>A case approved in <see cref="ApprovedMonth"/> after <see cref="ProcessingDays"/> days (<see cref="Calendar.NoDays"/>: no received date).</summary>
internal readonly record struct CaseRow(int Batch, int DatingDay, int ApprovedMonth, int ProcessingDays);
/// <summary>
/// A KVP programme: its events' months (registered, decided, started, ended), the months the person is a participant during
/// (<see cref="IndicatorRules.B51Months"/>) and at the end of (<see cref="IndicatorRules.B151Months"/>), and the situations after.
/// </summary>
internal readonly record struct KvpRow(int Batch, int Person, int Slot, int RegisteredMonth, int DecisionMonth, int StartMonth, int EndMonth,
    (int First, int Last) During, (int First, int Last) AtEnd, int Situations);
/// <summary>An ordinary job seeker registered on the last day of months <see cref="FirstMonth"/> … <see cref="LastMonth"/>.</summary>
internal readonly record struct JobseekerRow(int Batch, int Person, int Slot, int FirstMonth, int LastMonth);
internal readonly record struct FollowupRow(int Batch, int Person, int Day, int Month);
/// <summary>
/// A condition decided on <see cref="DecidedDay"/> and valid in months <see cref="FirstMonth"/> … <see cref="LastMonth"/>, with its
/// VILKAR codes as bits of <see cref="ConditionCodes.Conditions"/>.
/// </summary>
internal readonly record struct ConditionRow(int Batch, int Person, int DecidedDay, int FirstMonth, int LastMonth, int Codes);
/// <summary>An exemption from the activity duty decided on <see cref="DecidedDay"/>, in <see cref="Month"/>, grounds as bits of <see cref="ConditionCodes.ExemptionGrounds"/>.</summary>
internal readonly record struct ExemptionRow(int Batch, int Person, int DecidedDay, int Month, int Grounds);
/// <summary>
/// A sanction dated <see cref="Day"/> in <see cref="Month"/> (one known only by year is dated and counted on its December), of
/// the kind at <see cref="Kind"/> in <see cref="ConditionCodes.SanctionKinds"/>.
/// </summary>
internal readonly record struct SanctionRow(int Batch, int Person, int Day, int Month, int Kind);

/// <summary>
/// The months a person's age puts them in the age groups the rules ask about, by the birth date of the newest extract naming
/// them (and that batch): under 25 up to <see cref="LastYoung"/> (<see cref="IndicatorRules.LastYoungMonth"/>), 18–29 in
/// <see cref="FirstActivityDuty"/> … <see cref="LastActivityDuty"/> (<see cref="IndicatorRules.ActivityDutyMonths"/>).
/// </summary>
internal readonly record struct AgeMonths(int LastYoung, int FirstActivityDuty, int LastActivityDuty, int Batch)
{
    /// <summary>No batch gave a birth date.</summary>
    public static readonly AgeMonths Unknown = new(Calendar.NoMonth, Calendar.NoMonth, Calendar.NoMonth, -1);

    public static AgeMonths Of(int birthDay, int batch)
    {
        var (first, last) = IndicatorRules.ActivityDutyMonths(birthDay);
        return new(IndicatorRules.LastYoungMonth(birthDay), first, last, batch);
    }
}

/// <summary>The calendar arithmetic a row needs, done once when the working set is built rather than on every recompute.</summary>
internal static class Calendar
{
    /// <summary>An open end, far outside any month range (month indexes are about 24 000).</summary>
    public const int Open = int.MaxValue / 2;

    /// <summary>No month (an empty date).</summary>
    public const int NoMonth = int.MinValue / 2;

    /// <summary>A case without a received date.</summary>
    public const int NoDays = int.MinValue;

    /// <summary>The month of a day number; open ends stay open and an empty date has no month.</summary>
    public static int MonthOf(int day) => day switch
    {
        UnitData.NoDay => NoMonth,
        int.MaxValue => Open,
        _ => Periods.Month.Of(DateOnly.FromDayNumber(day)).Index,
    };

    /// <summary>The month of a start day; an open start is open.</summary>
    public static int StartMonthOf(int day) => day == int.MinValue ? -Open : MonthOf(day);

    /// <summary>The first month at whose end someone born on <paramref name="birthDay"/> is <paramref name="years"/> or older.</summary>
    public static int FirstMonthAged(int birthDay, int years) =>
        Periods.Age.FirstMonthAged(DateOnly.FromDayNumber(birthDay), years).Index;

    /// <summary>The last month whose last day is on or before <paramref name="day"/> (open stays open).</summary>
    public static int LastMonthEndingBy(int day)
    {
        if (day == int.MaxValue) return Open;
        var date = DateOnly.FromDayNumber(day);
        var month = Periods.Month.Of(date);
        return date == month.End ? month.Index : month.Index - 1;
    }
}

internal sealed class UnitData(UnitCode unit)
{
    public const int NoDay = int.MinValue;
    public UnitCode Unit { get; } = unit;
    public List<BatchInfo> Batches { get; } = [];
    /// <summary>Which batch is the truth for what; redone by <see cref="WorkingSetBuilder.Build"/> when the batches change.</summary>
    public Supersession Supersession { get; set; } = new([], new Listings());
    public Dictionary<long, int> PersonIndex { get; } = [];
    /// <summary>Which batches list each person.</summary>
    public Listings Listings { get; } = new();
    /// <summary>Per person, its list in <see cref="Listings"/>.</summary>
    public List<int> Listing { get; } = [];
    /// <summary>Per person, the months of the age groups the rules ask about (<see cref="AgeMonths.Unknown"/> without a birth date).</summary>
    public List<AgeMonths> Births { get; } = [];
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
    public List<ConditionRow> Conditions { get; } = [];
    public List<ExemptionRow> Exemptions { get; } = [];
    public List<SanctionRow> Sanctions { get; } = [];

    public int Person(long key)
    {
        if (!PersonIndex.TryGetValue(key, out var index))
        {
            index = PersonIndex.Count;
            PersonIndex.Add(key, index);
            Births.Add(AgeMonths.Unknown);
            Listing.Add(Listings.Empty);
        }
        return index;
    }

    /// <summary>Records that <paramref name="batch"/> lists <paramref name="person"/>; returns the batch's slot in the person's list.</summary>
    public int Listed(int person, int batch)
    {
        var list = Listing[person] = Listings.With(Listing[person], batch);
        return Listings.Batches(list).Length - 1;
    }
}

/// <summary>
/// Which batches list each person (capture format, "The batch": a batch says nothing about persons it does not list). Each
/// distinct set of batches is numbered once, so the engine works out whose histories count once per set, not per person:
/// yearly extracts give a unit a handful of sets, however many persons it has.
/// </summary>
internal sealed class Listings
{
    /// <summary>The list of a person no batch has listed yet.</summary>
    public const int Empty = 0;

    // A list grows only by a batch added after every batch in it, so the list and that batch name the longer list.
    private readonly List<int[]> lists = [[]];
    private readonly Dictionary<(int List, int Batch), int> next = [];

    /// <summary>How many lists there are.</summary>
    public int Count => lists.Count;

    /// <summary>The batches (indexes in <see cref="UnitData.Batches"/>) of a list, in the order they were added.</summary>
    public int[] Batches(int list) => lists[list];

    /// <summary>The list with <paramref name="batch"/> added; the same list when the batch is its last already.</summary>
    public int With(int list, int batch)
    {
        var batches = lists[list];
        if (batches.Length > 0 && batches[^1] == batch) return list;
        if (!next.TryGetValue((list, batch), out var longer))
        {
            longer = lists.Count;
            lists.Add([.. batches, batch]);
            next.Add((list, batch), longer);
        }
        return longer;
    }
}
