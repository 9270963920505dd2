using Malekort.Capture;
using Malekort.Periods;

namespace Malekort.Indicators;

/// <summary>
/// Every rule of <c>indicators.md</c>, each in one place. The person-level rules decide what a person is in a month;
/// the indicator rules, named after the spec's codes, combine them. The engine evaluates the indicator rules on
/// 64 months at a time: bit <c>i</c> of a word is one month.
/// </summary>
public static class IndicatorRules
{
    /// <summary>
    /// The version of the rules that decide which rows of a batch can affect an indicator and what they say
    /// (<see cref="BatchRows.From"/>: <see cref="CountsAsSocialAssistance"/>, <see cref="PaymentDays"/>, <see cref="IsMainProvider"/>,
    /// <see cref="HasProviderDutyInHousehold"/>, children only, social assistance cases only, ordinary job seekers only). Change
    /// any of them and raise this: every store then rebuilds its cached engine rows from its readable tables.
    /// </summary>
    public const int RowsVersion = 1;

    /// <summary>Main livelihood code for social assistance (KOSTRA VKLO 5 = Sosialhjelp).</summary>
    public const int SocialAssistanceLivelihood = 5;

    /// <summary>Long-term: at least this many months with assistance in window(M) (spec "long-term in M").</summary>
    public const int LongTermMonths = 6;

    /// <summary>Long-term by B.102's version 2: at least this many consecutive months with assistance within window(M).</summary>
    public const int ConsecutiveMonths = 6;

    /// <summary>The window for long-term: M-11 … M.</summary>
    public const int WindowMonths = 12;

    /// <summary>"Under 25" = age ≤ 24 on M.end.</summary>
    public const int YoungAgeLimit = 25;

    /// <summary>A child is "under 18" = age ≤ 17 on M.end.</summary>
    public const int ChildAgeLimit = 18;

    /// <summary>A provider (hovedforsørger) has a child with at least this calculation percentage.</summary>
    public const int MainProviderPercent = 50;

    /// <summary>B10 looks for a follow-up in M-2 … M.</summary>
    public const int FollowupMonths = 3;

    /// <summary>V.101 and V.103 count recipients aged 18–29 on M.end: from this age …</summary>
    public const int ActivityDutyFromAge = 18;

    /// <summary>… to under this one (sosialtjenesteloven § 20a: recipients under 30).</summary>
    public const int ActivityDutyAgeLimit = 30;

    /// <summary>
    /// The spec's Choice ("Conditions and the activity duty"): the KOSTRA VILKAR codes that are activity conditions, `16`
    /// arbeidstrening, `17` kurs, `04` skole, `06` arbeidssøker/jobblogg, `07` jobbtilbud, `08` veiledningssamtaler, `19` digital
    /// aktivitetsplan, `20` norsk-/samiskopplæring. `10`, `18`, `14` and `15` are conditions but not activity.
    /// </summary>
    public static IReadOnlyList<string> ActivityConditionCodes { get; } = ["16", "17", "04", "06", "07", "08", "19", "20"];

    private static readonly int ActivityConditionBits = ConditionCodes.Bits(ConditionCodes.Conditions, ActivityConditionCodes);

    /// <summary>
    /// A social assistance payment: benefit type classified <c>OKONOMISK_SOSIALHJELP</c> (loans included when so
    /// classified) and status paid. Planned, stopped and cancelled payments, kvalifiseringsstønad and ANNET never count.
    /// </summary>
    public static bool CountsAsSocialAssistance(BenefitCategory category, PaymentStatus status) =>
        category == BenefitCategory.OkonomiskSosialhjelp && status == PaymentStatus.Utbetalt;

    /// <summary>
    /// The days a payment covers (spec "payment in month M", Choice): its period [period_from, period_to]; a payment with
    /// no period covers the day of its payment date. The payment counts in every month the days overlap.
    /// </summary>
    public static (int FromDay, int ToDay) PaymentDays(DateOnly? paymentDate, DateOnly? periodFrom, DateOnly? periodTo)
    {
        if (periodFrom is { } from && periodTo is { } to) return (from.DayNumber, to.DayNumber);
        var day = (paymentDate ?? periodFrom ?? periodTo)?.DayNumber ?? int.MinValue;
        return (day, day);
    }

