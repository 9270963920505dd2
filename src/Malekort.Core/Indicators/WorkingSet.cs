using Malekort.Capture;
using Malekort.Periods;
using Malekort.Units;

namespace Malekort.Indicators;

/// <summary>
/// Everything the engine reads, held compactly in memory: per unit its batches and the records that can
/// affect an indicator, persons replaced by dense indexes and dates by day numbers. Built from storage
/// (<see cref="WorkingSetBuilder"/>); every recompute reads only this. Immutable: the builder that made it may add batches and
/// build the next one while this one is read, sharing the rows and the units that did not change.
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

/// <summary>
/// One batch of a unit as a built working set sees it. Immutable: a build that re-ranks a unit's batches or finds one replaced
/// by key makes new ones, so a working set still being read keeps what it was built with.
/// </summary>
internal sealed record BatchInfo(int Index, BatchHeader Header)
{
    public int FromDay { get; } = Header.PeriodFrom.DayNumber;
    public int ToDay { get; } = Header.PeriodTo.DayNumber;
    /// <summary>0 for the oldest extract; a higher rank supersedes a lower one.</summary>
    public int Rank { get; init; }
    /// <summary>Where the batch came from in the store, for explaining a count; null when not read from a store.</summary>
    public Explanation.BatchOrigin? Origin { get; init; }
    public bool HasApproximateFamily { get; init; }
    /// <summary>A newer batch with the same supersession key exists, in any unit (an application moved to another district).</summary>
    public bool ReplacedByKey { get; init; }
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

/// <summary>
/// One unit's part of a built <see cref="WorkingSet"/>, as the engine reads it. Immutable: made by
/// <see cref="UnitBuilder.Freeze"/> when the unit's batches changed, and shared by every later working set until they change
/// again, so keeping a working set between data versions costs only the units that changed.
/// </summary>
internal sealed class UnitData
{
    public const int NoDay = int.MinValue;

    private readonly Frozen<long> personIds;
    private readonly Frozen<int> listing;
    private readonly Frozen<AgeMonths> births;
    private readonly Frozen<PaymentRow> payments;
    private readonly Frozen<LivelihoodRow> livelihood;
    private readonly Frozen<ChildRow> family;
    private readonly Frozen<CaseRow> cases;
    private readonly Frozen<KvpRow> kvp;
    private readonly Frozen<JobseekerRow> jobseekers;
    private readonly Frozen<FollowupRow> followups;
    private readonly Frozen<ConditionRow> conditions;
    private readonly Frozen<ExemptionRow> exemptions;
    private readonly Frozen<SanctionRow> sanctions;

    public UnitData(UnitBuilder unit)
    {
        Unit = unit.Unit;
        Batches = [.. unit.Batches];
        Listings = unit.Listings.Freeze();
        Supersession = new Supersession(Batches, Listings);
        personIds = unit.PersonIds.Freeze();
        listing = unit.Listing.Freeze();
        births = unit.Births.Freeze();
        payments = unit.Payments.Freeze();
        livelihood = unit.Livelihood.Freeze();
        family = unit.Family.Freeze();
        cases = unit.Cases.Freeze();
        kvp = unit.Kvp.Freeze();
        jobseekers = unit.Jobseekers.Freeze();
        followups = unit.Followups.Freeze();
        conditions = unit.Conditions.Freeze();
        exemptions = unit.Exemptions.Freeze();
        sanctions = unit.Sanctions.Freeze();
    }

    public UnitCode Unit { get; }
    /// <summary>The unit's batches in the order added (a row's <c>Batch</c> indexes them), ranked as of this build.</summary>
    public IReadOnlyList<BatchInfo> Batches { get; }
    /// <summary>Which batch is the truth for what, decided when this was built.</summary>
    public Supersession Supersession { get; }
    /// <summary>Which batches list each person.</summary>
    public Listings Listings { get; }
    /// <summary>Per person, its list in <see cref="Listings"/>.</summary>
    public ReadOnlySpan<int> Listing => listing.Span;
    /// <summary>Per person, the id the batches name the person by (storage: <c>people.id</c>).</summary>
    public ReadOnlySpan<long> PersonIds => personIds.Span;
    /// <summary>Per person, the months of the age groups the rules ask about (<see cref="AgeMonths.Unknown"/> without a birth date).</summary>
    public ReadOnlySpan<AgeMonths> Births => births.Span;
    public int PersonCount => personIds.Count;
    public ReadOnlySpan<PaymentRow> Payments => payments.Span;
    /// <summary>In engine order: by person, batch and valid_from (<see cref="WorkingSetBuilder"/> sorts them).</summary>
    public ReadOnlySpan<LivelihoodRow> Livelihood => livelihood.Span;
    public ReadOnlySpan<ChildRow> Family => family.Span;
    public ReadOnlySpan<CaseRow> Cases => cases.Span;
    public ReadOnlySpan<KvpRow> Kvp => kvp.Span;
    public ReadOnlySpan<JobseekerRow> Jobseekers => jobseekers.Span;
    public ReadOnlySpan<FollowupRow> Followups => followups.Span;
    public ReadOnlySpan<ConditionRow> Conditions => conditions.Span;
    public ReadOnlySpan<ExemptionRow> Exemptions => exemptions.Span;
    public ReadOnlySpan<SanctionRow> Sanctions => sanctions.Span;
}

/// <summary>
/// Which batches list each person (capture format, "The batch": a batch says nothing about persons it does not list). Each
/// distinct set of batches is numbered once, so the engine works out whose histories count once per set, not per person:
/// yearly extracts give a unit a handful of sets, however many persons it has. As a built working set sees them; the
/// builder's growing side is <see cref="ListingsBuilder"/>.
/// </summary>
internal sealed class Listings(Frozen<int[]> lists)
{
    /// <summary>The list of a person no batch has listed yet.</summary>
    public const int Empty = 0;

    /// <summary>How many lists there are.</summary>
    public int Count => lists.Count;

    /// <summary>The batches (indexes in <see cref="UnitData.Batches"/>) of a list, in the order they were added.</summary>
    public int[] Batches(int list) => lists.Span[list];
}