    /// <summary>Provider (hovedforsørger): a child's calculation percentage (beregningsprosent) is 50 or more.</summary>
    public static bool IsMainProvider(int? calculationPercent) => calculationPercent >= MainProviderPercent;

    /// <summary>Provider duty in the household (KOSTRA BU18 = 1): provider duty and the child lives in the household.</summary>
    public static bool HasProviderDutyInHousehold(bool? providerDuty, bool? inHousehold) => providerDuty == true && inHousehold == true;

    // The month rules below turn a record's days into the months a fact holds, as absolute month indexes (Month.Index), so
    // that the calendar is done once when the working set is built and the engine only sets ranges of bits. They take day
    // numbers in BatchRows' form: an open start is BatchRows.OpenStart, an open end BatchRows.OpenEnd (stays open).

    /// <summary>
    /// Under 25 in M (age on M.end ≤ 24): every month before the first whose end finds the person 25. No lower bound: before
    /// birth nobody receives anything.
    /// </summary>
    internal static int LastYoungMonth(int birthDay) => Calendar.FirstMonthAged(birthDay, YoungAgeLimit) - 1;

    /// <summary>A child in M: born by M.end and aged ≤ 17 on M.end, so the month of birth up to the month before the one the child turns 18.</summary>
    internal static (int First, int Last) ChildMonths(int birthDay) =>
        (Calendar.MonthOf(birthDay), Calendar.FirstMonthAged(birthDay, ChildAgeLimit) - 1);

    /// <summary>
    /// B51 (Choice "etter starten av aktiv måned"): start ≤ M.end and (no end or end ≥ M.start), so the start's month up to the
    /// end's month. Status is ignored.
    /// </summary>
    internal static (int First, int Last) B51Months(int startDay, int endDay) => (Calendar.MonthOf(startDay), Calendar.MonthOf(endDay));

    /// <summary>
    /// B.151: in the programme at the end of the month: start ≤ M.end and (no end or end &gt; M.end), so the start's month up to
    /// the month before the end's: an end on M's last day is not after M.end.
    /// </summary>
    internal static (int First, int Last) B151Months(int startDay, int endDay) =>
        (Calendar.MonthOf(startDay), endDay == BatchRows.OpenEnd ? Calendar.Open : Calendar.MonthOf(endDay) - 1);

    /// <summary>
    /// B10's denominator: an ordinary job seeker registered on M.end (registered_from ≤ M.end ≤ registered_to or open), so the
    /// month of registered_from up to the last month that ends by registered_to.
    /// </summary>
    internal static (int First, int Last) RegisteredAtEndMonths(int fromDay, int toDay) =>
        (Calendar.MonthOf(fromDay), Calendar.LastMonthEndingBy(toDay));

    /// <summary>Whether a condition whose VILKAR codes are these bits of <see cref="ConditionCodes.Conditions"/> is an activity condition.</summary>
    internal static bool IsActivityCondition(int codeBits) => (codeBits & ActivityConditionBits) != 0;

    /// <summary>Aged 18–29 on M.end: from the month the person turns 18 to the month before the one they turn 30.</summary>
    internal static (int First, int Last) ActivityDutyMonths(int birthDay) =>
        (Calendar.FirstMonthAged(birthDay, ActivityDutyFromAge), Calendar.FirstMonthAged(birthDay, ActivityDutyAgeLimit) - 1);

    /// <summary>
    /// A condition is valid in M when [valid_from, valid_to] overlaps M (spec "Conditions and the activity duty"): the months of
    /// valid_from up to valid_to, so one ending on a month's first day is valid in that month.
    /// </summary>
    internal static (int First, int Last) ConditionMonths(int validFromDay, int validToDay) =>
        (Calendar.MonthOf(validFromDay), Calendar.MonthOf(validToDay));

    /// <summary>
    /// The day a sanction is dated and counted by: its date, or, known only by year (KOSTRA), 31 December of the year, so the
    /// yearly count is shown on December (spec "Conditions and the activity duty") and a newer extract covering that day
    /// supersedes it.
    /// </summary>
    internal static int SanctionDay(int day, int year) => day != BatchRows.NoDay ? day : new DateOnly(year, 12, 31).DayNumber;

    /// <summary>PL151: processing days = approved_date − received_date in whole days.</summary>
    public static int ProcessingDays(DateOnly received, DateOnly approved) => approved.DayNumber - received.DayNumber;

    /// <summary>
    /// Long-term for each month: at least 6 months with assistance in that month's 12-month window (spec "long-term in M").
    /// Bit-parallel: twelve shifted copies of the recipient bits are added into 4-bit counters, one per month, and a
    /// counter of 6 or more (0110, 0111, 1xxx) is long-term.
    /// </summary>
    internal static void LongTerm(ReadOnlySpan<ulong> recipient, Span<ulong> longTerm)
    {
        for (var w = 0; w < recipient.Length; w++)
        {
            ulong c0 = 0, c1 = 0, c2 = 0, c3 = 0;
            for (var back = 0; back < WindowMonths; back++)
            {
                var x = back == 0 ? recipient[w] : MonthBits.Shifted(recipient, w, back);
                var carry0 = c0 & x;
                c0 ^= x;
                var carry1 = c1 & carry0;
                c1 ^= carry0;
                var carry2 = c2 & carry1;
                c2 ^= carry1;
                c3 |= carry2;
            }
            longTerm[w] = c3 | (c2 & c1);
        }
    }

    /// <summary>
    /// Long-term by consecutive months for each month (B.102 version 2, "seks sammenhengende"): a run of at least
    /// <see cref="ConsecutiveMonths"/> months with assistance that lies within window(M). A run ending in month m is the AND of
    /// six shifted copies; window(M) holds one when a run ends in M-6 … M.
    /// </summary>
    internal static void LongTermConsecutive(ReadOnlySpan<ulong> recipient, Span<ulong> runs, Span<ulong> longTerm)
    {
        for (var w = 0; w < recipient.Length; w++)
        {
            var run = recipient[w];
            for (var back = 1; back < ConsecutiveMonths; back++) run &= MonthBits.Shifted(recipient, w, back);
            runs[w] = run;
        }
        for (var w = 0; w < recipient.Length; w++)
        {
            var any = runs[w];
            for (var back = 1; back <= WindowMonths - ConsecutiveMonths; back++) any |= MonthBits.Shifted(runs, w, back);
            longTerm[w] = any;
        }
    }

    // The indicators, by the spec's code, on one word of months of one person (see PersonMonths).
    // B.101, B.102 and B.103 share their numerators with BL151, BL152 and BL153.

    /// <summary>BL151: recipients in M.</summary>
    internal static ulong BL151(in PersonMonths p) => p.Recipient;

    /// <summary>BL152: long-term in M with main livelihood 5 in M (no payment in M itself required; this is in the source).</summary>
    internal static ulong BL152(in PersonMonths p) => p.LongTerm & p.Livelihood5;

    /// <summary>B.102 version 2's numerator: long-term by six consecutive months in window(M), with main livelihood 5 in M.</summary>
    internal static ulong BL152Consecutive(in PersonMonths p) => p.LongTermConsecutive & p.Livelihood5;

    /// <summary>BL153: recipients in M aged ≤ 24.</summary>
    internal static ulong BL153(in PersonMonths p) => p.Recipient & p.Young;

    /// <summary>BL154: BL152 persons aged ≤ 24.</summary>
    internal static ulong BL154(in PersonMonths p) => BL152(p) & p.Young;

    /// <summary>BL166: recipients in M who are long-term in M.</summary>
    internal static ulong BL166(in PersonMonths p) => p.Recipient & p.LongTerm;

    /// <summary>BL174: BL152 persons who are provider (hovedforsørger) in M.</summary>
    internal static ulong BL174(in PersonMonths p) => BL152(p) & p.MainProvider;

    /// <summary>B51: KVP participants during M.</summary>
    internal static ulong B51(in PersonMonths p) => p.KvpDuring;

    /// <summary>B.104 numerator: recipients in M with provider duty for a child under 18 in the household.</summary>
    internal static ulong B104(in PersonMonths p) => p.Recipient & p.DutyInHousehold;

    /// <summary>B.151: KVP participants at the end of M.</summary>
    internal static ulong B151(in PersonMonths p) => p.KvpAtEnd;

    /// <summary>B10 numerator: ordinary job seekers registered on M.end followed up in M-2 … M.</summary>
    internal static ulong B10(in PersonMonths p) => p.Jobseeker & p.FollowedUp;

    /// <summary>B10 denominator: ordinary job seekers registered on M.end.</summary>
    internal static ulong B10Denominator(in PersonMonths p) => p.Jobseeker;

    /// <summary>Stock flow, inflow: recipients in M who were not in M-1.</summary>
    internal static ulong Inflow(in PersonMonths p) => p.Recipient & ~p.RecipientPrevious;

    /// <summary>Stock flow, outflow: recipients in M-1 who are not in M.</summary>
    internal static ulong Outflow(in PersonMonths p) => p.RecipientPrevious & ~p.Recipient;

    /// <summary>V.101 numerator: recipients in M aged 18–29 with an activity condition valid in M.</summary>
    internal static ulong V101(in PersonMonths p) => V101Denominator(p) & p.ActivityCondition;

    /// <summary>V.101 denominator: recipients in M aged 18–29.</summary>
    internal static ulong V101Denominator(in PersonMonths p) => p.Recipient & p.ActivityDutyAge;

    /// <summary>V.102 numerator: recipients in M with any condition valid in M (its denominator is BL151).</summary>
    internal static ulong V102(in PersonMonths p) => p.Recipient & p.AnyCondition;

    /// <summary>
    /// V.103: recipients in M aged 18–29 with an exemption decided on or before M.end (the first, any ground) and no activity
    /// condition valid in M.
    /// </summary>
    internal static ulong V103(in PersonMonths p) => V101Denominator(p) & p.Exempted & ~p.ActivityCondition;

    /// <summary>V.104: persons with a sanction dated in M, recipients or not.</summary>
    internal static ulong V104(in PersonMonths p) => p.Sanctioned;

    // Linking Arena and the municipal data (seed 004): one person is one pseudonym in the unit's municipal and Arena extracts.

    /// <summary>KOBLET.ARBEIDSSOKER: recipients in M (BL151) registered as ordinary job seekers on M.end (B10's denominator).</summary>
    internal static ulong LinkedJobseeker(in PersonMonths p) => BL151(p) & B10Denominator(p);

    /// <summary>KOBLET.OPPFOLGING: recipients in M (BL151) registered as ordinary job seekers on M.end and followed up in M-2 … M (B10's numerator).</summary>
    internal static ulong LinkedFollowedUp(in PersonMonths p) => BL151(p) & B10(p);
}

/// <summary>One word (64 months) of one person's month facts; bit i is month base+64w+i.</summary>
internal readonly record struct PersonMonths(
    ulong Recipient,
    ulong RecipientPrevious,
    ulong LongTerm,
    ulong LongTermConsecutive,
    ulong Livelihood5,
    ulong Young,
    ulong MainProvider,
    ulong DutyInHousehold,
    ulong KvpDuring,
    ulong KvpAtEnd,
    ulong Jobseeker,
    ulong FollowedUp,
    ulong ActivityDutyAge,
    ulong ActivityCondition,
    ulong AnyCondition,
    ulong Exempted,
    ulong Sanctioned);
